import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { X509Certificate } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { signedAttributes, signedData } from './cms';
import type { SignatureInfo } from './PdfSigner';

/** Signs DER signed attributes with the private key: RSASSA-PKCS1-v1_5 over their SHA-256. */
export type RawSigner = (signedAttributesDer: Buffer) => Promise<Buffer>;

/**
 * A PDF literal string holding `text` as UTF-16BE with its byte order mark, every byte outside
 * printable ASCII written as an octal escape: the signature placeholder writes /Name, /Reason and
 * /Location verbatim, and unescaped Vietnamese would come out garbled.
 */
export function pdfTextLiteral(text: string): string {
  const utf16 = Buffer.from(text.normalize('NFC'), 'utf16le').swap16();
  let out = '\\376\\377';
  for (const byte of utf16) {
    const printable = byte >= 0x20 && byte < 0x7f && byte !== 0x28 && byte !== 0x29 && byte !== 0x5c;
    out += printable ? String.fromCharCode(byte) : `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return out;
}

class CmsSigner extends Signer {
  constructor(
    private readonly certificateDer: Buffer,
    private readonly rawSign: RawSigner,
  ) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const attributes = signedAttributes(content, this.certificateDer);
    return signedData(this.certificateDer, attributes, await this.rawSign(attributes));
  }
}

export function certificateCommonName(certificateDer: Buffer): string {
  const subject = new X509Certificate(certificateDer).subject;
  return /(?:^|\n)CN=([^\n]*)/.exec(subject)?.[1] ?? subject;
}

/** Adds a signature field (8 KB placeholder) to the PDF and fills it with a CMS signature over the rest. */
export async function signWithCms(
  pdf: Buffer,
  info: SignatureInfo,
  signingTime: Date,
  certificateDer: Buffer,
  rawSign: RawSigner,
): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfTextLiteral(info.reason),
    name: pdfTextLiteral(info.signerName),
    location: pdfTextLiteral(info.location ?? ''),
    contactInfo: '',
    signingTime,
    signatureLength: 8192,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
  return signpdf.sign(prepared, new CmsSigner(certificateDer, rawSign));
}
