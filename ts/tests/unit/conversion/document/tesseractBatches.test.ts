import { describe, expect, it } from 'vitest';
import { pageBatches } from '../../../../functions/conversion/document/ocr/TesseractEngine';
import {
  tesseractTsvPages,
  tesseractTsvWords,
} from '../../../../functions/conversion/document/ocr/tesseractTsv';
import type { InspectedPage } from '../../../../functions/conversion/document/inspectScan';

const page = (dpi: number): InspectedPage => ({ dpi, widthPt: 595, heightPt: 842 });

describe('tesseract batches', () => {
  it('group consecutive pages of one resolution, at most the batch size', () => {
    const pages = [page(200), page(200), page(200), page(300), page(300), page(200)];
    expect(pageBatches(pages, 2)).toEqual([[0, 1], [2], [3, 4], [5]]);
    expect(pageBatches(pages, 10)).toEqual([[0, 1, 2], [3, 4], [5]]);
    expect(pageBatches([], 4)).toEqual([]);
  });

  it("split a multi-image TSV into each image's words", () => {
    const header =
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    const word = (pageNum: number, text: string): string =>
      `5\t${pageNum}\t1\t1\t1\t1\t200\t100\t400\t50\t96\t${text}`;
    const tsv = [
      header,
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      word(1, 'Sở'),
      word(2, 'Tư'),
      word(2, 'pháp'),
    ].join('\n');
    const pages = tesseractTsvPages(tsv);
    expect([...pages.keys()]).toEqual([1, 2]);
    expect(tesseractTsvWords(pages.get(1) ?? '', 200).map((w) => w.text)).toEqual(['Sở']);
    expect(tesseractTsvWords(pages.get(2) ?? '', 200).map((w) => w.text)).toEqual(['Tư', 'pháp']);
    expect(tesseractTsvWords(pages.get(2) ?? '', 200)[0]?.x).toBeCloseTo(72);
  });
});
