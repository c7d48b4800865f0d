import { describe, expect, it } from 'vitest';
import { parseConversionRequest } from '../../../functions/conversion/conversionRequest';
import { uploadMetadata } from '../../../local/upload';

describe('npm run upload metadata', () => {
  it('percent-encodes every value so ASCII-only blob metadata carries Vietnamese names', () => {
    const metadata = uploadMetadata({
      file: 'x.png',
      agency: 'STP-HN',
      converter: 'Sở Tư pháp Hà Nội',
      purpose: 'certification',
      sign: true,
      qr: false,
      language: 'vie',
    });
    expect(metadata).toEqual({
      converter: 'S%E1%BB%9F%20T%C6%B0%20ph%C3%A1p%20H%C3%A0%20N%E1%BB%99i',
      purpose: 'certification',
      sign: 'true',
      qr: 'false',
      language: 'vie',
    });
    for (const value of Object.values(metadata)) expect(value).toMatch(/^[\x20-\x7e]*$/);
    // What the upload writes is what the conversion reads back.
    expect(parseConversionRequest(metadata)).toMatchObject({
      converter: 'Sở Tư pháp Hà Nội',
      purpose: 'certification',
      sign: true,
      qr: false,
      language: 'vie',
    });
  });

  it('leaves out what was not asked for, so the defaults apply', () => {
    expect(uploadMetadata({ file: 'x.pdf', agency: 'A', converter: 'Nguyễn Văn A' })).toEqual({
      converter: 'Nguy%E1%BB%85n%20V%C4%83n%20A',
    });
  });
});
