import * as UTIF from 'utif2';
import { ScanRejectedError } from '../rejections';
import type { RawPage } from './rawPage';

/**
 * Decodes one page of a TIFF (any compression UTIF supports: none, CCITT G3/G4, LZW, JPEG, PackBits,
 * Deflate) to grey or RGB. One page at a time, so a long TIFF never has all its pages decoded at once.
 */
export function decodeTiffPage(bytes: Buffer, index: number): RawPage {
  try {
    const ifds = UTIF.decode(bytes);
    const ifd = ifds[index];
    if (!ifd) throw new Error(`no page ${index + 1}`);
    UTIF.decodeImage(bytes, ifd);
    const rgba = UTIF.toRGBA8(ifd);
    const { width, height } = ifd;
    const photometric = (ifd.t262 as number[] | undefined)?.[0] ?? 1;
    const grey = photometric === 0 || photometric === 1;
    const pixels = Buffer.allocUnsafe(width * height * (grey ? 1 : 3));
    for (let p = 0, q = 0; p < width * height; p++) {
      if (grey) {
        pixels[p] = rgba[p * 4] ?? 0;
      } else {
        pixels[q++] = rgba[p * 4] ?? 0;
        pixels[q++] = rgba[p * 4 + 1] ?? 0;
        pixels[q++] = rgba[p * 4 + 2] ?? 0;
      }
    }
    return { width, height, channels: grey ? 1 : 3, pixels };
  } catch (error) {
    throw new ScanRejectedError(
      'corrupt',
      `TIFF page ${index + 1} cannot be decoded: ${(error as Error).message}`,
    );
  }
}
