import { inspectJpeg } from './inspect/inspectJpeg';
import { inspectPdf } from './inspect/inspectPdf';
import { inspectPng, type PngHeader } from './inspect/inspectPng';
import { inspectTiff } from './inspect/inspectTiff';
import type { InspectedPage } from './inspect/pageGeometry';
import { ScanRejectedError } from './rejections';
import type { ScanLimits } from './scanLimits';

export type { InspectedPage } from './inspect/pageGeometry';
export type ScanKind = 'pdf' | 'png' | 'jpeg' | 'tiff';

export interface InspectedScan {
  kind: ScanKind;
  pageCount: number;
  pages: InspectedPage[];
  byteLength: number;
  /** PNG only: what decides whether its image data can pass into the PDF untouched. */
  png?: PngHeader;
}

const KIND_BY_EXTENSION: Record<string, ScanKind> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  tif: 'tiff',
  tiff: 'tiff',
};

/** What the bytes are, from their magic numbers alone. */
export function sniffKind(bytes: Buffer): ScanKind | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const tiff = bytes.toString('latin1', 0, 4);
  if (tiff === 'II*\0' || tiff === 'MM\0*' || tiff === 'II+\0' || tiff === 'MM\0+') return 'tiff';
  // Readers accept the header anywhere in the first kilobyte (some scanners write junk before it).
  if (bytes.subarray(0, 1024).includes('%PDF-', 0, 'latin1')) return 'pdf';
  return undefined;
}

function checkPages(pages: InspectedPage[], limits: ScanLimits): void {
  pages.forEach((page, index) => {
    const pixels = (page.widthPx ?? 0) * (page.heightPx ?? 0);
    if (pixels > limits.maxPixelsPerPage) {
      throw new ScanRejectedError(
        'too-many-pixels',
        `page ${index + 1}: ${page.widthPx} x ${page.heightPx} = ${pixels} pixels, limit ${limits.maxPixelsPerPage}`,
      );
    }
  });
}

function tooManyPages(count: number | string, limits: ScanLimits): ScanRejectedError {
  return new ScanRejectedError('too-many-pages', `${count} pages, limit ${limits.maxPages}`);
}

/**
 * Decides from headers alone, before anything is decoded, whether a scan can be converted: its
 * bytes are what its extension says, whole (not truncated or corrupt), not encrypted, and within the
 * size, page and pixel limits. Throws ScanRejectedError with the reason; returns the page geometry.
 */
export async function inspectScan(
  bytes: Buffer,
  extension: string,
  limits: ScanLimits,
): Promise<InspectedScan> {
  const expected = KIND_BY_EXTENSION[extension.replace(/^\./, '').toLowerCase()];
  if (!expected) throw new ScanRejectedError('unsupported-type', `.${extension.replace(/^\./, '')}`);
  if (bytes.length === 0) throw new ScanRejectedError('empty', '0 bytes');
  if (bytes.length > limits.maxBytes) {
    throw new ScanRejectedError('too-large', `${bytes.length} bytes, limit ${limits.maxBytes}`);
  }
  const actual = sniffKind(bytes);
  if (actual !== expected) {
    throw new ScanRejectedError(
      'type-mismatch',
      `.${extension} but the content is ${actual?.toUpperCase() ?? 'unknown'}`,
    );
  }
  const base = { kind: actual, byteLength: bytes.length };
  let scan: InspectedScan;
  if (actual === 'png') {
    const { page, png } = inspectPng(bytes);
    scan = { ...base, pageCount: 1, pages: [page], png };
  } else if (actual === 'jpeg') {
    scan = { ...base, pageCount: 1, pages: [inspectJpeg(bytes).page] };
  } else if (actual === 'tiff') {
    const { pages, tooManyPages: over } = inspectTiff(bytes, limits.maxPages);
    if (over) throw tooManyPages(`more than ${limits.maxPages}`, limits);
    scan = { ...base, pageCount: pages.length, pages };
  } else {
    const { pages, pageCount, tooManyPages: over } = await inspectPdf(bytes, limits.maxPages);
    if (over) throw tooManyPages(pageCount, limits);
    scan = { ...base, pageCount, pages };
  }
  if (scan.pageCount === 0) throw new ScanRejectedError('empty', 'no pages');
  checkPages(scan.pages, limits);
  return scan;
}
