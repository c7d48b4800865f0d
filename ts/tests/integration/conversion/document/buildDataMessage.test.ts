import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDataMessage,
  DEFAULT_SYMBOL_EN,
  DEFAULT_SYMBOL_VI,
  type SymbolBlock,
} from '../../../../functions/conversion/document/buildDataMessage';
import { inspectScan } from '../../../../functions/conversion/document/inspectScan';
import type { OcrEngine, OcrPage, OcrRequest } from '../../../../functions/conversion/document/ocr/OcrEngine';
import { TesseractEngine } from '../../../../functions/conversion/document/ocr/TesseractEngine';
import { decodeQrPayload, encodeQrPayload } from '../../../../functions/conversion/document/qrPayload';
import { DEFAULT_SCAN_LIMITS } from '../../../../functions/conversion/document/scanLimits';
import {
  greySkewedScan,
  jpegScan,
  pdfInfo,
  pdfScan,
  pdfText,
  pngScan,
  qrCodes,
  rotatedPdfScan,
  SAMPLE_WORDS,
  tiffScan,
} from '../../../support/scans';

const convertedAtUtc = new Date('2025-03-14T09:05:09Z');
const converter = 'Sở Tư pháp Hà Nội';
const qrPayload = encodeQrPayload({
  symbol: DEFAULT_SYMBOL_VI,
  convertedAtUtc,
  converter,
  code: '7KQ4-MX2P-H',
  verifyUrl: 'https://example.gov.vn/api/data-messages/7KQ4-MX2P-H',
});
const symbol: SymbolBlock = {
  symbolVi: DEFAULT_SYMBOL_VI,
  symbolEn: DEFAULT_SYMBOL_EN,
  convertedAtUtc,
  converter,
  lookupCode: '7KQ4-MX2P-H',
  qrPayload,
};
const ocr = new TesseractEngine();

async function convert(scan: Buffer, extension: string, block: SymbolBlock = symbol) {
  const inspected = await inspectScan(scan, extension, DEFAULT_SCAN_LIMITS);
  return {
    inspected,
    built: await buildDataMessage(scan, inspected, { language: 'vie+eng', symbol: block, ocr }),
  };
}

/** What pdftotext returns, with runs of spaces and line breaks collapsed as a search would treat them. */
async function searchableText(pdf: Buffer, page?: number): Promise<string> {
  return (await pdfText(pdf, page)).replace(/\s+/g, ' ');
}

