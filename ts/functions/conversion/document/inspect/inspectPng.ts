import { ScanRejectedError } from '../rejections';
import { imagePage, type InspectedPage } from './pageGeometry';
import { pngChunks } from './pngChunks';

export interface PngHeader {
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGB+alpha. */
  colorType: number;
  interlaced: boolean;
  /** A tRNS chunk: transparency without an alpha channel. */
  transparency: boolean;
}

const VALID_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Reads a PNG's header and checks every chunk, without inflating the image data. */
export function inspectPng(bytes: Buffer): { page: InspectedPage; png: PngHeader } {
  let header: (PngHeader & { width: number; height: number }) | undefined;
  let dpi: number | undefined;
  let imageData = false;
  for (const chunk of pngChunks(bytes)) {
    if (!header) {
      if (chunk.type !== 'IHDR' || chunk.data.length !== 13) {
        throw new ScanRejectedError('corrupt', 'PNG does not start with an IHDR chunk');
      }
      const bitDepth = chunk.data[8] ?? 0;
      const colorType = chunk.data[9] ?? 0;
      if (!VALID_DEPTHS[colorType]?.includes(bitDepth)) {
        throw new ScanRejectedError(
          'corrupt',
          `PNG colour type ${colorType} with bit depth ${bitDepth} is not valid`,
        );
      }
      header = {
        width: chunk.data.readUInt32BE(0),
        height: chunk.data.readUInt32BE(4),
        bitDepth,
        colorType,
        interlaced: chunk.data[12] === 1,
        transparency: false,
      };
    } else if (chunk.type === 'IDAT') {
      imageData = true;
    } else if (chunk.type === 'tRNS') {
      header.transparency = true;
    } else if (chunk.type === 'pHYs' && chunk.data.length === 9 && chunk.data[8] === 1) {
      dpi = Math.round(chunk.data.readUInt32BE(0) * 0.0254);
    }
  }
  if (!header || !imageData) throw new ScanRejectedError('corrupt', 'PNG has no image data');
  if (header.width === 0 || header.height === 0) throw new ScanRejectedError('empty', 'PNG of zero pixels');
  const { width, height, ...png } = header;
  return { page: imagePage(width, height, dpi), png };
}
