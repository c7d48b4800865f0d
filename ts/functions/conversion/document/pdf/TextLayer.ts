import {
  beginText,
  concatTransformationMatrix,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFFont,
  type PDFHexString,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { OcrPage, OcrWord } from '../ocr/OcrEngine';
import type { PageFrame } from './pageFrame';

/**
 * The invisible, searchable text over a scanned page (text render mode 3, as OCR tools do): every word
 * placed on its box and stretched (Tz) to its width, so text selection lines up with the image and
 * pdftotext returns the words in reading order. Words end with a space stretched to the next word, so
 * extracted text has its spaces. Encoded words are cached: the same words recur across pages.
 */
export class TextLayer {
  private readonly encoded = new Map<string, { hex: PDFHexString; widthAt1: number }>();

  constructor(private readonly font: PDFFont) {}

  private encode(text: string): { hex: PDFHexString; widthAt1: number } {
    let hit = this.encoded.get(text);
    if (!hit) {
      hit = { hex: this.font.encodeText(text), widthAt1: this.font.widthOfTextAtSize(text, 1) };
      this.encoded.set(text, hit);
    }
    return hit;
  }

  draw(page: PDFPage, frame: PageFrame, ocr: OcrPage): void {
    if (ocr.words.length === 0) return;
    const sx = frame.width / (ocr.widthPt || frame.width);
    const sy = frame.height / (ocr.heightPt || frame.height);
    const fontName = page.node.newFontDictionary('Ocr', this.font.ref);
    const operators: PDFOperator[] = [
      pushGraphicsState(),
      concatTransformationMatrix(...frame.matrix),
      beginText(),
      setTextRenderingMode(TextRenderingMode.Invisible),
    ];
    const lines = new Map<number, OcrWord[]>();
    for (const word of ocr.words) lines.set(word.line, [...(lines.get(word.line) ?? []), word]);
    for (const words of lines.values()) {
      words.sort((a, b) => a.x - b.x);
      const height = Math.max(...words.map((word) => word.height)) * sy;
      const bottom = Math.max(...words.map((word) => word.y + word.height)) * sy;
      const size = Math.max(1, height * 0.85);
      const baseline = frame.height - bottom + size * 0.15;
      words.forEach((word, i) => {
        const next = words[i + 1];
        const text = next ? `${word.text} ` : word.text;
        const target = next ? (next.x - word.x) * sx : word.width * sx;
        const { hex, widthAt1 } = this.encode(text);
        const squeeze = widthAt1 > 0 ? Math.min(1000, Math.max(5, (100 * target) / (widthAt1 * size))) : 100;
        operators.push(
          setFontAndSize(fontName, size),
          setCharacterSqueeze(Number(squeeze.toFixed(2))),
          setTextMatrix(1, 0, 0, 1, Number((word.x * sx).toFixed(2)), Number(baseline.toFixed(2))),
          showText(hex),
        );
      });
    }
    operators.push(endText(), popGraphicsState());
    page.pushOperators(...operators);
  }
}
