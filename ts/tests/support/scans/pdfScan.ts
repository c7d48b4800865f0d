import { PDFDocument } from 'pdf-lib';
import { rasterize } from './rasterize';
import { SAMPLE_PAGES } from './sampleText';
import { textPdf } from './textPdf';

/**
 * A multi-page PDF as a scanner makes it: every page one JPEG image of the paper, no text at all.
 * `pageCount` pages cycle through the sample pages.
 */
export async function pdfScan(pageCount = SAMPLE_PAGES.length, dpi = 200): Promise<Buffer> {
  const paper = Array.from({ length: pageCount }, (_, i) => SAMPLE_PAGES[i % SAMPLE_PAGES.length] ?? []);
  const images = await rasterize(await textPdf(paper), { format: 'jpeg', dpi });
  const doc = await PDFDocument.create();
  for (const bytes of images) {
    const image = await doc.embedJpg(bytes);
    const page = doc.addPage([(image.width * 72) / dpi, (image.height * 72) / dpi]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return Buffer.from(await doc.save());
}
