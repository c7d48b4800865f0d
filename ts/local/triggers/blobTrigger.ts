/**
 * Blob triggers by polling their container path. Each blob version (name + ETag) is handled once; the
 * receipts live in a table, so a restart does not run a blob again. A function that throws is retried
 * on later polls, up to five attempts, then the blob is reported to the poison queue, as the host does.
 */
import type { TableClient } from '@azure/data-tables';
import type { BlobServiceClient } from '@azure/storage-blob';
import type { QueueServiceClient } from '@azure/storage-queue';
import type { CapturedApp, RegisteredFunction, TypedData } from '../functionsCore';
import { triggerBinding } from '../invoke';
import type { FunctionRunner, LineLogger } from '../runner';
import { PollingLoop } from './pollingLoop';
import { resolveSettingReferences } from './timerTrigger';

export const MAX_BLOB_ATTEMPTS = 5;
const POISON_QUEUE = 'webjobs-blobtrigger-poison';

interface WatchedPath {
  fn: RegisteredFunction;
  triggerName: string;
  container: string;
  pattern: RegExp;
  names: string[];
}

interface Receipt {
  /** Not `etag`: the table SDK uses that name for the entity's own ETag. */
  blobETag: string;
  status: 'done' | 'failed' | 'poison';
  attempts: number;
  /** After a failure, the next attempt waits (wall-clock ms), doubling each time. */
  notBefore?: number;
}

/** `scans/{agency}/{name}` → container `scans` and a pattern capturing the named parts of the blob name. */
export function compileBlobPath(path: string): { container: string; pattern: RegExp; names: string[] } {
  const resolved = resolveSettingReferences(path);
  const slash = resolved.indexOf('/');
  const container = slash < 0 ? resolved : resolved.slice(0, slash);
  const rest = slash < 0 ? '{name}' : resolved.slice(slash + 1);
  const names: string[] = [];
  const source = rest
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '(.+?)';
    })
    .join('');
  return { container, pattern: new RegExp(`^${source}$`), names };
}

function receiptKey(name: string): string {
  // Table keys may not contain / \ # ?
  return encodeURIComponent(name).replace(/%/g, '~');
}

export class BlobTrigger {
  private readonly watched: WatchedPath[] = [];
  private readonly loop: PollingLoop;

  constructor(
    app: CapturedApp,
    private readonly runner: FunctionRunner,
    private readonly blobs: BlobServiceClient,
    private readonly queues: QueueServiceClient,
    private readonly receipts: TableClient,
    private readonly log: LineLogger,
    pollMs = 1000,
    private readonly retryBaseMs = 1000,
  ) {
    this.loop = new PollingLoop(() => this.pollOnce(), pollMs);
    for (const fn of app.functions.values()) {
      const [triggerName, binding] = triggerBinding(fn);
      if (binding.type !== 'blobTrigger') continue;
      this.watched.push({ fn, triggerName, ...compileBlobPath(String(binding.path)) });
    }
  }

  describe(): string[] {
    return this.watched.map((w) => `${w.fn.name}: blob ${String(triggerBinding(w.fn)[1].path)} (polled)`);
  }

  has(name: string): boolean {
    return this.watched.some((w) => w.fn.name === name);
  }

  async start(): Promise<void> {
    if (this.watched.length === 0) return;
    await this.receipts.createTable();
    for (const watched of this.watched)
      await this.blobs.getContainerClient(watched.container).createIfNotExists();
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** One pass over every watched container; exposed so tests need not wait for the interval. */
  async pollOnce(): Promise<void> {
    for (const watched of this.watched) {
      const container = this.blobs.getContainerClient(watched.container);
      for await (const blob of container.listBlobsFlat({ includeMetadata: true })) {
        if (this.loop.stopped) return;
        if (!watched.pattern.test(blob.name)) continue;
        await this.handle(watched, blob.name, blob.properties.etag ?? '').catch((error: unknown) =>
          this.log(`Blob trigger ${watched.fn.name} could not handle ${blob.name}: ${String(error)}`),
        );
      }
    }
  }

  /** Runs the function for one blob by hand (`POST /admin/functions/{name}` with the blob path as input). */
  async runNow(name: string, blobPath: string): Promise<string> {
    const watched = this.watched.find((w) => w.fn.name === name);
    if (!watched) throw new Error(`No blob trigger function named ${name}`);
    const blobName = blobPath.startsWith(`${watched.container}/`)
      ? blobPath.slice(watched.container.length + 1)
      : blobPath;
    return this.invoke(watched, blobName);
  }

  private async handle(watched: WatchedPath, blobName: string, etag: string): Promise<void> {
    const key = receiptKey(blobName);
    const saved = await this.receipts
      .getEntity<Receipt>(watched.fn.name, key)
      .then((entity) => entity as Receipt)
      .catch(() => undefined);
    const sameVersion = saved?.blobETag === etag;
    if (sameVersion && (saved.status === 'done' || saved.status === 'poison')) return;
    if (sameVersion && saved.notBefore !== undefined && Date.now() < saved.notBefore) return;
    const attempts = sameVersion ? saved.attempts + 1 : 1;
    let status: Receipt['status'] = 'done';
    let notBefore: number | undefined;
    try {
      await this.invoke(watched, blobName);
    } catch {
      status = attempts >= MAX_BLOB_ATTEMPTS ? 'poison' : 'failed';
      notBefore = Date.now() + this.retryBaseMs * 2 ** attempts;
      if (status === 'poison') await this.poison(watched, blobName, etag);
    }
    await this.receipts.upsertEntity(
      { partitionKey: watched.fn.name, rowKey: key, blobETag: etag, status, attempts, blobName, notBefore },
      'Replace',
    );
  }

  private async invoke(watched: WatchedPath, blobName: string): Promise<string> {
    const blob = this.blobs.getContainerClient(watched.container).getBlobClient(blobName);
    const [content, properties] = await Promise.all([blob.downloadToBuffer(), blob.getProperties()]);
    const blobPath = `${watched.container}/${blobName}`;
    const triggerMetadata: Record<string, TypedData> = {
      BlobTrigger: { string: blobPath },
      Uri: { string: blob.url },
      Properties: {
        json: JSON.stringify({
          ContentLength: properties.contentLength,
          ContentType: properties.contentType,
          ETag: properties.etag,
          LastModified: properties.lastModified?.toISOString(),
          CreatedOn: properties.createdOn?.toISOString(),
        }),
      },
      Metadata: { json: JSON.stringify(properties.metadata ?? {}) },
    };
    const match = watched.pattern.exec(blobName);
    watched.names.forEach((name, i) => (triggerMetadata[name] = { string: match?.[i + 1] ?? '' }));
    const result = await this.runner.run(watched.fn, {
      inputData: [{ name: watched.triggerName, data: { bytes: new Uint8Array(content) } }],
      triggerMetadata,
    });
    return result.invocationId;
  }

  private async poison(watched: WatchedPath, blobName: string, etag: string): Promise<void> {
    this.log(
      `Blob ${watched.container}/${blobName} failed ${MAX_BLOB_ATTEMPTS} times in ${watched.fn.name}: moved to ${POISON_QUEUE}`,
    );
    const queue = this.queues.getQueueClient(POISON_QUEUE);
    await queue.createIfNotExists();
    const message = {
      FunctionId: watched.fn.name,
      BlobType: 'BlockBlob',
      ContainerName: watched.container,
      BlobName: blobName,
      ETag: etag,
    };
    await queue.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'));
  }
}
