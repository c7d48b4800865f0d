import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectScan } from '../../../../functions/conversion/document/inspectScan';
import { ScanRejectedError, type RejectionCode } from '../../../../functions/conversion/document/rejections';
import type { ScanLimits } from '../../../../functions/conversion/document/scanLimits';
import {
  encryptPdf,
  jpegScan,
  oversizedPng,
  pdfScan,
  pngScan,
  textPdf,
  tiffScan,
} from '../../../support/scans';

const limits: ScanLimits = { maxBytes: 20 * 1024 * 1024, maxPages: 10, maxPixelsPerPage: 50_000_000 };

async function rejection(
  bytes: Buffer,
  extension: string,
  custom: ScanLimits = limits,
): Promise<ScanRejectedError> {
  try {
    await inspectScan(bytes, extension, custom);
  } catch (error) {
    if (error instanceof ScanRejectedError) return error;
    throw error;
  }
  throw new Error('the scan was accepted');
}

async function expectRejected(bytes: Buffer, extension: string, code: RejectionCode, custom?: ScanLimits) {
  const error = await rejection(bytes, extension, custom);
  expect(error.code).toBe(code);
  expect(error.reasonVi.length).toBeGreaterThan(10);
  expect(error.reasonEn.length).toBeGreaterThan(10);
  return error;
}

let png: Buffer;
let jpeg: Buffer;
let pdf: Buffer;
let tiff: Buffer;
let classicPdf: Buffer;

beforeAll(async () => {
  [png, jpeg, pdf, tiff] = await Promise.all([pngScan(), jpegScan(), pdfScan(3), tiffScan(2)]);
  classicPdf = Buffer.from(await (await PDFDocument.load(pdf)).save({ useObjectStreams: false }));
});

describe('inspectScan accepts whole scans and measures their pages', () => {
  it('reads a PNG scan: one A4 page at its 200 dpi', async () => {
    const scan = await inspectScan(png, 'png', limits);
    expect(scan).toMatchObject({
      kind: 'png',
      pageCount: 1,
      png: { colorType: 2, bitDepth: 8, interlaced: false },
    });
    expect(scan.pages[0]).toMatchObject({ widthPx: 1654, heightPx: 2339, dpi: 200 });
    expect(scan.pages[0]?.widthPt).toBeCloseTo(595.4, 0);
  });

  it('reads a JPEG scan (extension in any case, .jpg or .jpeg)', async () => {
    for (const extension of ['jpg', 'JPEG', '.jpeg']) {
      const scan = await inspectScan(jpeg, extension, limits);
      expect(scan).toMatchObject({
        kind: 'jpeg',
        pageCount: 1,
        pages: [{ widthPx: 1654, heightPx: 2339, dpi: 200 }],
      });
    }
  });

  it('reads a multi-page PDF scan: page count and the resolution of its page images', async () => {
    const scan = await inspectScan(pdf, 'pdf', limits);
    expect(scan.kind).toBe('pdf');
    expect(scan.pageCount).toBe(3);
    expect(scan.pages.map((page) => page.dpi)).toEqual([200, 200, 200]);
    expect(scan.pages[0]?.widthPx).toBe(1654);
  });

  it('reads a multi-page TIFF scan', async () => {
    const scan = await inspectScan(tiff, 'tif', limits);
    expect(scan).toMatchObject({ kind: 'tiff', pageCount: 2 });
    expect(scan.pages.every((page) => page.dpi === 200 && page.heightPx === 2339)).toBe(true);
  });

  it('sizes a photo that declares no usable resolution as an A4 sheet', async () => {
    const noDpi = Buffer.from(png);
    // Drop the pHYs chunk: its 21 bytes sit right after IHDR (8 + 25).
    const at = noDpi.indexOf('pHYs', 0, 'latin1') - 4;
    const scan = await inspectScan(
      Buffer.concat([noDpi.subarray(0, at), noDpi.subarray(at + 21)]),
      'png',
      limits,
    );
    expect(scan.pages[0]?.heightPt).toBeCloseTo(11.69 * 72, -1);
  });
});

