import { rasterize } from './rasterize';
import { SAMPLE_PAGES } from './sampleText';
import { textPdf } from './textPdf';

/** Splits a binary PGM (P5) into its size and 8-bit grey samples. */
function parsePgm(pgm: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [all, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: pgm.subarray(all.length) };
}

/**
 * A multi-page greyscale TIFF (uncompressed, one strip a page, 200 dpi tags) of Vietnamese text,
 * written by hand so every page sits in one file as a document scanner's TIFF does.
 */
export async function tiffScan(pageCount = 2, dpi = 200): Promise<Buffer> {
  const paper = Array.from({ length: pageCount }, (_, i) => SAMPLE_PAGES[i % SAMPLE_PAGES.length] ?? []);
  const pages = (await rasterize(await textPdf(paper), { format: 'pgm', dpi })).map(parsePgm);
  const parts: Buffer[] = [];
  let offset = 8;
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(8, 4);
  parts.push(header);
  pages.forEach((page, index) => {
    const entries: [tag: number, type: number, value: number][] = [
      [256, 4, page.width],
      [257, 4, page.height],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, 0], // strip offset, filled in below
      [277, 3, 1],
      [278, 4, page.height],
      [279, 4, page.pixels.length],
      [282, 5, 0], // XResolution, a RATIONAL stored after the IFD
      [283, 5, 0],
      [296, 3, 2],
    ];
    const ifdSize = 2 + entries.length * 12 + 4;
    const rationalAt = offset + ifdSize;
    const stripAt = rationalAt + 8;
    const nextIfd = index === pages.length - 1 ? 0 : stripAt + page.pixels.length;
    const ifd = Buffer.alloc(ifdSize + 8);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, value], i) => {
      const at = 2 + i * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(1, at + 4);
      const stored = tag === 273 ? stripAt : type === 5 ? rationalAt : value;
      if (type === 3) ifd.writeUInt16LE(stored, at + 8);
      else ifd.writeUInt32LE(stored, at + 8);
    });
    ifd.writeUInt32LE(nextIfd, 2 + entries.length * 12);
    ifd.writeUInt32LE(dpi, ifdSize);
    ifd.writeUInt32LE(1, ifdSize + 4);
    parts.push(ifd, page.pixels);
    offset = stripAt + page.pixels.length;
  });
  return Buffer.concat(parts);
}
