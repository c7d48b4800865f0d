import { crc32 } from 'node:zlib';
import { ScanRejectedError } from '../rejections';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  type: string;
  data: Buffer;
}

/**
 * Walks a PNG's chunks, checking each one's length and CRC (zlib's native crc32: well under a
 * millisecond a megabyte). Stops after IEND; a file that ends before IEND is truncated.
 */
export function* pngChunks(bytes: Buffer): Generator<PngChunk> {
  let at = PNG_SIGNATURE.length;
  for (;;) {
    if (at + 12 > bytes.length) throw new ScanRejectedError('corrupt', 'PNG ends before its IEND chunk');
    const length = bytes.readUInt32BE(at);
    const end = at + 8 + length + 4;
    if (length > 0x7fffffff || end > bytes.length) {
      throw new ScanRejectedError('corrupt', 'PNG chunk runs past the end of the file');
    }
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new ScanRejectedError('corrupt', 'PNG chunk type is not valid');
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(data, crc32(bytes.subarray(at + 4, at + 8))) !== bytes.readUInt32BE(end - 4)) {
      throw new ScanRejectedError('corrupt', `PNG chunk ${type} fails its CRC check`);
    }
    yield { type, data };
    if (type === 'IEND') return;
    at = end;
  }
}
