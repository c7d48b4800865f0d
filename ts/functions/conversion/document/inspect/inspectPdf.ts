import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';
import { ScanRejectedError } from '../rejections';
import type { InspectedPage } from './pageGeometry';
import { pdfTrailer } from './pdfTrailer';

/** Resolution a page without images is read at by OCR. */
export const DEFAULT_PDF_DPI = 300;

/** Largest image (in pixels) drawn on a page, searching form XObjects a few levels deep. */
function largestImage(
  resources: PDFDict | undefined,
  depth = 0,
): { width: number; height: number } | undefined {
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  let best: { width: number; height: number } | undefined;
  for (const [, ref] of xobjects?.entries() ?? []) {
    const stream = resources?.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const subtype = stream.dict.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Image')) {
      const width = stream.dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
      const height = stream.dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0;
      if (!best || width * height > best.width * best.height) best = { width, height };
    } else if (subtype === PDFName.of('Form') && depth < 3) {
      const inner = largestImage(stream.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), depth + 1);
      if (inner && (!best || inner.width * inner.height > best.width * best.height)) best = inner;
    }
  }
  return best;
}

function pageGeometry(page: PDFPage): InspectedPage {
  const box = page.getCropBox();
  const quarterTurns = Math.round((((page.getRotation().angle % 360) + 360) % 360) / 90);
  const [widthPt, heightPt] = quarterTurns % 2 === 1 ? [box.height, box.width] : [box.width, box.height];
  const image = largestImage(page.node.Resources());
  // A scanner's page image covers the page: its resolution is pixels over inches, along the longer sides.
  const imageDpi = image
    ? (Math.max(image.width, image.height) * 72) / Math.max(widthPt, heightPt, 1)
    : undefined;
  const dpi = imageDpi ? Math.min(600, Math.max(72, Math.round(imageDpi))) : DEFAULT_PDF_DPI;
  const renderedWidth = Math.round((widthPt * dpi) / 72);
  const renderedHeight = Math.round((heightPt * dpi) / 72);
  const largerImage = image && image.width * image.height > renderedWidth * renderedHeight;
  return {
    widthPx: largerImage ? image.width : renderedWidth,
    heightPx: largerImage ? image.height : renderedHeight,
    dpi,
    widthPt,
    heightPt,
  };
}

/**
 * Checks a PDF's structure and encryption from its trailer, then lists its pages with pdf-lib (which
 * parses objects but decodes no image). `maxPages` is checked before the pages are measured.
 */
export async function inspectPdf(
  bytes: Buffer,
  maxPages: number,
): Promise<{ pages: InspectedPage[]; pageCount: number; tooManyPages: boolean }> {
  const trailer = pdfTrailer(bytes);
  if (trailer.encrypted) throw new ScanRejectedError('encrypted');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    if (/is encrypted/i.test((error as Error).message)) throw new ScanRejectedError('encrypted');
    throw new ScanRejectedError('corrupt', 'PDF objects cannot be read');
  }
  const pageCount = doc.getPageCount();
  if (pageCount > maxPages) return { pages: [], pageCount, tooManyPages: true };
  try {
    return { pages: doc.getPages().map(pageGeometry), pageCount, tooManyPages: false };
  } catch {
    throw new ScanRejectedError('corrupt', 'PDF page tree cannot be read');
  }
}
