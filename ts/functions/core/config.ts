import { ConfigError } from './errors';

/**
 * The one place that reads app settings. Each capability gets a typed section, read on first use so
 * that a missing setting fails with its name where it is needed, and not in unrelated functions.
 *
 * `SETTINGS` lists every setting the app reads; a test checks that each appears in
 * local.settings.sample.json and in the Bicep app settings, so none is forgotten at deploy time.
 */
export interface SettingSpec {
  /** Read only by the local host; never set in Azure. */
  localOnly?: boolean;
  /** What the setting is for; the README's configuration table says the same. */
  description: string;
}

export const SETTINGS = {
  AzureWebJobsStorage: {
    description:
      'Storage connection string (locally); in Azure the identity-based AzureWebJobsStorage__* settings',
  },
  AzureWebJobsStorage__accountName: {
    description: 'Storage account name for identity-based access in Azure',
  },
  AzureWebJobsStorage__clientId: {
    description: 'Client id of the user-assigned managed identity for storage',
  },
  DURABLE_TASK_HUB: {
    description: 'Durable Functions task hub name (host.json reads it as %DURABLE_TASK_HUB%)',
  },
  ORCHESTRATION_HISTORY_RETENTION_DAYS: {
    description: 'Days after which the history of a finished orchestration is purged',
  },
  LOCAL_CLOCK_START: {
    localOnly: true,
    description: 'Local host only: ISO-8601 time the app clock starts at, to walk through deadlines',
  },
  REGULATOR_API_KEY: {
    description: 'Key the Ministry operators send in x-api-key (in Azure a Key Vault reference)',
  },
  PLATFORMS_MAX_BODY_BYTES: { description: 'Largest JSON body the platforms API accepts, in bytes' },
  ServiceBusConnection__fullyQualifiedNamespace: {
    description:
      'Service Bus namespace (name.servicebus.windows.net) for the notifications topic; unset locally',
  },
  SCAN_MAX_BYTES: { description: 'Largest scan accepted for conversion, in bytes (default 100 MB)' },
  SCAN_MAX_PAGES: { description: 'Most pages a scan may have (default 500)' },
  SCAN_MAX_PIXELS_PER_PAGE: {
    description: 'Most pixels one scanned page may have, checked before decoding (default 50 million)',
  },
  DOCUMENT_INTELLIGENCE_ENDPOINT: {
    description: 'Azure AI Document Intelligence endpoint for OCR; unset: local tesseract',
  },
  SIGNING_KEY_VAULT_URI: { description: 'Key Vault holding the signing certificate and key (Azure)' },
  SIGNING_CERTIFICATE_NAME: { description: 'Name of the signing certificate in SIGNING_KEY_VAULT_URI' },
  SIGNING_PKCS12_PATH: { localOnly: true, description: 'Local signing: path of a PKCS#12 (.p12/.pfx) file' },
  SIGNING_PKCS12_PASSWORD: { localOnly: true, description: 'Local signing: password of SIGNING_PKCS12_PATH' },
  CONVERSION_VERIFY_URL_BASE: {
    description:
      'Public URL of GET /api/data-messages that QR codes on converted documents point to (the code is appended)',
  },
} as const satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof SETTINGS;

/** The variable the local host sets in its own process; settings marked localOnly need it. */
export const LOCAL_HOST_MARKER = 'ETRANSACTIONS_LOCAL_HOST';

function raw(name: SettingName | typeof LOCAL_HOST_MARKER): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function required(name: SettingName): string {
  const value = raw(name);
  if (value === undefined) throw new ConfigError(name, 'is missing');
  return value;
}

export function optional(name: SettingName): string | undefined {
  return raw(name);
}

