import { ScanRejectedError } from '../rejections';
import { imagePage, type InspectedPage } from './pageGeometry';

const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
};

interface Reader {
  u16(at: number): number;
  u32(at: number): number;
}

/**
 * Walks a TIFF's chain of image file directories (one a page): size, resolution, and that every strip
 * or tile the page points at lies inside the file. Loops in the chain are refused. Nothing is decoded.
 * `maxPages` stops the walk early so a chain of a million pages costs no more than the limit.
 */
export function inspectTiff(
  bytes: Buffer,
  maxPages: number,
): { pages: InspectedPage[]; tooManyPages: boolean } {
  if (bytes.length < 8) throw new ScanRejectedError('corrupt', 'TIFF header is cut short');
  const little = bytes[0] === 0x49;
  const read: Reader = little
    ? { u16: (at) => bytes.readUInt16LE(at), u32: (at) => bytes.readUInt32LE(at) }
    : { u16: (at) => bytes.readUInt16BE(at), u32: (at) => bytes.readUInt32BE(at) };
  if (read.u16(2) === 43) throw new ScanRejectedError('unsupported-type', 'BigTIFF');
  const pages: InspectedPage[] = [];
  const seen = new Set<number>();
  let ifd = read.u32(4);
  while (ifd !== 0) {
    if (pages.length === maxPages) return { pages, tooManyPages: true };
    if (seen.has(ifd)) throw new ScanRejectedError('corrupt', 'TIFF page chain loops');
    seen.add(ifd);
    if (ifd + 2 > bytes.length)
      throw new ScanRejectedError('corrupt', 'TIFF page directory lies past the end');
    const count = read.u16(ifd);
    if (ifd + 2 + count * 12 + 4 > bytes.length) {
      throw new ScanRejectedError('corrupt', 'TIFF page directory runs past the end');
    }
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = read.u16(entry);
      const type = read.u16(entry + 2);
      const n = read.u32(entry + 4);
      const size = TYPE_SIZES[type];
      if (!size) continue;
      const inline = size * n <= 4;
      const at = inline ? entry + 8 : read.u32(entry + 8);
      if (at + size * n > bytes.length)
        throw new ScanRejectedError('corrupt', `TIFF tag ${tag} points past the end`);
      // Only the numeric tags this check needs are read; arrays of offsets can be long but are just numbers.
      if (![256, 257, 273, 279, 282, 296, 324, 325].includes(tag)) continue;
      const values: number[] = [];
      for (let k = 0; k < n; k++) {
        if (type === 3) values.push(read.u16(at + k * 2));
        else if (type === 4) values.push(read.u32(at + k * 4));
        else if (type === 5) values.push(read.u32(at + k * 8) / (read.u32(at + k * 8 + 4) || 1));
      }
      tags.set(tag, values);
    }
    const width = tags.get(256)?.[0];
    const height = tags.get(257)?.[0];
    if (!width || !height) throw new ScanRejectedError('corrupt', 'TIFF page has no size');
    const offsets = tags.get(273) ?? tags.get(324) ?? [];
    const lengths = tags.get(279) ?? tags.get(325) ?? [];
    if (offsets.length === 0 || offsets.length !== lengths.length) {
      throw new ScanRejectedError('corrupt', 'TIFF page has no image data');
    }
    offsets.forEach((offset, i) => {
      if (offset + (lengths[i] ?? 0) > bytes.length) {
        throw new ScanRejectedError('corrupt', 'TIFF image data runs past the end of the file (truncated)');
      }
    });
    const resolution = tags.get(282)?.[0];
    const unit = tags.get(296)?.[0] ?? 2;
    const dpi =
      resolution === undefined || unit === 1 ? undefined : unit === 3 ? resolution * 2.54 : resolution;
    pages.push(imagePage(width, height, dpi === undefined ? undefined : Math.round(dpi)));
    ifd = read.u32(ifd + 2 + count * 12);
  }
  return { pages, tooManyPages: false };
}
