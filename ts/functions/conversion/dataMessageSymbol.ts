/**
 * The distinct symbol of Art. 4.1.a ("a letter distinct symbol representing the data message
 * converted from the paper document"), worded as the decree words it, Vietnamese first.
 */
export const DATA_MESSAGE_SYMBOL = {
  vi: 'Thông điệp dữ liệu được chuyển đổi từ văn bản giấy',
  en: 'Data message converted from a paper document',
} as const;

/** The page a QR code sends a reader to: the lookup API for this code. */
export function verificationUrl(base: string, displayCode: string): string {
  return `${base.replace(/\/+$/, '')}/${displayCode}`;
}
