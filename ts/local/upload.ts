/**
 * Uploads a scan for conversion, as a clerk's scanner station would:
 *
 *   npm run upload -- <file> --agency <code> --converter "<full name>" [--sign]
 *                    [--purpose general|administrative-procedure|certification] [--no-qr]
 *                    [--language vie+eng] [--name path/in/agency.pdf] [--wait]
 *
 * Blob metadata is ASCII only, so the values are percent-encoded UTF-8 (the contract of convertScan).
 * `--wait` polls GET /api/conversions of the local host (up to two minutes) and prints the result.
 * Storage is AzureWebJobsStorage from local.settings.json, else the local Azurite of `npm start`.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BlobServiceClient } from '@azure/storage-blob';
import { encodeMetadataValue, SCANS_CONTAINER } from '../functions/conversion/conversionRequest';
import { expandConnectionString } from '../functions/core/storage';
import { appRoot } from '../functions/core/version';
import { loadLocalSettings } from './settings';

export interface UploadOptions {
  file: string;
  agency: string;
  converter: string;
  sign?: boolean;
  purpose?: string;
  qr?: boolean;
  language?: string;
  /** Path under the agency folder; defaults to the file's name. */
  name?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

/** The blob metadata for an upload: every value percent-encoded, absent options left to the defaults. */
export function uploadMetadata(options: UploadOptions): Record<string, string> {
  const metadata: Record<string, string> = { converter: encodeMetadataValue(options.converter) };
  if (options.purpose) metadata.purpose = encodeMetadataValue(options.purpose);
  if (options.sign) metadata.sign = 'true';
  if (options.qr === false) metadata.qr = 'false';
  if (options.language) metadata.language = encodeMetadataValue(options.language);
  return metadata;
}

/** Uploads the file to `scans/{agency}/{name}` and returns that blob path. */
export async function uploadScan(blobs: BlobServiceClient, options: UploadOptions): Promise<string> {
  const name = `${options.agency}/${(options.name ?? basename(options.file)).replace(/^\/+/, '')}`;
  const container = blobs.getContainerClient(SCANS_CONTAINER);
  await container.createIfNotExists();
  const bytes = await readFile(options.file);
  await container.getBlockBlobClient(name).uploadData(bytes, {
    metadata: uploadMetadata(options),
    blobHTTPHeaders: {
      blobContentType: CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
    },
  });
  return `${SCANS_CONTAINER}/${name}`;
}

interface ConversionStatus {
  status?: string;
  lookupCode?: string;
  reason?: { vi: string; en: string };
  links?: { dataMessage: string };
}

/** Polls the local host's status API until the upload is converted or rejected. */
async function waitForConversion(statusUrl: string, seconds: number): Promise<ConversionStatus | undefined> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const response = await fetch(statusUrl).catch(() => undefined);
    if (response?.ok) {
      const body = (await response.json()) as ConversionStatus;
      if (body.status === 'converted' || body.status === 'rejected') return body;
    }
    await new Promise((done) => setTimeout(done, 1000));
  }
  return undefined;
}

const USAGE =
  'Usage: npm run upload -- <file> --agency <code> --converter "<full name>" [--sign] [--purpose p] [--no-qr] ' +
  '[--language vie+eng] [--name path] [--wait]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      converter: { type: 'string' },
      sign: { type: 'boolean' },
      purpose: { type: 'string' },
      'no-qr': { type: 'boolean' },
      language: { type: 'string' },
      name: { type: 'string' },
      wait: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const [file] = positionals;
  if (values.help || !file || !values.agency || !values.converter) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const root = appRoot();
  loadLocalSettings(root);
  const connectionString = expandConnectionString(
    process.env.AzureWebJobsStorage ?? 'UseDevelopmentStorage=true',
  );
  const blobs = BlobServiceClient.fromConnectionString(connectionString);
  const blobPath = await uploadScan(blobs, {
    file: resolve(process.cwd(), file),
    agency: values.agency,
    converter: values.converter,
    ...(values.sign ? { sign: true } : {}),
    ...(values.purpose ? { purpose: values.purpose } : {}),
    ...(values['no-qr'] ? { qr: false } : {}),
    ...(values.language ? { language: values.language } : {}),
    ...(values.name ? { name: values.name } : {}),
  });
  const api = `http://127.0.0.1:${process.env.LOCAL_HOST_PORT ?? '7071'}/api`;
  const statusUrl = `${api}/conversions?blob=${encodeURIComponent(blobPath)}`;
  console.log(`Uploaded ${blobPath}`);
  console.log(`Status: ${statusUrl}`);
  if (!values.wait) return;
  const status = await waitForConversion(statusUrl, 120);
  if (!status) {
    console.error('No result yet: is `npm start` running?');
    process.exitCode = 1;
  } else if (status.status === 'rejected') {
    console.error(`Rejected: ${status.reason?.vi ?? ''} / ${status.reason?.en ?? ''}`);
    process.exitCode = 1;
  } else {
    console.log(`Converted: lookup code ${status.lookupCode ?? ''}`);
    console.log(`Data message: ${status.links?.dataMessage ?? ''}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
