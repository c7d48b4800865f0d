import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { degrees, PDFDocument, rgb } from 'pdf-lib';

export interface TextPdfOptions {
  /** Page size in points; A4 by default. */
  size?: [number, number];
  fontSize?: number;
  /** Grey paper and grey ink, as an old photocopy. */
  grey?: boolean;
  /** Rotates the text block, as a sheet put crooked on the scanner glass. */
  skewDegrees?: number;
}

const DEJAVU = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A born-digital PDF of the given lines, one array per page: the "paper" the test scans are made from. */
export async function textPdf(
  pages: readonly (readonly string[])[],
  options: TextPdfOptions = {},
): Promise<Buffer> {
  const [width, height] = options.size ?? [595.28, 841.89];
  const fontSize = options.fontSize ?? 16;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(DEJAVU), { subset: true });
  for (const lines of pages) {
    const page = doc.addPage([width, height]);
    if (options.grey) page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(0.8, 0.8, 0.78) });
    const ink = options.grey ? rgb(0.3, 0.3, 0.3) : rgb(0, 0, 0);
    const angle = options.skewDegrees ?? 0;
    const radians = (angle * Math.PI) / 180;
    lines.forEach((line, i) => {
      // Each line starts further along the rotated direction so the block stays one rotated paragraph.
      const down = 80 + i * fontSize * 2;
      page.drawText(line.normalize('NFC'), {
        x: 60 + down * Math.sin(radians),
        y: height - down * Math.cos(radians),
        size: fontSize,
        font,
        color: ink,
        rotate: degrees(angle),
      });
    });
  }
  return Buffer.from(await doc.save());
}
