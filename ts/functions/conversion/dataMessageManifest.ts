import { toVietnamTime } from '../core/clock';
import type { ConversionRequest, Purpose, ScanLocation } from './conversionRequest';
import { formatLookupCode } from './lookupCode';

/**
 * The manifest stored beside each data message (`data-messages/{agencyCode}/{messageId}.json`): what
 * Art. 4.1.a asks to be shown on the message (symbol, time, converter), how the content was obtained
 * (OCR engine, language, confidence, extracted text) and hashes that tie it to the source and output.
 */
export const MANIFEST_SCHEMA = 'etransactions.data-message-manifest/1';

export interface Instant {
  utc: string;
  /** Asia/Ho_Chi_Minh, UTC+7 */
  local: string;
}

export interface DataMessageManifest {
  schema: typeof MANIFEST_SCHEMA;
  messageId: string;
  lookupCode: string;
  agencyCode: string;
  symbol: { vi: string; en: string };
  convertedAt: Instant;
  converter: string;
  purpose: Purpose;
  source: { path: string; sha256: string; bytes: number; kind: string };
  output: { path: string; sha256: string; bytes: number; pageCount: number };
  ocr: { engine: string; language: string; meanConfidence: number };
  qr: { payload: string } | null;
  signature: { signer: string; signedAt: Instant; requiredByPurpose: boolean } | null;
  text: string;
}

export type ManifestSummary = Omit<DataMessageManifest, 'text'> & { textLength: number };

export function instant(at: Date): Instant {
  return { utc: at.toISOString(), local: toVietnamTime(at) };
}

export interface ManifestInput {
  messageId: string;
  code: string;
  location: ScanLocation;
  request: ConversionRequest;
  symbol: { vi: string; en: string };
  convertedAt: Date;
  source: { sha256: string; bytes: number; kind: string };
  output: { path: string; sha256: string; bytes: number; pageCount: number };
  ocr: { engine: string; language: string; meanConfidence: number };
  text: string;
  qrPayload?: string;
  signature?: { signer: string; signedAt: Date };
}

export function buildManifest(input: ManifestInput): DataMessageManifest {
  return {
    schema: MANIFEST_SCHEMA,
    messageId: input.messageId,
    lookupCode: formatLookupCode(input.code),
    agencyCode: input.location.agencyCode,
    symbol: input.symbol,
    convertedAt: instant(input.convertedAt),
    converter: input.request.converter,
    purpose: input.request.purpose,
    source: { path: input.location.blobPath, ...input.source },
    output: input.output,
    ocr: input.ocr,
    qr: input.qrPayload === undefined ? null : { payload: input.qrPayload },
    signature: input.signature
      ? {
          signer: input.signature.signer,
          signedAt: instant(input.signature.signedAt),
          requiredByPurpose: input.request.signRequiredByPurpose,
        }
      : null,
    text: input.text,
  };
}

/** The manifest as the lookup API shows it: everything but the (possibly long) extracted text. */
export function summariseManifest(manifest: DataMessageManifest): ManifestSummary {
  const { text, ...rest } = manifest;
  return { ...rest, textLength: text.length };
}
