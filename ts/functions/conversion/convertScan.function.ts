import { app, type InvocationContext } from '@azure/functions';
import { conversionServices } from './conversionServices';
import { convertScan } from './convertScan';

/**
 * Blob trigger for uploads to `scans/{agencyCode}/...`. The blob's bytes, metadata and properties are
 * read again through the storage client (one consistent version, the same under any host), so the
 * trigger's own content is not used. Returning ends the delivery; throwing asks for a retry.
 */
export async function convertScanTrigger(_blob: unknown, context: InvocationContext): Promise<void> {
  const { blobTrigger, name } = context.triggerMetadata ?? {};
  const blobPath =
    typeof blobTrigger === 'string' ? blobTrigger : `scans/${typeof name === 'string' ? name : ''}`;
  const outcome = await convertScan(
    blobPath,
    conversionServices((message) => context.log(`[${context.invocationId}] ${message}`)),
  );
  if (outcome.status === 'rejected') {
    context.warn(`Scan ${blobPath} rejected: ${outcome.record.rejectionCode ?? ''}`);
  }
}

app.storageBlob('convertScan', {
  path: 'scans/{name}',
  connection: 'AzureWebJobsStorage',
  source: 'EventGrid',
  handler: convertScanTrigger,
});
