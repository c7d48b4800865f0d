import fontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { toVietnamTime } from '../../core/clock';
import type { InspectedScan } from './inspectScan';
import type { OcrEngine } from './ocr/OcrEngine';
import { addImagePage } from './pdf/addImagePage';
import { isolateExistingContent, pageFrame } from './pdf/pageFrame';
import { stampSymbolBlock, type SymbolLine } from './pdf/stampSymbolBlock';
import { TextLayer } from './pdf/TextLayer';

/** The distinct symbol's words, after the decree's own terms ("data message converted from a paper document"). */
export const DEFAULT_SYMBOL_VI = 'Thông điệp dữ liệu được chuyển đổi từ văn bản giấy';
export const DEFAULT_SYMBOL_EN = 'Data message converted from a paper document';

export interface SymbolBlock {
  symbolVi: string;
  symbolEn: string;
  convertedAtUtc: Date;
  /** Full name of the agency, organization or individual who converted it, with its diacritics. */
  converter: string;
  lookupCode: string;
  /** Text for the QR code (see qrPayload.ts); no QR code without it. */
  qrPayload?: string;
}

export interface BuiltDataMessage {
  pdf: Buffer;
  pageCount: number;
  /** OCR text of every page, NFC; pages separated by a blank line. */
  text: string;
  ocr: { engine: string; language: string; meanConfidence: number };
}

let dejaVu: Promise<Buffer> | undefined;
function dejaVuSans(): Promise<Buffer> {
  dejaVu ??= readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  return dejaVu;
}

/** "14/03/2025 16:05:09" in Vietnam time. */
function vietnamDateTime(instant: Date): string {
  const [date = '', time = ''] = toVietnamTime(instant).slice(0, 19).split('T');
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year} ${time}`;
}

export function symbolLines(symbol: SymbolBlock): SymbolLine[] {
  return [
    { text: symbol.symbolVi.toLocaleUpperCase('vi'), size: 9 },
    { text: symbol.symbolEn, size: 8 },
    {
      text: `Thời điểm chuyển đổi / Time of conversion: ${vietnamDateTime(symbol.convertedAtUtc)} (UTC+07:00)`,
      size: 7.5,
    },
    { text: `Cơ quan, tổ chức, cá nhân chuyển đổi / Converted by: ${symbol.converter}`, size: 7.5 },
    { text: `Mã tra cứu / Lookup code: ${symbol.lookupCode}`, size: 7.5 },
  ];
}

/**
 * Turns a scan into the data message of Decree 137 Art. 4: every page of the scan at its own
 * resolution (PDF pages kept, JPEG and most PNG data passed through untouched, TIFF pages decoded one
 * at a time), an invisible text layer from OCR over each page as its text arrives, and on the first
 * page the distinct symbol block with the time of conversion, the converter's full name, the lookup
 * code and the QR code. Not signed: signing must come last (see signing/).
 */
export async function buildDataMessage(
  scan: Buffer,
  inspected: InspectedScan,
  options: { language: string; symbol: SymbolBlock; ocr: OcrEngine },
): Promise<BuiltDataMessage> {
  const doc =
    inspected.kind === 'pdf'
      ? await PDFDocument.load(scan, { updateMetadata: false })
      : await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await dejaVuSans(), { subset: true });
  const layer = new TextLayer(font);
  const texts: string[] = [];
  let confidenceSum = 0;
  let words = 0;
  for await (const ocr of options.ocr.recognizePages({ scan, inspected, language: options.language })) {
    if (ocr.index !== texts.length) throw new Error(`OCR returned page ${ocr.index + 1} out of order`);
    let page: PDFPage;
    if (inspected.kind === 'pdf') {
      page = doc.getPage(ocr.index);
      isolateExistingContent(doc, page);
    } else {
      page = await addImagePage(doc, scan, inspected, ocr.index);
    }
    layer.draw(page, pageFrame(page), ocr);
    texts.push(ocr.text.normalize('NFC'));
    confidenceSum += ocr.confidence * ocr.words.length;
    words += ocr.words.length;
  }
  if (texts.length !== inspected.pageCount) {
    throw new Error(`OCR returned ${texts.length} of ${inspected.pageCount} pages`);
  }
  const { symbol } = options;
  stampSymbolBlock(doc.getPage(0), font, symbolLines(symbol), symbol.qrPayload);
  doc.setTitle(`${symbol.symbolVi.normalize('NFC')} (${symbol.lookupCode})`);
  doc.setAuthor(symbol.converter.normalize('NFC'));
  doc.setSubject(symbol.symbolEn);
  doc.setKeywords([symbol.lookupCode]);
  doc.setProducer('etransactions');
  doc.setCreator('etransactions');
  doc.setLanguage('vi');
  doc.setCreationDate(symbol.convertedAtUtc);
  doc.setModificationDate(symbol.convertedAtUtc);
  const pdf = Buffer.from(await doc.save());
  return {
    pdf,
    pageCount: inspected.pageCount,
    text: texts.join('\n\n'),
    ocr: {
      engine: options.ocr.name,
      language: options.language,
      meanConfidence: words === 0 ? 0 : Number((confidenceSum / words).toFixed(4)),
    },
  };
}
