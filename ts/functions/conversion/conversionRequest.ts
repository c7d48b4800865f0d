import { ConversionRejectedError } from './conversionRejection';

/**
 * What an upload asks for, read from its blob name and metadata (the contract of issue 3):
 * `scans/{agencyCode}/{any/path/name}.{pdf|png|jpg|jpeg|tif|tiff}` with metadata `converter` (required,
 * percent-encoded UTF-8), `purpose`, `sign`, `qr`, `language`.
 */
export const SCANS_CONTAINER = 'scans';
export const SCAN_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] as const;
export type ScanExtension = (typeof SCAN_EXTENSIONS)[number];

export const PURPOSES = ['general', 'administrative-procedure', 'certification'] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * Purposes whose conversion must carry legal value and so a digital signature (Art. 4.2.dd, which
 * points to Law on E-Transactions Art. 12.1.d): results of administrative procedures (Art. 4.1.c,
 * Art. 8) and notarisation/certification copies (Art. 4.1.b).
 */
export const PURPOSES_REQUIRING_SIGNATURE: readonly Purpose[] = ['administrative-procedure', 'certification'];

/** OCR languages the app ships models for (Debian tesseract-ocr-vie/eng locally). */
export const OCR_LANGUAGES = ['vie', 'eng'] as const;
export const DEFAULT_LANGUAGE = 'vie+eng';
const MAX_CONVERTER_LENGTH = 300;

export interface ScanLocation {
  /** `scans/{agencyCode}/{rest}` */
  blobPath: string;
  /** The name inside the container: `{agencyCode}/{rest}` */
  name: string;
  agencyCode: string;
  extension: ScanExtension;
}

export interface ConversionRequest {
  converter: string;
  purpose: Purpose;
  /** Signed because asked (`sign=true`) or because the purpose requires it. */
  sign: boolean;
  signRequiredByPurpose: boolean;
  qr: boolean;
  language: string;
}

// Agency codes are identifiers such as `000.00.00.H26` or `SOTUPHAP-HN`; they become table keys too.
const AGENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function reject(code: ConversionRejectedError['code'], vi: string, en: string): never {
  throw new ConversionRejectedError(code, vi, en);
}

/** Accepts `scans/a/b.pdf` or the name inside the container `a/b.pdf`. */
export function normaliseScanPath(input: string): string {
  const trimmed = input.trim().replace(/^\/+/, '');
  return trimmed.startsWith(`${SCANS_CONTAINER}/`) ? trimmed : `${SCANS_CONTAINER}/${trimmed}`;
}

export function parseScanLocation(blobPath: string): ScanLocation {
  const path = normaliseScanPath(blobPath);
  const name = path.slice(SCANS_CONTAINER.length + 1);
  const slash = name.indexOf('/');
  const agencyCode = slash > 0 ? name.slice(0, slash) : '';
  const rest = slash > 0 ? name.slice(slash + 1) : '';
  if (!AGENCY_CODE.test(agencyCode) || rest === '' || rest.endsWith('/')) {
    reject(
      'bad-path',
      `Đường dẫn "${path}" không đúng dạng scans/{mã cơ quan}/{tên tệp}: thiếu mã cơ quan hoặc tên tệp (mã chỉ gồm chữ, số, dấu chấm, gạch).`,
      `The path "${path}" is not scans/{agencyCode}/{file name}: the agency code or the file name is missing (codes use letters, digits, dots, hyphens).`,
    );
  }
  const dot = rest.lastIndexOf('.');
  const extension = dot >= 0 ? rest.slice(dot + 1).toLowerCase() : '';
  if (!(SCAN_EXTENSIONS as readonly string[]).includes(extension)) {
    reject(
      'unsupported-type',
      `Phần mở rộng "${extension || '(không có)'}" không được hỗ trợ; dùng ${SCAN_EXTENSIONS.join(', ')}.`,
      `The extension "${extension || '(none)'}" is not supported; use ${SCAN_EXTENSIONS.join(', ')}.`,
    );
  }
  return { blobPath: path, name, agencyCode, extension: extension as ScanExtension };
}

