import { degrees, PDFDocument } from 'pdf-lib';
import { rasterize } from './rasterize';
import { SAMPLE_PAGES } from './sampleText';
import { textPdf } from './textPdf';

/**
 * A one-page PDF scan stored sideways with /Rotate 90, as scanners do for a sheet fed landscape:
 * the image is drawn turned a quarter left on a landscape page that viewers turn right, so it reads upright.
 */
export async function rotatedPdfScan(dpi = 150): Promise<Buffer> {
  const [jpeg] = await rasterize(await textPdf([SAMPLE_PAGES[0] ?? []]), { format: 'jpeg', dpi });
  if (!jpeg) throw new Error('pdftoppm made no page');
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(jpeg);
  const width = (image.width * 72) / dpi;
  const height = (image.height * 72) / dpi;
  const page = doc.addPage([height, width]);
  page.setRotation(degrees(90));
  page.drawImage(image, { x: height, y: 0, width, height, rotate: degrees(90) });
  return Buffer.from(await doc.save());
}