describe('buildDataMessage with tesseract', () => {
  let pngResult: Awaited<ReturnType<typeof convert>>;

  beforeAll(async () => {
    pngResult = await convert(await pngScan(), 'png');
  });

  it('makes a PDF whose text layer holds the OCR words with their diacritics, NFC', async () => {
    const text = await searchableText(pngResult.built.pdf);
    for (const word of SAMPLE_WORDS[0] ?? []) expect(text).toContain(word);
    expect(text).toContain('Nguyễn Văn Đức');
    expect(text).toBe(text.normalize('NFC'));
    expect(pngResult.built.text).toContain('Hàng Bài');
    expect(pngResult.built.ocr).toMatchObject({ engine: 'tesseract', language: 'vie+eng' });
    expect(pngResult.built.ocr.meanConfidence).toBeGreaterThan(0.8);
  });

  it('shows the distinct symbol block on the first page: symbol, Vietnam time, converter, lookup code', async () => {
    const text = await searchableText(pngResult.built.pdf, 1);
    expect(text).toContain('THÔNG ĐIỆP DỮ LIỆU ĐƯỢC CHUYỂN ĐỔI TỪ VĂN BẢN GIẤY');
    expect(text).toContain('Data message converted from a paper document');
    expect(text).toContain('14/03/2025 16:05:09 (UTC+07:00)');
    expect(text).toContain('Converted by: Sở Tư pháp Hà Nội');
    expect(text).toContain('Lookup code: 7KQ4-MX2P-H');
    // Vietnamese first, then English.
    expect(text.indexOf('THÔNG ĐIỆP')).toBeLessThan(text.indexOf('Data message converted'));
  });

  it('draws a QR code that a reader decodes to the documented payload', async () => {
    const codes = await qrCodes(pngResult.built.pdf, 1);
    expect(codes).toEqual([qrPayload]);
    expect(decodeQrPayload(codes[0] ?? '')).toMatchObject({ converter, code: '7KQ4-MX2P-H' });
  });

  it('keeps the page at the scan size, adding the symbol band below the content', async () => {
    const info = await pdfInfo(pngResult.built.pdf);
    expect(info.Pages).toBe('1');
    const [width, height] = (info['Page size'] ?? '').split(' x ').map((value) => Number.parseFloat(value));
    expect(width).toBeCloseTo(595.4, 0);
    expect(height).toBeGreaterThan(842); // A4 plus the band
  });

  it('keeps every page of a multi-page PDF scan, each with its own text', async () => {
    const { built } = await convert(await pdfScan(3), 'pdf');
    expect(built.pageCount).toBe(3);
    expect((await pdfInfo(built.pdf)).Pages).toBe('3');
    for (let page = 1; page <= 3; page++) {
      const text = await searchableText(built.pdf, page);
      for (const word of SAMPLE_WORDS[page - 1] ?? []) expect(text).toContain(word);
    }
    expect(await qrCodes(built.pdf, 2)).toEqual([]);
  });

  it('converts a JPEG and a multi-page TIFF scan', async () => {
    const jpeg = (await convert(await jpegScan(), 'jpg')).built;
    expect(await searchableText(jpeg.pdf)).toContain('Nguyễn');
    const tiff = (await convert(await tiffScan(2), 'tiff')).built;
    expect((await pdfInfo(tiff.pdf)).Pages).toBe('2');
    expect(await searchableText(tiff.pdf, 2)).toContain('đăng');
  });

  it('reads a grey, skewed scan', async () => {
    const { built } = await convert(await greySkewedScan(), 'png');
    const text = await searchableText(built.pdf);
    for (const word of ['CỘNG', 'Hạnh', 'Nguyễn', 'Kiếm']) expect(text).toContain(word);
  });

  it('keeps a page stored sideways with /Rotate upright: text layer and symbol band follow the view', async () => {
    const { built } = await convert(await rotatedPdfScan(), 'pdf');
    const text = await searchableText(built.pdf);
    for (const word of ['CỘNG', 'Nguyễn', 'Kiếm', 'Lookup code: 7KQ4-MX2P-H']) expect(text).toContain(word);
    expect(text.indexOf('Nguyễn')).toBeLessThan(text.indexOf('THÔNG ĐIỆP'));
    expect(await qrCodes(built.pdf, 1)).toEqual([qrPayload]);
    const info = await pdfInfo(built.pdf);
    expect(info['Page rot']).toBe('90');
  });

  it('leaves the QR code out when no payload is given', async () => {
    const withoutQr: SymbolBlock = { ...symbol, qrPayload: undefined };
    const { built } = await convert(await pngScan(['Một dòng chữ']), 'png', withoutQr);
    expect(await qrCodes(built.pdf, 1)).toEqual([]);
    expect(await searchableText(built.pdf)).toContain('Lookup code: 7KQ4-MX2P-H');
  });
});

describe('buildDataMessage with any engine', () => {
  it('refuses an engine that loses pages', async () => {
    const lossy: OcrEngine = {
      name: 'lossy',
      async *recognizePages(request: OcrRequest): AsyncGenerator<OcrPage> {
        await Promise.resolve();
        const page = request.inspected.pages[0];
        if (page)
          yield {
            index: 0,
            widthPt: page.widthPt,
            heightPt: page.heightPt,
            text: '',
            confidence: 0,
            words: [],
          };
      },
    };
    const scan = await pdfScan(2);
    const inspected = await inspectScan(scan, 'pdf', DEFAULT_SCAN_LIMITS);
    await expect(buildDataMessage(scan, inspected, { language: 'vie', symbol, ocr: lossy })).rejects.toThrow(
      /1 of 2 pages/,
    );
  });
});
