/** One decoded page image: 8 bits a sample, grey (1 channel) or RGB (3 channels), rows top to bottom. */
export interface RawPage {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Buffer;
}

/** A binary PGM (grey) or PPM (RGB) file of the page: what tesseract reads without any decoding. */
export function toNetpbm(page: RawPage): Buffer {
  const header = Buffer.from(
    `${page.channels === 1 ? 'P5' : 'P6'}\n${page.width} ${page.height}\n255\n`,
    'latin1',
  );
  return Buffer.concat([header, page.pixels]);
}
