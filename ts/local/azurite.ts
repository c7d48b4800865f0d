/**
 * Azurite started in this process: persisted under a folder for `npm start`, or in memory on free
 * ports for tests. Azurite has no public typed API for this; its server classes are required directly.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEVELOPMENT_ACCOUNT, developmentConnectionString } from '../functions/core/storage';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */
type ConfigurationClass = new (...args: unknown[]) => unknown;

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

export interface AzuriteOptions {
  /** Folder for persisted data; omit for an in-memory store. */
  location?: string;
  host?: string;
  /** 0 picks a free port. */
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
}

export interface RunningAzurite {
  connectionString: string;
  blobEndpoint: string;
  queueEndpoint: string;
  tableEndpoint: string;
  stop(): Promise<void>;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const BlobServer = require('azurite/dist/src/blob/BlobServer').default;
  const BlobConfiguration: ConfigurationClass = require('azurite/dist/src/blob/BlobConfiguration').default;
  const QueueServer = require('azurite/dist/src/queue/QueueServer').default;
  const QueueConfiguration: ConfigurationClass = require('azurite/dist/src/queue/QueueConfiguration').default;
  const TableServer = require('azurite/dist/src/table/TableServer').default;
  const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;
  const { MemoryExtentChunkStore } = require('azurite/dist/src/common/persistence/MemoryExtentStore');

  const host = options.host ?? '127.0.0.1';
  const memory = options.location === undefined;
  const at = (file: string): string => (memory ? file : join(options.location as string, file));
  if (!memory) mkdirSync(options.location as string, { recursive: true });
  const persistence = (folder: string): unknown[] => [
    { locationId: 'Default', locationPath: at(folder), maxConcurrency: 10 },
  ];
  // loose + skipApiVersionCheck: the storage SDKs send API versions newer than this Azurite knows.
  // Blob and Queue take the same configuration arguments; only the file names differ.
  const extentConfiguration = (
    Configuration: ConfigurationClass,
    port: number | undefined,
    kind: string,
  ): unknown =>
    new Configuration(
      host,
      port ?? 0,
      undefined,
      at(`__azurite_db_${kind}__.json`),
      at(`__azurite_db_${kind}_extent__.json`),
      persistence(`__${kind}storage__`),
      false,
      undefined,
      false,
      undefined,
      true,
      true,
      '',
      '',
      '',
      undefined,
      false,
      memory,
      memory ? new MemoryExtentChunkStore(512 * 1024 * 1024) : undefined,
    );
  const blob: AzuriteServer = new BlobServer(
    extentConfiguration(BlobConfiguration, options.blobPort, 'blob'),
  );
  const queue: AzuriteServer = new QueueServer(
    extentConfiguration(QueueConfiguration, options.queuePort, 'queue'),
  );
  const table: AzuriteServer = new TableServer(
    new TableConfiguration(
      host,
      options.tablePort ?? 0,
      undefined,
      at('__azurite_db_table__.json'),
      false,
      false,
      undefined,
      undefined,
      true,
      true,
      '',
      '',
      '',
      undefined,
      false,
      memory,
    ),
  );
  const servers = [blob, queue, table];
  try {
    for (const server of servers) await server.start();
  } catch (error) {
    await Promise.allSettled(servers.map((server) => server.close()));
    throw error;
  }
  const endpoint = (server: AzuriteServer): string =>
    `http://${server.getHttpServerAddress().replace(/^https?:\/\//, '')}/${DEVELOPMENT_ACCOUNT}`;
  const blobEndpoint = endpoint(blob);
  const queueEndpoint = endpoint(queue);
  const tableEndpoint = endpoint(table);
  return {
    blobEndpoint,
    queueEndpoint,
    tableEndpoint,
    connectionString: developmentConnectionString(blobEndpoint, queueEndpoint, tableEndpoint),
    stop: async () => {
      await Promise.allSettled(servers.map((server) => server.close()));
    },
  };
}
