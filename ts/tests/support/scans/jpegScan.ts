import { rasterize } from './rasterize';
import { SAMPLE_PAGES } from './sampleText';
import { textPdf } from './textPdf';

/** A one-page JPEG scan (JFIF density 200 dpi) of Vietnamese text. */
export async function jpegScan(lines: readonly string[] = SAMPLE_PAGES[0] ?? [], dpi = 200): Promise<Buffer> {
  const [page] = await rasterize(await textPdf([lines]), { format: 'jpeg', dpi });
  if (!page) throw new Error('pdftoppm made no page');
  return page;
}
