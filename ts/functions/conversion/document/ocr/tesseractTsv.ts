import type { OcrWord } from './OcrEngine';

/**
 * Words from tesseract's TSV output (level 5 rows), pixel boxes turned into points at `dpi`.
 * Columns: level page_num block_num par_num line_num word_num left top width height conf text.
 */
export function tesseractTsvWords(tsv: string, dpi: number): OcrWord[] {
  const scale = 72 / dpi;
  const words: OcrWord[] = [];
  const lineNumbers = new Map<string, number>();
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells[0] !== '5' || cells.length < 12) continue;
    const text = cells.slice(11).join('\t').trim().normalize('NFC');
    const confidence = Number(cells[10]);
    if (text === '' || confidence < 0) continue;
    const key = `${cells[2]}.${cells[3]}.${cells[4]}`;
    if (!lineNumbers.has(key)) lineNumbers.set(key, lineNumbers.size);
    words.push({
      text,
      x: Number(cells[6]) * scale,
      y: Number(cells[7]) * scale,
      width: Number(cells[8]) * scale,
      height: Number(cells[9]) * scale,
      confidence: Math.min(1, Math.max(0, confidence / 100)),
      line: lineNumbers.get(key) ?? 0,
    });
  }
  return words;
}

/** Splits the TSV of a multi-image run into each image's rows, by `page_num` (1-based). */
export function tesseractTsvPages(tsv: string): Map<number, string> {
  const rows = new Map<number, string[]>();
  for (const row of tsv.split('\n')) {
    const page = Number(row.split('\t', 2)[1]);
    if (!Number.isInteger(page) || page < 1) continue;
    const list = rows.get(page) ?? [];
    list.push(row);
    rows.set(page, list);
  }
  return new Map([...rows].map(([page, list]) => [page, list.join('\n')]));
}
