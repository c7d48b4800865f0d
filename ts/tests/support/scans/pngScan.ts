import { rasterize } from './rasterize';
import { SAMPLE_PAGES } from './sampleText';
import { textPdf, type TextPdfOptions } from './textPdf';

/** A one-page PNG scan (with a 200 dpi pHYs chunk, as pdftoppm writes it) of Vietnamese text. */
export async function pngScan(
  lines: readonly string[] = SAMPLE_PAGES[0] ?? [],
  options: TextPdfOptions & { dpi?: number; gray?: boolean } = {},
): Promise<Buffer> {
  const [page] = await rasterize(await textPdf([lines], options), {
    format: 'png',
    dpi: options.dpi ?? 200,
    gray: options.gray ?? false,
  });
  if (!page) throw new Error('pdftoppm made no page');
  return page;
}
