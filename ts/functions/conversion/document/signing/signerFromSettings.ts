import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLocalHost, signingSettings } from '../../../core/config';
import { azureCredential } from '../../../core/storage';
import { DEVELOPMENT_P12_PASSWORD, developmentPkcs12 } from './developmentCertificate';
import { KeyVaultSigner } from './KeyVaultSigner';
import { LocalPkcs12Signer, readPkcs12 } from './LocalPkcs12Signer';
import type { PdfSigner } from './PdfSigner';

/**
 * The signer the settings ask for: Key Vault (SIGNING_KEY_VAULT_URI + SIGNING_CERTIFICATE_NAME) in
 * Azure; a PKCS#12 file (SIGNING_PKCS12_PATH/_PASSWORD) locally; otherwise a development certificate
 * generated once and kept under .azurite/signing (local host) or the temp folder, never in the repo.
 */
export async function signerFromSettings(): Promise<PdfSigner> {
  const settings = signingSettings();
  switch (settings.kind) {
    case 'keyVault':
      return KeyVaultSigner.create({
        vaultUri: settings.vaultUri,
        certificateName: settings.certificateName,
        credential: azureCredential(settings.clientId),
      });
    case 'pkcs12':
      return LocalPkcs12Signer.fromFile(settings.path, settings.password);
    case 'development': {
      const dir = isLocalHost()
        ? join(process.cwd(), '.azurite', 'signing')
        : join(tmpdir(), 'etransactions-signing');
      const { key, certificateDer } = readPkcs12(await developmentPkcs12(dir), DEVELOPMENT_P12_PASSWORD);
      return new LocalPkcs12Signer(key, certificateDer);
    }
  }
}
