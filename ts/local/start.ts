/**
 * `npm start`: Azurite embedded (data under .azurite/) and the whole app on http://127.0.0.1:7071.
 * Ports: LOCAL_HOST_PORT (7071), AZURITE_BLOB_PORT (10000), AZURITE_QUEUE_PORT (10001),
 * AZURITE_TABLE_PORT (10002); AZURITE_LOCATION moves the data folder. LOCAL_HOST_APP may name other
 * registration files (comma-separated) to host instead of the app's own.
 */
import { join, resolve } from 'node:path';
import { expandConnectionString } from '../functions/core/storage';
import { appRoot } from '../functions/core/version';
import { appEntryFiles, importAll } from './appFiles';
import { startAzurite, type RunningAzurite } from './azurite';
import { LocalHost } from './host';
import { loadLocalSettings } from './settings';

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new Error(`${name} must be a port number`);
  return parsed;
}

async function main(): Promise<void> {
  const root = appRoot();
  const settingsFile = loadLocalSettings(root);
  const log = (line: string): void => console.log(`${new Date().toISOString()} ${line}`);
  if (settingsFile) log(`Settings from ${settingsFile}`);

  let azurite: RunningAzurite | undefined;
  let connectionString = process.env.AzureWebJobsStorage ?? 'UseDevelopmentStorage=true';
  if (/UseDevelopmentStorage\s*=\s*true/i.test(connectionString)) {
    const location = resolve(root, process.env.AZURITE_LOCATION ?? '.azurite');
    azurite = await startAzurite({
      location,
      blobPort: port('AZURITE_BLOB_PORT', 10000),
      queuePort: port('AZURITE_QUEUE_PORT', 10001),
      tablePort: port('AZURITE_TABLE_PORT', 10002),
    });
    connectionString = azurite.connectionString;
    log(
      `Azurite: blob ${azurite.blobEndpoint}, queue ${azurite.queueEndpoint}, table ${azurite.tableEndpoint} (data in ${location})`,
    );
  } else {
    connectionString = expandConnectionString(connectionString);
    log('Using the storage account of AzureWebJobsStorage');
  }

  const files = process.env.LOCAL_HOST_APP
    ? process.env.LOCAL_HOST_APP.split(',').map((file) => resolve(root, file.trim()))
    : appEntryFiles(join(__dirname, '..', 'functions'), '.js');
  const host = await LocalHost.start({
    loadApp: () => importAll(files),
    connectionString,
    port: port('LOCAL_HOST_PORT', 7071),
    log,
  });
  log(`Functions host ready on ${host.url} (${host.app.functions.size} functions). Ctrl-C stops it.`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    void host
      .stop()
      .then(() => azurite?.stop())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
