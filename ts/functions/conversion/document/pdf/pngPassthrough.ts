import type { PDFArray } from 'pdf-lib';
import {
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  type PDFDocument,
  type PDFRef,
} from 'pdf-lib';
import type { PngHeader } from '../inspect/inspectPng';
import { pngChunks } from '../inspect/pngChunks';

/**
 * Places a PNG's compressed image data into the PDF as it is: PDF's FlateDecode with PNG predictors
 * reads PNG IDAT data directly, so nothing is inflated or re-encoded (pdf-lib's embedPng decodes and
 * re-compresses in JavaScript: ~160 ms a page). Possible for non-interlaced PNGs without transparency;
 * returns undefined otherwise, and the caller falls back to embedPng.
 */
export function pngPassthrough(doc: PDFDocument, bytes: Buffer, png: PngHeader): PDFRef | undefined {
  if (png.interlaced || png.transparency || png.colorType === 4 || png.colorType === 6) return undefined;
  const idat: Buffer[] = [];
  let palette: Buffer | undefined;
  let width = 0;
  let height = 0;
  for (const chunk of pngChunks(bytes)) {
    if (chunk.type === 'IHDR') {
      width = chunk.data.readUInt32BE(0);
      height = chunk.data.readUInt32BE(4);
    } else if (chunk.type === 'IDAT') idat.push(chunk.data);
    else if (chunk.type === 'PLTE') palette = chunk.data;
  }
  const colors = png.colorType === 2 ? 3 : 1;
  const context = doc.context;
  let colorSpace: PDFName | PDFArray;
  if (png.colorType === 3) {
    if (!palette) return undefined;
    colorSpace = context.obj([
      PDFName.of('Indexed'),
      PDFName.of('DeviceRGB'),
      PDFNumber.of(palette.length / 3 - 1),
      PDFHexString.of(palette.toString('hex')),
    ]);
  } else {
    colorSpace = PDFName.of(colors === 3 ? 'DeviceRGB' : 'DeviceGray');
  }
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: png.bitDepth,
    ColorSpace: colorSpace,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: png.bitDepth, Columns: width },
  });
  if (!(dict instanceof PDFDict)) return undefined;
  return context.register(PDFRawStream.of(dict, Buffer.concat(idat)));
}