export function integer(name: SettingName, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = raw(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

export function isLocalHost(): boolean {
  return raw(LOCAL_HOST_MARKER) === 'true';
}

/** The environment for a child process (e.g. OCR tools): this process's, with `overrides` on top. */
export function childProcessEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

export type StorageSettings =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; accountName: string; clientId?: string };

export function storageSettings(): StorageSettings {
  const connectionString = optional('AzureWebJobsStorage');
  if (connectionString) return { kind: 'connectionString', connectionString };
  const accountName = optional('AzureWebJobsStorage__accountName');
  if (!accountName) {
    throw new ConfigError('AzureWebJobsStorage', 'is missing (and so is AzureWebJobsStorage__accountName)');
  }
  const clientId = optional('AzureWebJobsStorage__clientId');
  return clientId ? { kind: 'identity', accountName, clientId } : { kind: 'identity', accountName };
}

export function durableTaskHub(): string {
  const hub = required('DURABLE_TASK_HUB');
  // Task hub names become table and queue names: 3-45 letters and digits, starting with a letter.
  if (!/^[A-Za-z][A-Za-z0-9]{2,44}$/.test(hub)) {
    throw new ConfigError('DURABLE_TASK_HUB', 'must be 3-45 letters and digits, starting with a letter');
  }
  return hub;
}

export function historyRetentionDays(): number {
  return integer('ORCHESTRATION_HISTORY_RETENTION_DAYS', 90, 1, 3650);
}

/** The clock start, honoured only inside the local host: a moved clock in Azure would break deadlines. */
export function localClockStart(): Date | undefined {
  const value = optional('LOCAL_CLOCK_START');
  if (value === undefined) return undefined;
  if (!isLocalHost()) {
    throw new ConfigError('LOCAL_CLOCK_START', 'is refused outside the local host (npm start)');
  }
  const start = new Date(value);
  if (Number.isNaN(start.getTime()))
    throw new ConfigError('LOCAL_CLOCK_START', `is not an ISO-8601 time: "${value}"`);
  return start;
}

/** Shorter keys are refused: the regulator key guards every platform's data. */
export function regulatorApiKey(): string {
  const key = required('REGULATOR_API_KEY');
  // In Azure the setting is a Key Vault reference; left unresolved, its text would be a guessable key.
  if (key.startsWith('@Microsoft.KeyVault(')) {
    throw new ConfigError('REGULATOR_API_KEY', 'is an unresolved Key Vault reference (secret missing?)');
  }
  if (key.length < 24) throw new ConfigError('REGULATOR_API_KEY', 'must be at least 24 characters');
  return key;
}

export function platformsMaxBodyBytes(): number {
  return integer('PLATFORMS_MAX_BODY_BYTES', 64 * 1024, 1024, 4 * 1024 * 1024);
}

/** Set in Azure only; without it notifications go to the local `notifications` queue. */
export function serviceBusNamespace(): string | undefined {
  return optional('ServiceBusConnection__fullyQualifiedNamespace');
}

/** Where a data message's QR code sends a reader; the lookup code is appended as the last segment. */
export function conversionVerifyUrlBase(): string {
  const value = optional('CONVERSION_VERIFY_URL_BASE') ?? 'http://127.0.0.1:7071/api/data-messages';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('CONVERSION_VERIFY_URL_BASE', `is not an absolute URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('CONVERSION_VERIFY_URL_BASE', 'must be an http(s) URL');
  }
  return value.replace(/\/+$/, '');
}

export interface ScanLimitSettings {
  maxBytes: number;
  maxPages: number;
  maxPixelsPerPage: number;
}

/** 100 MB, 500 pages, 50 megapixels a page (an A4 page at 600 dpi is 35 megapixels). */
export const SCAN_LIMIT_DEFAULTS: Readonly<ScanLimitSettings> = {
  maxBytes: 100 * 1024 * 1024,
  maxPages: 500,
  maxPixelsPerPage: 50_000_000,
};

export function scanLimitSettings(): ScanLimitSettings {
  return {
    maxBytes: integer('SCAN_MAX_BYTES', SCAN_LIMIT_DEFAULTS.maxBytes, 1, 500 * 1024 * 1024),
    maxPages: integer('SCAN_MAX_PAGES', SCAN_LIMIT_DEFAULTS.maxPages, 1, 100_000),
    maxPixelsPerPage: integer(
      'SCAN_MAX_PIXELS_PER_PAGE',
      SCAN_LIMIT_DEFAULTS.maxPixelsPerPage,
      1,
      400_000_000,
    ),
  };
}

function httpsUrl(name: SettingName): string | undefined {
  const value = optional(name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:') throw new ConfigError(name, 'must be an https:// URL');
  return value.replace(/\/+$/, '');
}

/** Set: OCR by Azure AI Document Intelligence; unset: local tesseract. */
export function documentIntelligenceEndpoint(): string | undefined {
  return httpsUrl('DOCUMENT_INTELLIGENCE_ENDPOINT');
}

export type SigningSettings =
  | { kind: 'keyVault'; vaultUri: string; certificateName: string; clientId?: string }
  | { kind: 'pkcs12'; path: string; password: string }
  | { kind: 'development' };

/**
 * Key Vault when its URI is set; else a PKCS#12 file (local host only); else a generated development
 * certificate, refused on Azure (WEBSITE_SITE_NAME is set by the platform) where a signature must be real.
 */
export function signingSettings(): SigningSettings {
  const vaultUri = httpsUrl('SIGNING_KEY_VAULT_URI');
  if (vaultUri) {
    const clientId = optional('AzureWebJobsStorage__clientId');
    const certificateName = required('SIGNING_CERTIFICATE_NAME');
    return clientId
      ? { kind: 'keyVault', vaultUri, certificateName, clientId }
      : { kind: 'keyVault', vaultUri, certificateName };
  }
  const path = optional('SIGNING_PKCS12_PATH');
  if (path) return { kind: 'pkcs12', path, password: optional('SIGNING_PKCS12_PASSWORD') ?? '' };
  if (process.env.WEBSITE_SITE_NAME)
    throw new ConfigError('SIGNING_KEY_VAULT_URI', 'is missing (required on Azure)');
  return { kind: 'development' };
}
