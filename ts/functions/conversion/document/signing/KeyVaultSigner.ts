import { CertificateClient, type CertificateClientOptions } from '@azure/keyvault-certificates';
import { CryptographyClient, type CryptographyClientOptions } from '@azure/keyvault-keys';
import type { TokenCredential } from '@azure/identity';
import { createHash } from 'node:crypto';
import { appClock, type Clock } from '../../../core/clock';
import { TransientError } from '../TransientError';
import type { PdfSigner, SignatureInfo, SignedPdf } from './PdfSigner';
import { certificateCommonName, signWithCms } from './signWithCms';

export interface KeyVaultSignerOptions {
  vaultUri: string;
  certificateName: string;
  credential: TokenCredential;
  clock?: Clock;
  /** Client options for both clients (tests point them at a fake vault). */
  clientOptions?: CertificateClientOptions & CryptographyClientOptions;
}

/** Throttling, a server error or no answer: worth trying again later. */
function transient(error: unknown, doing: string): unknown {
  const status = (error as { statusCode?: number }).statusCode;
  const code = (error as { code?: string }).code;
  if (
    status === 429 ||
    (status !== undefined && status >= 500) ||
    (status === undefined && code !== undefined)
  ) {
    return new TransientError(`Key Vault ${doing} failed (${status ?? code}); try again later`, undefined, {
      cause: error,
    });
  }
  return error;
}

/**
 * Signs with a certificate whose private key stays in Azure Key Vault (an HSM-backed key in
 * production): the CMS signed attributes are hashed here and only the SHA-256 digest is sent to
 * `CryptographyClient.sign('RS256', digest)`. The certificate (public) comes from the vault once.
 */
export class KeyVaultSigner implements PdfSigner {
  private constructor(
    private readonly crypto: CryptographyClient,
    private readonly certificateDer: Buffer,
    readonly signer: string,
    private readonly clock: Clock,
  ) {}

  static async create(options: KeyVaultSignerOptions): Promise<KeyVaultSigner> {
    const certificates = new CertificateClient(options.vaultUri, options.credential, options.clientOptions);
    let certificate;
    try {
      certificate = await certificates.getCertificate(options.certificateName);
    } catch (error) {
      throw transient(error, `reading certificate ${options.certificateName}`);
    }
    if (!certificate.cer || !certificate.keyId) {
      throw new Error(`Key Vault certificate ${options.certificateName} has no certificate or key yet`);
    }
    const certificateDer = Buffer.from(certificate.cer);
    const crypto = new CryptographyClient(certificate.keyId, options.credential, options.clientOptions);
    return new KeyVaultSigner(
      crypto,
      certificateDer,
      certificateCommonName(certificateDer),
      options.clock ?? appClock,
    );
  }

  async sign(pdf: Buffer, info: SignatureInfo): Promise<SignedPdf> {
    const signedAt = this.clock.now();
    const signed = await signWithCms(pdf, info, signedAt, this.certificateDer, async (attributes) => {
      const digest = createHash('sha256').update(attributes).digest();
      try {
        return Buffer.from((await this.crypto.sign('RS256', digest)).result);
      } catch (error) {
        throw transient(error, 'signing');
      }
    });
    return { pdf: signed, signer: this.signer, signedAt };
  }
}
