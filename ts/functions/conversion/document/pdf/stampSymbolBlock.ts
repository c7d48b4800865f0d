import QRCode from 'qrcode';
import {
  concatTransformationMatrix,
  degrees,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { extendBottom, pageFrame } from './pageFrame';

export interface SymbolLine {
  text: string;
  size: number;
}

const MARGIN = 8;
const QR_SIZE = 84;
const LEADING = 1.3;

/** Breaks a line into pieces no wider than `width`, at spaces (a long word stays whole). */
function wrap(font: PDFFont, line: SymbolLine, width: number): SymbolLine[] {
  const out: SymbolLine[] = [];
  let current = '';
  for (const word of line.text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, line.size) > width) {
      out.push({ text: current, size: line.size });
      current = word;
    } else {
      current = candidate;
    }
  }
  out.push({ text: current, size: line.size });
  return out;
}

/** The QR code as filled vector squares (one rectangle per run of dark modules): sharp at any zoom. */
function qrOperators(payload: string, x: number, y: number, size: number): PDFOperator[] {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 4; // the quiet zone readers need, in modules
  const unit = size / (count + 2 * quiet);
  const ops: PDFOperator[] = [setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col++;
      const top = y + size - (quiet + row + 1) * unit;
      ops.push(rectangle(x + (quiet + start) * unit, top, (col - start) * unit, unit));
    }
  }
  ops.push(fill());
  return ops;
}

/**
 * Adds the distinct symbol block of Art. 4.1.a to a page: the page grows a band below its bottom edge
 * (so no part of the scanned content is covered), and the band shows the given lines, Vietnamese
 * first, beside the QR code when there is one. Returns the band's height in points.
 */
export function stampSymbolBlock(
  page: PDFPage,
  font: PDFFont,
  lines: SymbolLine[],
  qrPayload?: string,
): number {
  const width = pageFrame(page).width;
  const qrSpace = qrPayload ? QR_SIZE + MARGIN : 0;
  const stacked = width - qrSpace < 160; // too narrow to sit side by side: QR above the text
  const textWidth = Math.max(60, (stacked ? width : width - qrSpace) - 2 * MARGIN);
  const wrapped = lines.flatMap((line) =>
    wrap(font, { text: line.text.normalize('NFC'), size: line.size }, textWidth),
  );
  const textHeight = wrapped.reduce((sum, line) => sum + line.size * LEADING, 0);
  const qrHeight = qrPayload ? QR_SIZE : 0;
  const band = Math.ceil(
    (stacked ? qrHeight + textHeight + MARGIN : Math.max(qrHeight, textHeight)) + 2 * MARGIN,
  );
  extendBottom(page, band);
  const frame = pageFrame(page);
  const ops: PDFOperator[] = [pushGraphicsState(), concatTransformationMatrix(...frame.matrix)];
  // White band with a thin frame; the scanned content above it stays as it was.
  ops.push(setFillingRgbColor(1, 1, 1), rectangle(0, 0, frame.width, band), fill());
  ops.push(setFillingRgbColor(0.75, 0.1, 0.1), rectangle(0, band - 1, frame.width, 1), fill());
  if (qrPayload) ops.push(...qrOperators(qrPayload, MARGIN, band - MARGIN - QR_SIZE, QR_SIZE));
  ops.push(popGraphicsState());
  page.pushOperators(...ops);
  // Text through pdf-lib (it subsets the font and writes the ToUnicode map), in the rotated frame.
  const textX = stacked || !qrPayload ? MARGIN : MARGIN + qrSpace;
  let y = stacked ? band - MARGIN - qrHeight - MARGIN : band - MARGIN;
  for (const line of wrapped) {
    y -= line.size * LEADING;
    const [a, b, c, d, e, f] = frame.matrix;
    const vx = textX;
    const vy = y + line.size * (LEADING - 1);
    page.drawText(line.text, {
      x: a * vx + c * vy + e,
      y: b * vx + d * vy + f,
      size: line.size,
      font,
      color: rgb(0.55, 0.05, 0.05),
      rotate: degrees((Math.atan2(b, a) * 180) / Math.PI),
    });
  }
  return band;
}
