import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { storage } from '../core/storage';
import { SCANS_CONTAINER } from './conversionRequest';

/** Blob side of the conversion: reads uploads (never writes them) and stores data messages. */
export const DATA_MESSAGES_CONTAINER = 'data-messages';

export interface ScanProperties {
  etag: string;
  contentLength: number;
  contentType?: string;
  metadata: Record<string, string>;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error
    ? (error as { statusCode?: number }).statusCode
    : undefined;
}

/** `data-messages/{agencyCode}/{messageId}.pdf|.json` as the name inside the container. */
export function dataMessageBlobNames(
  agencyCode: string,
  messageId: string,
): { pdf: string; manifest: string } {
  return { pdf: `${agencyCode}/${messageId}.pdf`, manifest: `${agencyCode}/${messageId}.json` };
}

export class ConversionStore {
  private outputReady: Promise<unknown> | undefined;

  constructor(private readonly blobs: BlobServiceClient) {}

  static fromStorage(): ConversionStore {
    return new ConversionStore(storage().blobs);
  }

  private scans(): ContainerClient {
    return this.blobs.getContainerClient(SCANS_CONTAINER);
  }

  private output(): ContainerClient {
    return this.blobs.getContainerClient(DATA_MESSAGES_CONTAINER);
  }

  /** Properties and metadata of an upload, or undefined when it is gone. */
  async scanProperties(name: string): Promise<ScanProperties | undefined> {
    try {
      const properties = await this.scans().getBlobClient(name).getProperties();
      return {
        etag: properties.etag ?? '',
        contentLength: properties.contentLength ?? 0,
        ...(properties.contentType ? { contentType: properties.contentType } : {}),
        metadata: properties.metadata ?? {},
      };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Downloads the version whose properties were read (If-Match its ETag), so bytes and metadata
   * belong together. A newer version in between fails with 412 and is retried; it brings its own event.
   */
  async downloadScan(name: string, etag: string): Promise<Buffer> {
    return this.scans()
      .getBlobClient(name)
      .downloadToBuffer(0, undefined, { conditions: { ifMatch: etag } });
  }

  async writeDataMessage(
    names: { pdf: string; manifest: string },
    pdf: Buffer,
    manifestJson: string,
  ): Promise<void> {
    this.outputReady ??= this.output()
      .createIfNotExists()
      .catch((error: unknown) => {
        this.outputReady = undefined;
        throw error;
      });
    await this.outputReady;
    // The PDF first: a manifest never points at a PDF that is not there yet.
    await this.output()
      .getBlockBlobClient(names.pdf)
      .uploadData(pdf, { blobHTTPHeaders: { blobContentType: 'application/pdf' } });
    await this.output()
      .getBlockBlobClient(names.manifest)
      .uploadData(Buffer.from(manifestJson, 'utf8'), {
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
  }

  /** A stored data message file (name inside `data-messages`), or undefined when missing. */
  async readDataMessageFile(name: string): Promise<Buffer | undefined> {
    try {
      return await this.output().getBlobClient(name).downloadToBuffer();
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }
}
