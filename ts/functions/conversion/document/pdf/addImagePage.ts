import { deflateSync } from 'node:zlib';
import type { PDFName } from 'pdf-lib';
import {
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import type { InspectedScan } from '../inspectScan';
import { decodeTiffPage } from './decodeTiffPage';
import { pngPassthrough } from './pngPassthrough';

async function imageRef(
  doc: PDFDocument,
  scan: Buffer,
  inspected: InspectedScan,
  index: number,
): Promise<PDFRef> {
  if (inspected.kind === 'jpeg') return (await doc.embedJpg(scan)).ref; // JPEG data passes through
  if (inspected.kind === 'png') {
    const direct = inspected.png ? pngPassthrough(doc, scan, inspected.png) : undefined;
    return direct ?? (await doc.embedPng(scan)).ref;
  }
  // TIFF: one page decoded, compressed once, and dropped before the next.
  const page = decodeTiffPage(scan, index);
  const stream = doc.context.stream(deflateSync(page.pixels, { level: 6 }), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: page.width,
    Height: page.height,
    BitsPerComponent: 8,
    ColorSpace: page.channels === 1 ? 'DeviceGray' : 'DeviceRGB',
    Filter: 'FlateDecode',
  });
  return doc.context.register(stream);
}

/** Adds page `index` of an image scan as a PDF page of its physical size, the image at full resolution. */
export async function addImagePage(
  doc: PDFDocument,
  scan: Buffer,
  inspected: InspectedScan,
  index: number,
): Promise<PDFPage> {
  const geometry = inspected.pages[index];
  if (!geometry) throw new Error(`No page ${index + 1}`);
  const ref = await imageRef(doc, scan, inspected, index);
  const page = doc.addPage([geometry.widthPt, geometry.heightPt]);
  const name: PDFName = page.node.newXObject('Scan', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(geometry.widthPt, 0, 0, geometry.heightPt, 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
  return page;
}
