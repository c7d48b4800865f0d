import { TableClient, TableServiceClient } from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { QueueServiceClient, type QueueClient } from '@azure/storage-queue';
import { storageSettings, type StorageSettings } from './config';

/**
 * Storage clients, built once per process from the same setting the host's bindings use:
 * a connection string locally (Azurite), the account name and a managed identity in Azure.
 */
export interface StorageClients {
  blobs: BlobServiceClient;
  queues: QueueServiceClient;
  tables: TableServiceClient;
  container(name: string): ContainerClient;
  queue(name: string): QueueClient;
  table(name: string): TableClient;
}

let cached: { key: string; clients: StorageClients } | undefined;
let credential: TokenCredential | undefined;

export function storage(): StorageClients {
  const settings = storageSettings();
  const key = JSON.stringify(settings);
  if (!cached || cached.key !== key) cached = { key, clients: createStorageClients(settings) };
  return cached.clients;
}

export function azureCredential(clientId?: string): TokenCredential {
  credential ??= new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
  return credential;
}

function parseConnectionString(connectionString: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return parts;
}

/** Azurite's well-known development account: public, the same for everyone, never valid in Azure. */
export const DEVELOPMENT_ACCOUNT = 'devstoreaccount1';
export const DEVELOPMENT_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** A connection string for the development account at the given endpoints. */
export function developmentConnectionString(
  blobEndpoint: string,
  queueEndpoint: string,
  tableEndpoint: string,
): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEVELOPMENT_ACCOUNT};AccountKey=${DEVELOPMENT_ACCOUNT_KEY};` +
    `BlobEndpoint=${blobEndpoint};QueueEndpoint=${queueEndpoint};TableEndpoint=${tableEndpoint};`
  );
}

/** What `UseDevelopmentStorage=true` means: Azurite on its standard ports. */
const DEVELOPMENT_STORAGE = developmentConnectionString(
  `http://127.0.0.1:10000/${DEVELOPMENT_ACCOUNT}`,
  `http://127.0.0.1:10001/${DEVELOPMENT_ACCOUNT}`,
  `http://127.0.0.1:10002/${DEVELOPMENT_ACCOUNT}`,
);

export function expandConnectionString(connectionString: string): string {
  return /UseDevelopmentStorage\s*=\s*true/i.test(connectionString) ? DEVELOPMENT_STORAGE : connectionString;
}

export function createStorageClients(settings: StorageSettings): StorageClients {
  let blobs: BlobServiceClient;
  let queues: QueueServiceClient;
  let tables: TableServiceClient;
  let table: (name: string) => TableClient;
  if (settings.kind === 'connectionString') {
    const connectionString = expandConnectionString(settings.connectionString);
    const insecure =
      parseConnectionString(connectionString).get('TableEndpoint')?.startsWith('http:') ?? false;
    blobs = BlobServiceClient.fromConnectionString(connectionString);
    queues = QueueServiceClient.fromConnectionString(connectionString);
    tables = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: insecure });
    table = (name) =>
      TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: insecure });
  } else {
    const credential = azureCredential(settings.clientId);
    const account = settings.accountName;
    blobs = new BlobServiceClient(`https://${account}.blob.core.windows.net`, credential);
    queues = new QueueServiceClient(`https://${account}.queue.core.windows.net`, credential);
    tables = new TableServiceClient(`https://${account}.table.core.windows.net`, credential);
    table = (name) => new TableClient(`https://${account}.table.core.windows.net`, name, credential);
  }
  return {
    blobs,
    queues,
    tables,
    container: (name) => blobs.getContainerClient(name),
    queue: (name) => queues.getQueueClient(name),
    table,
  };
}
