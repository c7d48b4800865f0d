export interface SignatureInfo {
  reason: string;
  /** Shown in the signature dictionary (/Name): usually the converter's full name. */
  signerName: string;
  location?: string;
}

export interface SignedPdf {
  pdf: Buffer;
  /** The signing certificate's subject common name. */
  signer: string;
  signedAt: Date;
}

/**
 * Signs a finished PDF with a PAdES signature (CMS, SHA-256, ETSI.CAdES.detached) covering the whole
 * file. Must be the last change to the PDF: any later save invalidates it.
 */
export interface PdfSigner {
  sign(pdf: Buffer, info: SignatureInfo): Promise<SignedPdf>;
}
