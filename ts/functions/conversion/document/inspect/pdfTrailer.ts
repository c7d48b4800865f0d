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
 * table or stream, every in-use table entry naming an object the file holds, and a trailer naming the
 * document catalog. pdf-lib alone loads such broken files silently.
 *
 * Offsets a little wrong are forgiven, as PDF readers forgive them: many producers write files whose
 * `startxref` or table offsets are off by a few bytes, and such scans are sound. When an offset misses,
 * the cross-reference section or the object is looked for in the file itself.
 */
export function pdfTrailer(bytes: Buffer): PdfTrailer {
  const tailStart = Math.max(0, bytes.length - 2048);
  const tail = bytes.toString('latin1', tailStart);
  const marker = tail.lastIndexOf('startxref');
  if (marker < 0) throw corrupt('PDF has no startxref (truncated?)');
  const match = /^startxref\s+(\d+)\s+%%EOF/.exec(tail.slice(marker));
  if (!match?.[1]) throw corrupt('PDF does not end with startxref and %%EOF (truncated?)');
  const end = tailStart + marker;
  const pointer = Number(match[1]);
  const xrefAt = isCrossReference(bytes, pointer, end) ? pointer : findCrossReference(bytes, end);
  if (xrefAt === undefined) throw corrupt('PDF has no cross-reference where startxref points, nor elsewhere');
  const dictionary = /^\s*xref/.test(bytes.toString('latin1', xrefAt, xrefAt + 16))
    ? tableTrailer(bytes, xrefAt)
    : streamDictionary(bytes, xrefAt);
  if (!/\/Root\s+\d+\s+\d+\s+R/.test(dictionary)) throw corrupt('PDF trailer names no document catalog');
  return { dictionary, encrypted: /\/Encrypt\b/.test(dictionary) };
}

/** True when `at` starts a classic `xref` table or an object that is a cross-reference stream. */
function isCrossReference(bytes: Buffer, at: number, end: number): boolean {
  if (at >= end) return false;
  const head = bytes.toString('latin1', at, Math.min(end, at + 64));
  if (/^\s*xref/.test(head)) return true;
  if (!/^\s*\d+\s+\d+\s+obj/.test(head)) return false;
  return /\/Type\s*\/XRef\b/.test(bytes.toString('latin1', at, Math.min(end, at + 4096)));
}

/** The last cross-reference table or stream before `end`, found by reading the file (as readers repair). */
function findCrossReference(bytes: Buffer, end: number): number | undefined {
  const text = bytes.toString('latin1', 0, end);
  const lastOf = (pattern: RegExp, within: string): RegExpExecArray | undefined => {
    let last: RegExpExecArray | undefined;
    for (const hit of within.matchAll(pattern)) last = hit;
    return last;
  };
  const table = lastOf(/[\r\n]xref\s/g, text);
  const tableAt = table ? table.index + 1 : -1;
  const stream = lastOf(/\/Type\s*\/XRef\b/g, text);
  // The stream's object header is the last one before its /Type entry.
  const header = stream ? lastOf(/\d+\s+\d+\s+obj\b/g, text.slice(0, stream.index)) : undefined;
  const streamAt = header ? header.index : -1;
  const at = Math.max(tableAt, streamAt);
  return at >= 0 ? at : undefined;
}

/** The dictionary of the cross-reference stream at `at`, checked not to run past the end of the file. */
function streamDictionary(bytes: Buffer, at: number): string {
  const dictionary = dictionaryAt(bytes, at);
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
  if (length?.[1] && at + dictionary.length + Number(length[1]) > bytes.length) {
    throw corrupt('PDF cross-reference stream runs past the end');
  }
  return dictionary;
}

/** Parses a classic `xref` table at `at`, checks its entries and returns the trailer dictionary after it. */
function tableTrailer(bytes: Buffer, at: number): string {
  const end = bytes.indexOf('trailer', at, 'latin1');
  if (end < 0) throw corrupt('PDF cross-reference table has no trailer');
  const table = bytes.toString('latin1', at, end);
  const lines = table.split(/\r\n|\r|\n/).map((line) => line.trim());
  let expected = 0;
  let objectNumber = 0;
  let headers: Set<string> | undefined;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const section = /^(\d+)\s+(\d+)$/.exec(line);
    if (section) {
      objectNumber = Number(section[1]);
      expected += Number(section[2]);
      continue;
    }
    const entry = /^(\d{10})\s+(\d{5})\s+([nf])$/.exec(line);
    if (!entry) throw corrupt('PDF cross-reference table has a malformed entry');
    expected--;
    const number = objectNumber++;
    if (entry[3] !== 'n') continue;
    const offset = Number(entry[1]);
    if (offset < bytes.length && /^\s*\d+\s+\d+\s+obj/.test(bytes.toString('latin1', offset, offset + 40)))
      continue;
    headers ??= objectHeaders(bytes);
    if (!headers.has(`${number} ${Number(entry[2])}`)) {
      throw corrupt(`PDF object ${number} is listed in the cross-reference table but is not in the file`);
    }
  }
  if (expected !== 0) throw corrupt('PDF cross-reference table has the wrong number of entries');
  return dictionaryAt(bytes, end);
}

/** Every `num gen obj` header in the file, read only when an offset misses. */
function objectHeaders(bytes: Buffer): Set<string> {
  const headers = new Set<string>();
  for (const hit of bytes.toString('latin1').matchAll(/(?:^|[^\d])(\d+)\s+(\d+)\s+obj\b/g)) {
    headers.add(`${Number(hit[1])} ${Number(hit[2])}`);
  }
  return headers;
}
