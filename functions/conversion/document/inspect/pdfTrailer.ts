import { ScanRejectedError } from '../rejections';

export interface PdfTrailer {
  /** The trailer dictionary's text (or the cross-reference stream's dictionary). */
  dictionary: string;
  encrypted: boolean;
}

const corrupt = (detail: string): ScanRejectedError => new ScanRejectedError('corrupt', detail);

/** Index just past the `>>` closing the dictionary that opens at `start` (skipping strings inside). */
function dictionaryEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      // literal string: balanced parentheses, backslash escapes
      let nested = 1;
      for (i++; i < text.length && nested > 0; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') nested++;
        else if (text[i] === ')') nested--;
      }
      i--;
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '<') {
      i = text.indexOf('>', i); // hex string
      if (i < 0) break;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  throw corrupt('PDF trailer dictionary is not closed');
}

function dictionaryAt(bytes: Buffer, from: number): string {
  const window = bytes.toString('latin1', from, Math.min(bytes.length, from + 64 * 1024));
  const open = window.indexOf('<<');
  if (open < 0) throw corrupt('PDF trailer dictionary is missing');
  return window.slice(open, dictionaryEnd(window, open));
}

/**
 * Checks the skeleton a PDF reader relies on, in JavaScript (the Functions host has no qpdf): the
 * `%PDF-` header, `startxref` and `%%EOF` at the end (a truncated upload loses them), a cross-reference
 * table or stream where `startxref` points, every in-use table entry pointing at an object, and a
 * trailer naming the document catalog. pdf-lib alone loads such broken files silently.
 */
export function pdfTrailer(bytes: Buffer): PdfTrailer {
  const tailStart = Math.max(0, bytes.length - 2048);
  const tail = bytes.toString('latin1', tailStart);
  const marker = tail.lastIndexOf('startxref');
  if (marker < 0) throw corrupt('PDF has no startxref (truncated?)');
  const match = /^startxref\s+(\d+)\s+%%EOF/.exec(tail.slice(marker));
  if (!match?.[1]) throw corrupt('PDF does not end with startxref and %%EOF (truncated?)');
  const xrefAt = Number(match[1]);
  if (xrefAt >= tailStart + marker) throw corrupt('PDF startxref points past the end');
  const head = bytes.toString('latin1', xrefAt, Math.min(bytes.length, xrefAt + 64));
  let dictionary: string;
  if (/^\s*xref/.test(head)) {
    dictionary = tableTrailer(bytes, xrefAt);
  } else if (/^\s*\d+\s+\d+\s+obj/.test(head)) {
    dictionary = dictionaryAt(bytes, xrefAt);
    if (!/\/Type\s*\/XRef\b/.test(dictionary))
      throw corrupt('PDF startxref does not point at a cross-reference');
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
    if (length?.[1] && xrefAt + dictionary.length + Number(length[1]) > bytes.length) {
      throw corrupt('PDF cross-reference stream runs past the end');
    }
  } else {
    throw corrupt('PDF startxref does not point at a cross-reference');
  }
  if (!/\/Root\s+\d+\s+\d+\s+R/.test(dictionary)) throw corrupt('PDF trailer names no document catalog');
  return { dictionary, encrypted: /\/Encrypt\b/.test(dictionary) };
}

/** Parses a classic `xref` table at `at`, checks its entries and returns the trailer dictionary after it. */
function tableTrailer(bytes: Buffer, at: number): string {
  const end = bytes.indexOf('trailer', at, 'latin1');
  if (end < 0) throw corrupt('PDF cross-reference table has no trailer');
  const table = bytes.toString('latin1', at, end);
  const lines = table.split(/\r\n|\r|\n/).map((line) => line.trim());
  let expected = 0;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const section = /^(\d+)\s+(\d+)$/.exec(line);
    if (section) {
      expected += Number(section[2]);
      continue;
    }
    const entry = /^(\d{10})\s+(\d{5})\s+([nf])$/.exec(line);
    if (!entry) throw corrupt('PDF cross-reference table has a malformed entry');
    expected--;
    if (entry[3] !== 'n') continue;
    const offset = Number(entry[1]);
    if (
      offset >= bytes.length ||
      !/^\s*\d+\s+\d+\s+obj/.test(bytes.toString('latin1', offset, offset + 40))
    ) {
      throw corrupt('PDF cross-reference entry points at no object');
    }
  }
  if (expected !== 0) throw corrupt('PDF cross-reference table has the wrong number of entries');
  return dictionaryAt(bytes, end);
}
