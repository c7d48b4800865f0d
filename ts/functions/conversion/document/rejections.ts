/**
 * Why a scan's bytes cannot become a data message. Each code has a fixed reason in Vietnamese and
 * English that a clerk can read; `detail` adds what was found (sizes, limits) without internals.
 */
export type RejectionCode =
  | 'type-mismatch'
  | 'unsupported-type'
  | 'corrupt'
  | 'encrypted'
  | 'too-large'
  | 'too-many-pages'
  | 'too-many-pixels'
  | 'empty';

const REASONS: Record<RejectionCode, { vi: string; en: string }> = {
  'type-mismatch': {
    vi: 'Nội dung tệp không đúng với phần mở rộng của tên tệp',
    en: 'The file content does not match its extension',
  },
  'unsupported-type': {
    vi: 'Loại tệp không được hỗ trợ (chỉ nhận PDF, PNG, JPEG, TIFF)',
    en: 'Unsupported file type (only PDF, PNG, JPEG and TIFF are accepted)',
  },
  corrupt: { vi: 'Tệp bị hỏng hoặc không đầy đủ', en: 'The file is corrupt or truncated' },
  encrypted: {
    vi: 'Tệp PDF được mã hóa hoặc đặt mật khẩu',
    en: 'The PDF is encrypted or password-protected',
  },
  'too-large': { vi: 'Tệp vượt quá dung lượng cho phép', en: 'The file is over the size limit' },
  'too-many-pages': { vi: 'Tệp có nhiều trang hơn mức cho phép', en: 'The file has more pages than allowed' },
  'too-many-pixels': {
    vi: 'Ảnh quét có số điểm ảnh trên một trang vượt mức cho phép',
    en: 'A scanned page has more pixels than allowed',
  },
  empty: { vi: 'Tệp rỗng hoặc không có trang nào', en: 'The file is empty or has no pages' },
};

export class ScanRejectedError extends Error {
  readonly reasonVi: string;
  readonly reasonEn: string;
  constructor(
    readonly code: RejectionCode,
    /** What was found, e.g. "12 pages, the limit is 10"; appended to both reasons. */
    readonly detail?: string,
  ) {
    const reason = REASONS[code];
    const suffix = detail ? ` (${detail})` : '';
    super(`${reason.en}${suffix}`);
    this.name = 'ScanRejectedError';
    this.reasonVi = `${reason.vi}${suffix}`;
    this.reasonEn = `${reason.en}${suffix}`;
  }
}
