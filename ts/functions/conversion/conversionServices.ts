import { appClock } from '../core/clock';
import { conversionVerifyUrlBase } from '../core/config';
import { storage } from '../core/storage';
import type { OcrEngine } from './document/ocr/OcrEngine';
import { ocrEngineFromSettings } from './document/ocr/ocrEngineFromSettings';
import { scanLimits } from './document/scanLimits';
import type { PdfSigner } from './document/signing/PdfSigner';
import { signerFromSettings } from './document/signing/signerFromSettings';
import { ConversionLookups } from './conversionLookups';
import { ConversionRegistry } from './conversionRegistry';
import { ConversionStore } from './conversionStore';
import type { ConvertScanDeps } from './convertScan';

/**
 * The conversion service wired to the app's settings and storage, built once per process (and again
 * if the storage setting changes, as in tests) so the triggers stay thin.
 */
interface Services {
  key: unknown;
  registry: ConversionRegistry;
  store: ConversionStore;
  lookups: ConversionLookups;
  ocr?: OcrEngine;
  signer?: Promise<PdfSigner>;
}

let cached: Services | undefined;

function services(): Services {
  const clients = storage();
  if (cached?.key !== clients) {
    const registry = ConversionRegistry.fromStorage(clients);
    const store = new ConversionStore(clients.blobs);
    cached = { key: clients, registry, store, lookups: new ConversionLookups(registry, store) };
  }
  return cached;
}

export function conversionLookups(): ConversionLookups {
  return services().lookups;
}

export function conversionServices(log: (message: string) => void): ConvertScanDeps {
  const current = services();
  return {
    registry: current.registry,
    store: current.store,
    ocr: () => (current.ocr ??= ocrEngineFromSettings()),
    signer: () =>
      (current.signer ??= Promise.resolve(signerFromSettings()).catch((error: unknown) => {
        current.signer = undefined;
        throw error;
      })),
    clock: appClock,
    limits: scanLimits(),
    verifyUrlBase: conversionVerifyUrlBase(),
    log,
  };
}
