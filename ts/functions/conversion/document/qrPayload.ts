/**
 * The text in the QR code of a data message converted from a paper document (Decree 137, Art. 4.1.a).
 * Format version 1, UTF-8, NFC, lines separated by LF:
 *
 *   DM137/1                                  header: format name and version
 *   C=<lookup code>                          e.g. C=J92-EXQ-Y3Q
 *   T=<time of conversion, UTC ISO-8601>     e.g. T=2025-03-14T09:05:09Z (whole seconds)
 *   N=<full name of who converted it>        e.g. N=Sở Tư pháp Hà Nội
 *   S=<distinct symbol text, Vietnamese>     e.g. S=Thông điệp dữ liệu được chuyển đổi từ văn bản giấy
 *   U=<verification URL>                     e.g. U=https://example.gov.vn/api/data-messages/J92-EXQ-Y3Q
 *
 * Readers take the lines in any order, ignore keys they do not know (later minor additions) and refuse
 * another major version. Values never contain a line break. See QR-PAYLOAD.md.
 */
export const QR_PAYLOAD_HEADER = 'DM137/1';

export interface QrPayload {
  symbol: string;
  convertedAtUtc: Date;
  converter: string;
  code: string;
  verifyUrl: string;
}

const KEYS = { C: 'code', T: 'convertedAtUtc', N: 'converter', S: 'symbol', U: 'verifyUrl' } as const;

export class QrPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QrPayloadError';
  }
}

function clean(field: string, value: string): string {
  const text = value.normalize('NFC').trim();
  if (text === '') throw new QrPayloadError(`QR payload field ${field} is empty`);
  if (/[\r\n]/.test(text)) throw new QrPayloadError(`QR payload field ${field} contains a line break`);
  return text;
}

export function encodeQrPayload(p: QrPayload): string {
  if (Number.isNaN(p.convertedAtUtc.getTime()))
    throw new QrPayloadError('QR payload time is not a valid date');
  return [
    QR_PAYLOAD_HEADER,
    `C=${clean('code', p.code)}`,
    `T=${p.convertedAtUtc.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    `N=${clean('converter', p.converter)}`,
    `S=${clean('symbol', p.symbol)}`,
    `U=${clean('verifyUrl', p.verifyUrl)}`,
  ].join('\n');
}

export function decodeQrPayload(text: string): QrPayload & { version: 1 } {
  const [header, ...lines] = text.normalize('NFC').split(/\r?\n/);
  const version = /^DM137\/(\d+)$/.exec(header?.trim() ?? '');
  if (!version) throw new QrPayloadError('Not a data message QR payload (no DM137 header)');
  if (version[1] !== '1') throw new QrPayloadError(`QR payload version ${version[1]} is not supported`);
  const fields = new Map<string, string>();
  for (const line of lines) {
    const at = line.indexOf('=');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1).trim());
  }
  const missing = Object.keys(KEYS).filter((key) => !fields.get(key));
  if (missing.length > 0) throw new QrPayloadError(`QR payload lacks ${missing.join(', ')}`);
  const time = fields.get('T') ?? '';
  const convertedAtUtc = new Date(time);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(time) || Number.isNaN(convertedAtUtc.getTime())) {
    throw new QrPayloadError(`QR payload time "${time}" is not UTC ISO-8601`);
  }
  return {
    version: 1,
    code: fields.get('C') ?? '',
    convertedAtUtc,
    converter: fields.get('N') ?? '',
    symbol: fields.get('S') ?? '',
    verifyUrl: fields.get('U') ?? '',
  };
}
