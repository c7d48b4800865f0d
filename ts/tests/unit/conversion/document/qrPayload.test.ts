import { describe, expect, it } from 'vitest';
import {
  decodeQrPayload,
  encodeQrPayload,
  QrPayloadError,
} from '../../../../functions/conversion/document/qrPayload';

const payload = {
  symbol: 'Thông điệp dữ liệu được chuyển đổi từ văn bản giấy',
  convertedAtUtc: new Date('2025-03-14T09:05:09.123Z'),
  converter: 'Sở Tư pháp Hà Nội',
  code: '7KQ4-MX2P-H',
  verifyUrl: 'https://example.gov.vn/api/data-messages/7KQ4-MX2P-H',
};

describe('QR payload DM137/1', () => {
  it('writes the documented lines, time in UTC to the second', () => {
    expect(encodeQrPayload(payload)).toBe(
      [
        'DM137/1',
        'C=7KQ4-MX2P-H',
        'T=2025-03-14T09:05:09Z',
        'N=Sở Tư pháp Hà Nội',
        'S=Thông điệp dữ liệu được chuyển đổi từ văn bản giấy',
        'U=https://example.gov.vn/api/data-messages/7KQ4-MX2P-H',
      ].join('\n'),
    );
  });

  it('reads back what it writes, and stores names in NFC', () => {
    const decomposed = { ...payload, converter: payload.converter.normalize('NFD') };
    const decoded = decodeQrPayload(encodeQrPayload(decomposed));
    expect(decoded).toEqual({ ...payload, version: 1, convertedAtUtc: new Date('2025-03-14T09:05:09Z') });
    expect(decoded.converter).toBe('Sở Tư pháp Hà Nội'.normalize('NFC'));
  });

  it('reads lines in any order, CRLF, and ignores keys added later', () => {
    const text = [
      'DM137/1',
      'U=https://x.vn/a',
      'X=later field',
      'N=Nguyễn Văn A',
      'S=Ký hiệu',
      'T=2025-01-01T00:00:00Z',
      'C=AB',
    ].join('\r\n');
    expect(decodeQrPayload(text)).toMatchObject({
      code: 'AB',
      converter: 'Nguyễn Văn A',
      verifyUrl: 'https://x.vn/a',
    });
  });

  it('refuses other formats, versions, missing fields and bad times', () => {
    expect(() => decodeQrPayload('https://example.gov.vn')).toThrow(QrPayloadError);
    expect(() => decodeQrPayload(encodeQrPayload(payload).replace('DM137/1', 'DM137/2'))).toThrow(
      /version 2/,
    );
    expect(() => decodeQrPayload(encodeQrPayload(payload).replace(/\nN=.*/, ''))).toThrow(/lacks N/);
    expect(() => decodeQrPayload(encodeQrPayload(payload).replace(/T=.*/, 'T=14/03/2025'))).toThrow(/UTC/);
  });

  it('refuses values it cannot carry', () => {
    expect(() => encodeQrPayload({ ...payload, converter: 'Sở Tư pháp\nHà Nội' })).toThrow(/line break/);
    expect(() => encodeQrPayload({ ...payload, code: '  ' })).toThrow(/empty/);
    expect(() => encodeQrPayload({ ...payload, convertedAtUtc: new Date('x') })).toThrow(/valid date/);
  });
});