/** Blob metadata keys come back lower-cased from some hosts and as set from others. */
function metadataValue(metadata: Record<string, string>, key: string): string | undefined {
  const found = Object.entries(metadata).find(([name]) => name.toLowerCase() === key);
  return found?.[1];
}

function decodeValue(key: string, value: string): string {
  try {
    return decodeURIComponent(value).normalize('NFC');
  } catch {
    return reject(
      'bad-metadata-encoding',
      `Giá trị metadata "${key}" không phải chuỗi UTF-8 mã hoá phần trăm hợp lệ ("${value}").`,
      `The metadata value "${key}" is not valid percent-encoded UTF-8 ("${value}").`,
    );
  }
}

function flag(metadata: Record<string, string>, key: 'sign' | 'qr', fallback: boolean): boolean {
  const raw = metadataValue(metadata, key);
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = decodeValue(key, raw).trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return reject(
    'bad-flag',
    `Metadata "${key}" phải là "true" hoặc "false", nhận được "${value}".`,
    `The metadata "${key}" must be "true" or "false"; got "${value}".`,
  );
}

export function parseConversionRequest(metadata: Record<string, string>): ConversionRequest {
  const rawConverter = metadataValue(metadata, 'converter');
  // Control characters would break the stamp and the QR payload; collapse runs of spaces.
  const converter =
    rawConverter === undefined ? '' : decodeValue('converter', rawConverter).replace(/\s+/g, ' ').trim();
  if (converter === '') {
    reject(
      'missing-converter',
      'Thiếu metadata "converter": họ tên đầy đủ của cơ quan, tổ chức hoặc cá nhân thực hiện chuyển đổi (Điều 4.1.a).',
      'The metadata "converter" is missing or empty: the full name of the agency, organisation or person converting (Art. 4.1.a).',
    );
  }
  if (converter.length > MAX_CONVERTER_LENGTH || /\p{Cc}/u.test(converter)) {
    reject(
      'bad-converter',
      `Metadata "converter" dài quá ${MAX_CONVERTER_LENGTH} ký tự hoặc chứa ký tự điều khiển.`,
      `The metadata "converter" is over ${MAX_CONVERTER_LENGTH} characters or holds control characters.`,
    );
  }

  const rawPurpose = metadataValue(metadata, 'purpose');
  const purpose =
    rawPurpose === undefined || rawPurpose.trim() === ''
      ? 'general'
      : decodeValue('purpose', rawPurpose).trim();
  if (!(PURPOSES as readonly string[]).includes(purpose)) {
    reject(
      'bad-purpose',
      `Mục đích "${purpose}" không hợp lệ; dùng ${PURPOSES.join(', ')}.`,
      `The purpose "${purpose}" is not valid; use ${PURPOSES.join(', ')}.`,
    );
  }

  const rawLanguage = metadataValue(metadata, 'language');
  const language =
    rawLanguage === undefined || rawLanguage.trim() === ''
      ? DEFAULT_LANGUAGE
      : decodeValue('language', rawLanguage).trim();
  const parts = language.split('+');
  if (
    parts.some((part) => !(OCR_LANGUAGES as readonly string[]).includes(part)) ||
    new Set(parts).size !== parts.length
  ) {
    reject(
      'bad-language',
      `Ngôn ngữ nhận dạng "${language}" không hợp lệ; dùng ${OCR_LANGUAGES.join(', ')} nối bằng "+", ví dụ ${DEFAULT_LANGUAGE}.`,
      `The OCR language "${language}" is not valid; use ${OCR_LANGUAGES.join(', ')} joined by "+", e.g. ${DEFAULT_LANGUAGE}.`,
    );
  }

  const signRequiredByPurpose = PURPOSES_REQUIRING_SIGNATURE.includes(purpose as Purpose);
  const asked = flag(metadata, 'sign', false);
  return {
    converter,
    purpose: purpose as Purpose,
    sign: asked || signRequiredByPurpose,
    signRequiredByPurpose,
    qr: flag(metadata, 'qr', true),
    language,
  };
}

/** Percent-encodes a metadata value the way the contract asks (ASCII-only blob metadata). */
export function encodeMetadataValue(value: string): string {
  return encodeURIComponent(value.normalize('NFC'));
}
