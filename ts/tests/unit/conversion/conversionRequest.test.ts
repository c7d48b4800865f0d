import { describe, expect, it } from 'vitest';
import { ConversionRejectedError } from '../../../functions/conversion/conversionRejection';
import {
  encodeMetadataValue,
  parseConversionRequest,
  parseScanLocation,
} from '../../../functions/conversion/conversionRequest';

const converter = 'Sở Tư pháp Hà Nội';

function rejection(run: () => unknown): { code: string; reasonVi: string; reasonEn: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ConversionRejectedError) return error;
    throw error;
  }
  throw new Error('not rejected');
}

describe('scan location', () => {
  it('reads the agency code and extension from scans/{agencyCode}/{path}', () => {
    expect(parseScanLocation('scans/000.00.00.H26/2025/03/giay-phep.PDF')).toEqual({
      blobPath: 'scans/000.00.00.H26/2025/03/giay-phep.PDF',
      name: '000.00.00.H26/2025/03/giay-phep.PDF',
      agencyCode: '000.00.00.H26',
      extension: 'pdf',
    });
    expect(parseScanLocation('STP-HN/a.jpeg').blobPath).toBe('scans/STP-HN/a.jpeg');
  });

  it('rejects a path without agency code or file name, or with an unsupported extension', () => {
    expect(rejection(() => parseScanLocation('scans/giay-phep.pdf')).code).toBe('bad-path');
    expect(rejection(() => parseScanLocation('scans/STP/')).code).toBe('bad-path');
    expect(rejection(() => parseScanLocation('scans/ST#P/a.pdf')).code).toBe('bad-path');
    const bad = rejection(() => parseScanLocation('scans/STP/a.docx'));
    expect(bad.code).toBe('unsupported-type');
    expect(bad.reasonVi).toContain('"docx"');
    expect(rejection(() => parseScanLocation('scans/STP/noextension')).code).toBe('unsupported-type');
  });
});

describe('conversion request from blob metadata', () => {
  it('decodes the percent-encoded converter with its diacritics and applies the defaults', () => {
    const request = parseConversionRequest({ converter: encodeMetadataValue(converter) });
    expect(request).toEqual({
      converter,
      purpose: 'general',
      sign: false,
      signRequiredByPurpose: false,
      qr: true,
      language: 'vie+eng',
    });
    expect(encodeMetadataValue(converter)).toBe('S%E1%BB%9F%20T%C6%B0%20ph%C3%A1p%20H%C3%A0%20N%E1%BB%99i');
  });

  it('normalises decomposed Vietnamese to NFC and reads keys in any case', () => {
    const decomposed = encodeURIComponent(converter.normalize('NFD'));
    expect(parseConversionRequest({ Converter: decomposed }).converter).toBe(converter);
  });

  it('signs when asked and whenever the purpose needs legal value', () => {
    const c = encodeMetadataValue(converter);
    expect(parseConversionRequest({ converter: c, sign: 'true' }).sign).toBe(true);
    for (const purpose of ['administrative-procedure', 'certification']) {
      const request = parseConversionRequest({ converter: c, purpose, sign: 'false' });
      expect(request).toMatchObject({ purpose, sign: true, signRequiredByPurpose: true });
    }
    expect(parseConversionRequest({ converter: c, qr: 'FALSE', language: 'eng' })).toMatchObject({
      qr: false,
      language: 'eng',
    });
  });

  it('rejects each bad value with a reason in Vietnamese and English', () => {
    const c = encodeMetadataValue(converter);
    const cases: [Record<string, string>, string][] = [
      [{}, 'missing-converter'],
      [{ converter: '' }, 'missing-converter'],
      [{ converter: '%20%20' }, 'missing-converter'],
      [{ converter: 'S%E1%BB' }, 'bad-metadata-encoding'],
      [{ converter: '%ZZ' }, 'bad-metadata-encoding'],
      [{ converter: encodeURIComponent('a\u0007b') }, 'bad-converter'],
      [{ converter: 'x'.repeat(301) }, 'bad-converter'],
      [{ converter: c, purpose: 'marketing' }, 'bad-purpose'],
      [{ converter: c, language: 'fra' }, 'bad-language'],
      [{ converter: c, language: 'vie+vie' }, 'bad-language'],
      [{ converter: c, language: 'vie+' }, 'bad-language'],
      [{ converter: c, sign: 'yes' }, 'bad-flag'],
      [{ converter: c, qr: '1' }, 'bad-flag'],
    ];
    for (const [metadata, code] of cases) {
      const found = rejection(() => parseConversionRequest(metadata));
      expect(found.code, JSON.stringify(metadata)).toBe(code);
      expect(found.reasonVi.length).toBeGreaterThan(10);
      expect(found.reasonEn.length).toBeGreaterThan(10);
    }
  });
});
