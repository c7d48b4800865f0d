import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock';
import { buildDataMessage } from './document/buildDataMessage';
import { inspectScan, type InspectedScan } from './document/inspectScan';
import type { OcrEngine } from './document/ocr/OcrEngine';
import { encodeQrPayload } from './document/qrPayload';
import { ScanRejectedError } from './document/rejections';
import type { ScanLimits } from './document/scanLimits';
import type { PdfSigner } from './document/signing/PdfSigner';
import { ConversionRejectedError } from './conversionRejection';
import type { ConversionRecord, ConversionRegistry, DataMessageRecord } from './conversionRegistry';
import {
  normaliseScanPath,
  parseConversionRequest,
  parseScanLocation,
  SCANS_CONTAINER,
  type ConversionRequest,
  type ScanLocation,
} from './conversionRequest';
import {
  dataMessageBlobNames,
  DATA_MESSAGES_CONTAINER,
  type ConversionStore,
  type ScanProperties,
} from './conversionStore';
import { buildManifest } from './dataMessageManifest';
import { DATA_MESSAGE_SYMBOL, verificationUrl } from './dataMessageSymbol';
import { formatLookupCode } from './lookupCode';

/**
 * Turns one uploaded scan into a data message (Decree 137 Art. 4) and records the outcome.
 *
 * Returns for every outcome that is final (converted, rejected, already done, blob gone); throws
 * for anything that may pass (storage or OCR service down), so the host delivers the blob again.
 * Re-delivery is safe: the message id comes from the blob path and the SHA-256 of its bytes, the
 * lookup code from the message id, and the conversion time is fixed when the code is reserved.
 */
export interface ConvertScanDeps {
  registry: ConversionRegistry;
  store: ConversionStore;
  /** Created on first need: a rejected upload never starts an OCR engine or loads a key. */
  ocr: () => OcrEngine;
  signer: () => PdfSigner | Promise<PdfSigner>;
  clock: Clock;
  limits: ScanLimits;
  verifyUrlBase: string;
  log: (message: string) => void;
  /** A build claimed longer ago than this is taken to have died and is redone (default 10 minutes). */
  claimStaleAfterMs?: number;
}

export type ConversionOutcome =
  | { status: 'converted'; record: ConversionRecord; reused: boolean }
  | { status: 'rejected'; record: ConversionRecord }
  | { status: 'skipped'; record: ConversionRecord }
  | { status: 'missing'; blobPath: string };

const DEFAULT_CLAIM_STALE_MS = 10 * 60_000;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Same path and same bytes → same id; new bytes under the same name → a new data message. */
export function messageIdFor(blobPath: string, contentSha256: string): string {
  return createHash('sha256').update(`${blobPath}\n${contentSha256}`).digest('hex').slice(0, 32);
}

function isRejection(error: unknown): error is ScanRejectedError | ConversionRejectedError {
  return error instanceof ScanRejectedError || error instanceof ConversionRejectedError;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0]?.slice(0, 500) ?? '';
}

