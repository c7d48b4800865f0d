import { pngScan } from './pngScan';
import { SAMPLE_PAGES } from './sampleText';

/** A greyscale PNG of grey text on grey paper, turned 2.5 degrees, as a careless photocopy scan. */
export function greySkewedScan(lines: readonly string[] = SAMPLE_PAGES[0] ?? []): Promise<Buffer> {
  return pngScan(lines, { grey: true, skewDegrees: 2.5, gray: true, dpi: 200 });
}