describe('inspectScan rejects bad input with a reason', () => {
  it('refuses extensions it does not convert', async () => {
    await expectRejected(png, 'gif', 'unsupported-type');
    await expectRejected(png, '', 'unsupported-type');
  });

  it('refuses content that is not what its extension says', async () => {
    const error = await expectRejected(jpeg, 'png', 'type-mismatch');
    expect(error.reasonEn).toContain('JPEG');
    await expectRejected(png, 'pdf', 'type-mismatch');
    await expectRejected(pdf, 'tiff', 'type-mismatch');
    await expectRejected(Buffer.from('Xin chào, đây không phải ảnh', 'utf8'), 'jpg', 'type-mismatch');
  });

  it('refuses an empty file', async () => {
    await expectRejected(Buffer.alloc(0), 'pdf', 'empty');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await expectRejected(pdf, 'pdf', 'too-large', { ...limits, maxBytes: 1000 });
    expect(error.reasonVi).toContain('limit 1000');
  });

  it('refuses truncated and damaged PNGs', async () => {
    await expectRejected(png.subarray(0, png.length - 20), 'png', 'corrupt');
    await expectRejected(png.subarray(0, 30), 'png', 'corrupt');
    const flipped = Buffer.from(png);
    const middle = Math.floor(png.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0xff;
    expect((await expectRejected(flipped, 'png', 'corrupt')).reasonEn).toContain('CRC');
  });

  it('refuses truncated and damaged JPEGs', async () => {
    await expectRejected(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'jpg', 'corrupt');
    await expectRejected(jpeg.subarray(0, 100), 'jpg', 'corrupt');
    const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]);
    await expectRejected(noFrame, 'jpg', 'corrupt');
  });

  it('refuses truncated and damaged PDFs that pdf-lib alone would load', async () => {
    // pdfScan is saved with a cross-reference stream, classicPdf with a cross-reference table.
    for (const bytes of [pdf, classicPdf]) {
      await expectRejected(bytes.subarray(0, Math.floor(bytes.length * 0.9)), 'pdf', 'corrupt');
      await expectRejected(bytes.subarray(0, bytes.length - 10), 'pdf', 'corrupt');
      const text = bytes.toString('latin1');
      const trailerAt = text.lastIndexOf('startxref') - 600;
      const noCatalog = text.slice(0, trailerAt) + text.slice(trailerAt).replace('/Root', '/Roof');
      await expectRejected(Buffer.from(noCatalog, 'latin1'), 'pdf', 'corrupt');
      // No cross-reference anywhere: nothing for a reader to repair from.
      const noXref = text
        .replace(/startxref\s+\d+/, 'startxref\n12')
        .replace(/([\r\n])xref(\s)/g, '$1xreg$2')
        .replace(/\/Type\s*\/XRef/g, '/Type /XReg');
      await expectRejected(Buffer.from(noXref, 'latin1'), 'pdf', 'corrupt');
    }
  });

  it('forgives a startxref that misses its cross-reference, as PDF readers do', async () => {
    for (const bytes of [pdf, classicPdf]) {
      const moved = bytes.toString('latin1').replace(/startxref\s+\d+/, 'startxref\n12');
      const scan = await inspectScan(Buffer.from(moved, 'latin1'), 'pdf', limits);
      expect(scan.pageCount).toBe(3);
    }
  });

  it('forgives table offsets a few bytes off, and refuses an object the file does not hold', async () => {
    const text = classicPdf.toString('latin1');
    const xrefAt = text.lastIndexOf('\nxref');
    // Every in-use offset two bytes early, as some producers write them.
    const early =
      text.slice(0, xrefAt) +
      text
        .slice(xrefAt)
        .replace(
          /(\d{10}) 00000 n/g,
          (_, offset: string) => `${String(Math.max(0, Number(offset) - 2)).padStart(10, '0')} 00000 n`,
        );
    expect((await inspectScan(Buffer.from(early, 'latin1'), 'pdf', limits)).pageCount).toBe(3);
    // Object 1's header removed from the body: the table lists an object that is not there.
    const missing = text.slice(0, xrefAt).replace(/(^|[^\d])1 0 obj/, '$1x 0 obx') + text.slice(xrefAt);
    await expectRejected(Buffer.from(missing, 'latin1'), 'pdf', 'corrupt');
    const short =
      text.slice(0, xrefAt) +
      text.slice(xrefAt).replace(/\n0 (\d+)/, (_, n: string) => `\n0 ${Number(n) + 1}`);
    await expectRejected(Buffer.from(short, 'latin1'), 'pdf', 'corrupt');
  });

  it('refuses truncated TIFFs', async () => {
    await expectRejected(tiff.subarray(0, Math.floor(tiff.length / 3)), 'tiff', 'corrupt');
    await expectRejected(tiff.subarray(0, 6), 'tiff', 'corrupt');
  });

  it('refuses an encrypted PDF', async () => {
    const encrypted = await encryptPdf(await textPdf([['Bí mật']]));
    await expectRejected(encrypted, 'pdf', 'encrypted');
  });

  it('refuses more pages than the limit, for PDFs and TIFFs', async () => {
    const small = { ...limits, maxPages: 2 };
    expect((await expectRejected(pdf, 'pdf', 'too-many-pages', small)).reasonEn).toContain('3 pages');
    await expectRejected(await tiffScan(3), 'tiff', 'too-many-pages', small);
  });

  it('refuses an image whose pixel count would exhaust memory, from its header', async () => {
    const bomb = oversizedPng(30_000, 30_000);
    expect(bomb.length).toBeLessThan(1000);
    const error = await expectRejected(bomb, 'png', 'too-many-pixels');
    expect(error.reasonEn).toContain('900000000 pixels');
    await expectRejected(jpeg, 'jpg', 'too-many-pixels', { ...limits, maxPixelsPerPage: 1_000_000 });
    await expectRejected(pdf, 'pdf', 'too-many-pixels', { ...limits, maxPixelsPerPage: 1_000_000 });
    await expectRejected(tiff, 'tiff', 'too-many-pixels', { ...limits, maxPixelsPerPage: 1_000_000 });
  });
});