export async function convertScan(blobPathInput: string, deps: ConvertScanDeps): Promise<ConversionOutcome> {
  const blobPath = normaliseScanPath(blobPathInput);
  const name = blobPath.slice(SCANS_CONTAINER.length + 1);
  const properties = await deps.store.scanProperties(name);
  if (!properties) {
    deps.log(`Scan ${blobPath} is gone; nothing to convert`);
    return { status: 'missing', blobPath };
  }
  const existing = await deps.registry.getConversion(blobPath);
  if (existing?.blobEtag === properties.etag && existing.status !== 'processing') {
    deps.log(`Scan ${blobPath} (${properties.etag}) was already ${existing.status}; delivery ignored`);
    return { status: 'skipped', record: existing };
  }
  const now = deps.clock.now();
  const record: ConversionRecord = {
    blobPath,
    status: 'processing',
    blobEtag: properties.etag,
    attempts: existing?.blobEtag === properties.etag ? existing.attempts + 1 : 1,
    firstSeenAt: existing?.firstSeenAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
  try {
    return await convertVersion(name, properties, record, existing, now, deps);
  } catch (error) {
    record.updatedAt = deps.clock.now().toISOString();
    if (isRejection(error)) {
      const rejected: ConversionRecord = {
        ...record,
        status: 'rejected',
        rejectionCode: error.code,
        reasonVi: error.reasonVi,
        reasonEn: error.reasonEn,
      };
      await deps.registry.saveConversion(rejected);
      deps.log(`Scan ${blobPath} rejected (${error.code}): ${error.reasonEn}`);
      return { status: 'rejected', record: rejected };
    }
    // Transient: keep the record readable ("processing", with the error) and let the host retry,
    // unless a concurrent delivery of the same version has converted it meanwhile.
    await noteFailure(record, error, deps).catch(() => undefined);
    throw error;
  }
}

async function noteFailure(record: ConversionRecord, error: unknown, deps: ConvertScanDeps): Promise<void> {
  const current = await deps.registry.getConversion(record.blobPath);
  if (current?.status === 'converted' && current.blobEtag === record.blobEtag) return;
  await deps.registry.saveConversion({ ...record, lastError: describe(error) });
}

async function convertVersion(
  name: string,
  properties: ScanProperties,
  record: ConversionRecord,
  existing: ConversionRecord | undefined,
  now: Date,
  deps: ConvertScanDeps,
): Promise<ConversionOutcome> {
  const location = parseScanLocation(record.blobPath);
  record.agencyCode = location.agencyCode;
  const request = parseConversionRequest(properties.metadata);
  if (properties.contentLength > deps.limits.maxBytes) {
    throw new ScanRejectedError(
      'too-large',
      `${properties.contentLength} bytes, the limit is ${deps.limits.maxBytes}`,
    );
  }
  await deps.registry.saveConversion(record);

  const bytes = await deps.store.downloadScan(name, properties.etag);
  record.contentSha256 = sha256Hex(bytes);
  record.messageId = messageIdFor(record.blobPath, record.contentSha256);
  if (existing?.status === 'converted' && existing.messageId === record.messageId) {
    // The same bytes uploaded again (new ETag): the data message exists already.
    const same: ConversionRecord = { ...existing, blobEtag: properties.etag, updatedAt: record.updatedAt };
    await deps.registry.saveConversion(same);
    return { status: 'skipped', record: same };
  }
  const inspected = await inspectScan(bytes, location.extension, deps.limits);

  let message = await deps.registry.reserveLookupCode({
    messageId: record.messageId,
    agencyCode: location.agencyCode,
    sourcePath: record.blobPath,
    sourceSha256: record.contentSha256,
    convertedAt: now.toISOString(),
  });
  const reused = message.state === 'stored';
  if (!reused) {
    const claimed = await deps.registry.claimBuild(
      message,
      now,
      deps.claimStaleAfterMs ?? DEFAULT_CLAIM_STALE_MS,
    );
    if (claimed) {
      try {
        await buildAndStore(bytes, inspected, location, request, message, deps);
      } catch (error) {
        if (isRejection(error)) await deps.registry.releaseLookupCode(message.code, message.messageId);
        else await deps.registry.releaseClaim(message.code).catch(() => undefined);
        throw error;
      }
    } else {
      message = (await deps.registry.getDataMessage(message.code)) ?? message;
      if (message.state !== 'stored') {
        throw new Error(`Data message ${message.messageId} is being built by another delivery; retry later`);
      }
    }
  }
  const converted: ConversionRecord = {
    ...record,
    status: 'converted',
    lookupCode: message.code,
    updatedAt: deps.clock.now().toISOString(),
  };
  delete converted.lastError;
  await deps.registry.saveConversion(converted);
  deps.log(
    `Scan ${record.blobPath} converted: data message ${message.messageId}, code ${formatLookupCode(message.code)}`,
  );
  return { status: 'converted', record: converted, reused };
}

async function buildAndStore(
  bytes: Buffer,
  inspected: InspectedScan,
  location: ScanLocation,
  request: ConversionRequest,
  message: DataMessageRecord,
  deps: ConvertScanDeps,
): Promise<void> {
  const convertedAt = new Date(message.convertedAt);
  const code = formatLookupCode(message.code);
  const qrPayload = request.qr
    ? encodeQrPayload({
        symbol: DATA_MESSAGE_SYMBOL.vi,
        convertedAtUtc: convertedAt,
        converter: request.converter,
        code,
        verifyUrl: verificationUrl(deps.verifyUrlBase, code),
      })
    : undefined;
  const built = await buildDataMessage(bytes, inspected, {
    language: request.language,
    ocr: deps.ocr(),
    symbol: {
      symbolVi: DATA_MESSAGE_SYMBOL.vi,
      symbolEn: DATA_MESSAGE_SYMBOL.en,
      convertedAtUtc: convertedAt,
      converter: request.converter,
      lookupCode: code,
      ...(qrPayload === undefined ? {} : { qrPayload }),
    },
  });
  // Signing is the very last change to the PDF (Art. 4.2.dd): anything after it would break it.
  let pdf = built.pdf;
  let signature: { signer: string; signedAt: Date } | undefined;
  if (request.sign) {
    const signer = await deps.signer();
    const signed = await signer.sign(pdf, {
      reason: 'Converted from a paper document (Decree 137/2024/ND-CP Art. 4)',
      signerName: request.converter,
      location: location.agencyCode,
    });
    pdf = signed.pdf;
    signature = { signer: signed.signer, signedAt: signed.signedAt };
  }
  const names = dataMessageBlobNames(location.agencyCode, message.messageId);
  const outputSha256 = sha256Hex(pdf);
  const manifest = buildManifest({
    messageId: message.messageId,
    code: message.code,
    location,
    request,
    symbol: DATA_MESSAGE_SYMBOL,
    convertedAt,
    source: { sha256: message.sourceSha256, bytes: bytes.length, kind: inspected.kind },
    output: {
      path: `${DATA_MESSAGES_CONTAINER}/${names.pdf}`,
      sha256: outputSha256,
      bytes: pdf.length,
      pageCount: built.pageCount,
    },
    ocr: built.ocr,
    text: built.text,
    ...(qrPayload === undefined ? {} : { qrPayload }),
    ...(signature ? { signature } : {}),
  });
  await deps.store.writeDataMessage(names, pdf, `${JSON.stringify(manifest, null, 2)}\n`);
  await deps.registry.markStored(message.code, {
    pdfPath: `${DATA_MESSAGES_CONTAINER}/${names.pdf}`,
    manifestPath: `${DATA_MESSAGES_CONTAINER}/${names.manifest}`,
    outputSha256,
    pageCount: built.pageCount,
    signed: signature !== undefined,
  });
  deps.log(
    `Data message ${message.messageId}: ${built.pageCount} pages, OCR ${built.ocr.engine}${signature ? ', signed' : ''}`,
  );
}
