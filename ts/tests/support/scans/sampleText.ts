/**
 * Vietnamese text for test scans: words with every kind of diacritic, set large enough that OCR at
 * 200 dpi reads them reliably. `SAMPLE_WORDS` are words a test can expect to find after OCR.
 */
export const SAMPLE_PAGES: readonly (readonly string[])[] = [
  [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'GIẤY XÁC NHẬN',
    'Ủy ban nhân dân phường Tràng Tiền xác nhận',
    'ông Nguyễn Văn Đức, sinh ngày 15 tháng 8 năm 1985,',
    'thường trú tại số 12 phố Hàng Bài, quận Hoàn Kiếm.',
  ],
  [
    'Giấy xác nhận này có giá trị trong sáu tháng',
    'kể từ ngày ký và được dùng để nộp hồ sơ',
    'đăng ký kinh doanh hộ gia đình.',
  ],
  ['Nơi nhận: Như trên; Lưu văn thư.', 'Chủ tịch Ủy ban nhân dân phường', 'Trần Thị Hương'],
];

/** Words (NFC) that OCR of the pages above should return, one list per page. */
export const SAMPLE_WORDS: readonly (readonly string[])[] = [
  ['CỘNG', 'NGHĨA', 'Hạnh', 'phúc', 'Nguyễn', 'Đức', 'thường', 'Kiếm'],
  ['Giấy', 'tháng', 'đăng', 'đình'],
  ['Nơi', 'nhận', 'Hương'],
];
