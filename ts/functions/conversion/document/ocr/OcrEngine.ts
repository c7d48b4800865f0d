import type { InspectedScan } from '../inspectScan';

/**
 * One recognised word. Coordinates are PDF points (1/72 inch) on the page as displayed, measured from
 * its TOP-LEFT corner with y growing downwards (as on the image), whatever the engine's own unit.
 */
export interface OcrWord {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0..1 */
  confidence: number;
  /** Words with the same number are one line of text, in reading order. */
  line: number;
}

export interface OcrPage {
  /** 0-based page number in the scan. */
  index: number;
  widthPt: number;
  heightPt: number;
  /** The page's text, lines separated by "\n", NFC. */
  text: string;
  /** Mean word confidence 0..1 (0 when no word was found). */
  confidence: number;
  words: OcrWord[];
}

export interface OcrRequest {
  scan: Buffer;
  inspected: InspectedScan;
  /** Tesseract-style languages, e.g. "vie+eng". */
  language: string;
}

/**
 * Reads the text of every page of a scan. Pages come out in order, one at a time, so a caller can add
 * each page's text layer as it arrives; an engine decodes only the pages it is working on.
 * Throws TransientError when trying again later may succeed, ScanRejectedError when the scan is bad.
 */
export interface OcrEngine {
  readonly name: string;
  recognizePages(request: OcrRequest): AsyncIterable<OcrPage>;
}

export const LANGUAGE_PATTERN = /^[a-z]{3}(?:_[a-z]+)?(?:\+[a-z]{3}(?:_[a-z]+)?)*$/;

/** Joins a page's words into its text: one line per `line`, words separated by spaces, NFC. */
export function pageText(words: readonly OcrWord[]): string {
  const lines = new Map<number, string[]>();
  for (const word of words) lines.set(word.line, [...(lines.get(word.line) ?? []), word.text]);
  return [...lines.keys()]
    .sort((a, b) => a - b)
    .map((line) => (lines.get(line) ?? []).join(' '))
    .join('\n')
    .normalize('NFC');
}

export function meanConfidence(words: readonly OcrWord[]): number {
  return words.length === 0 ? 0 : words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
}
