import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';
import { appClock, type Clock } from '../../../core/clock';
import type { PdfSigner, SignatureInfo, SignedPdf } from './PdfSigner';
import { certificateCommonName, signWithCms } from './signWithCms';

const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';

/** Reads the first RSA key and its certificate from PKCS#12 bytes. */
export function readPkcs12(p12: Buffer, password: string): { key: KeyObject; certificateDer: Buffer } {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  const store = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  const bag = (type: string): forge.pkcs12.Bag | undefined => store.getBags({ bagType: type })[type]?.[0];
  const keyBag = bag(SHROUDED_KEY_BAG) ?? bag(KEY_BAG);
  const certBag = bag(CERT_BAG);
  if (!keyBag?.key || !certBag?.cert)
    throw new Error('The PKCS#12 file holds no RSA key with its certificate');
  // certificateToAsn1 reuses the parsed to-be-signed part as read, so the bytes are the file's own.
  const certificateDer = Buffer.from(
    forge.asn1.toDer(forge.pki.certificateToAsn1(certBag.cert)).getBytes(),
    'binary',
  );
  return { key: createPrivateKey(forge.pki.privateKeyToPem(keyBag.key)), certificateDer };
}

/**
 * Signs with a key held locally: a PKCS#12 file (SIGNING_PKCS12_PATH) or the generated development
 * certificate. The private key never leaves this process; signing a document takes ~50 ms.
 */
export class LocalPkcs12Signer implements PdfSigner {
  readonly signer: string;

  constructor(
    private readonly key: KeyObject,
    private readonly certificateDer: Buffer,
    private readonly clock: Clock = appClock,
  ) {
    this.signer = certificateCommonName(certificateDer);
  }

  static async fromFile(path: string, password: string, clock?: Clock): Promise<LocalPkcs12Signer> {
    const { key, certificateDer } = readPkcs12(await readFile(path), password);
    return new LocalPkcs12Signer(key, certificateDer, clock);
  }

  async sign(pdf: Buffer, info: SignatureInfo): Promise<SignedPdf> {
    const signedAt = this.clock.now();
    const signed = await signWithCms(pdf, info, signedAt, this.certificateDer, (attributes) =>
      Promise.resolve(sign('sha256', attributes, this.key)),
    );
    return { pdf: signed, signer: this.signer, signedAt };
  }
}
