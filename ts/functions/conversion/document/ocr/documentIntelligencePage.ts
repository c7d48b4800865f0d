import type { DocumentPageOutput } from '@azure-rest/ai-document-intelligence';
import type { InspectedPage } from '../inspect/pageGeometry';
import { meanConfidence, pageText, type OcrPage, type OcrWord } from './OcrEngine';

/**
 * One page of a Document Intelligence `prebuilt-read` result as an OcrPage. The service measures in
 * inches (PDF) or pixels (images); scaling by the page's known size in points covers both. Words are
 * put on the line whose text span holds them.
 */
export function documentIntelligencePage(
  page: DocumentPageOutput,
  index: number,
  geometry: InspectedPage,
): OcrPage {
  const sx = geometry.widthPt / (page.width || geometry.widthPt);
  const sy = geometry.heightPt / (page.height || geometry.heightPt);
  const lineSpans = (page.lines ?? []).map((line) => line.spans);
  const words: OcrWord[] = [];
  for (const word of page.words ?? []) {
    const polygon = word.polygon ?? [];
    if (polygon.length < 8 || word.content.trim() === '') continue;
    const xs = polygon.filter((_, i) => i % 2 === 0);
    const ys = polygon.filter((_, i) => i % 2 === 1);
    const offset = word.span.offset;
    let line = lineSpans.findIndex((spans) =>
      spans.some((s) => offset >= s.offset && offset < s.offset + s.length),
    );
    if (line < 0) line = lineSpans.length + words.length; // a word outside every line stands alone
    words.push({
      text: word.content.normalize('NFC'),
      x: Math.min(...xs) * sx,
      y: Math.min(...ys) * sy,
      width: (Math.max(...xs) - Math.min(...xs)) * sx,
      height: (Math.max(...ys) - Math.min(...ys)) * sy,
      confidence: word.confidence,
      line,
    });
  }
  return {
    index,
    widthPt: geometry.widthPt,
    heightPt: geometry.heightPt,
    text: pageText(words),
    confidence: meanConfidence(words),
    words,
  };
}
