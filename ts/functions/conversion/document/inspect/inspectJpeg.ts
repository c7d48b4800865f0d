import { ScanRejectedError } from '../rejections';
import { imagePage, type InspectedPage } from './pageGeometry';

const EOI = Buffer.from([0xff, 0xd9]);

/** SOF markers that carry the frame size (C4 DHT, C8 JPG and CC DAC share the range but are not frames). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Walks a JPEG's marker segments up to the first scan: size from the frame header (baseline or
 * progressive), resolution from JFIF, and an end-of-image marker after the scan data. Entropy-coded
 * data cannot contain FF D9 (FF is stuffed), so an EOI after the scan start means it was not cut short.
 */
export function inspectJpeg(bytes: Buffer): { page: InspectedPage } {
  let at = 2;
  let size: { width: number; height: number } | undefined;
  let dpi: number | undefined;
  for (;;) {
    if (at + 4 > bytes.length) throw new ScanRejectedError('corrupt', 'JPEG ends inside its headers');
    if (bytes[at] !== 0xff) throw new ScanRejectedError('corrupt', 'JPEG marker expected');
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xd8) throw new ScanRejectedError('corrupt', 'JPEG has no image scan');
    const length = bytes.readUInt16BE(at + 2);
    const segment = bytes.subarray(at + 4, at + 2 + length);
    if (length < 2 || at + 2 + length > bytes.length) {
      throw new ScanRejectedError('corrupt', 'JPEG segment runs past the end of the file');
    }
    if (isStartOfFrame(marker) && !size) {
      if (segment.length < 6) throw new ScanRejectedError('corrupt', 'JPEG frame header is too short');
      size = { height: segment.readUInt16BE(1), width: segment.readUInt16BE(3) };
    } else if (marker === 0xe0 && segment.length >= 12 && segment.toString('latin1', 0, 5) === 'JFIF\0') {
      const units = segment[7];
      const density = segment.readUInt16BE(8);
      if (units === 1) dpi = density;
      else if (units === 2) dpi = Math.round(density * 2.54);
    } else if (marker === 0xda) {
      if (!size) throw new ScanRejectedError('corrupt', 'JPEG scan starts before a frame header');
      if (bytes.lastIndexOf(EOI) < at + 2 + length) {
        throw new ScanRejectedError('corrupt', 'JPEG ends before its end-of-image marker (truncated)');
      }
      break;
    }
    at += 2 + length;
  }
  if (!size || size.width === 0 || size.height === 0)
    throw new ScanRejectedError('corrupt', 'JPEG frame of zero pixels');
  return { page: imagePage(size.width, size.height, dpi) };
}
