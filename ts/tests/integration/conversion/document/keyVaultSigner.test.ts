import type { AccessToken, TokenCredential } from '@azure/identity';
import { Agent } from 'node:https';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../functions/core/errors';
import { createDevelopmentPkcs12 } from '../../../../functions/conversion/document/signing/developmentCertificate';
import { KeyVaultSigner } from '../../../../functions/conversion/document/signing/KeyVaultSigner';
import { readPkcs12 } from '../../../../functions/conversion/document/signing/LocalPkcs12Signer';
import { signerFromSettings } from '../../../../functions/conversion/document/signing/signerFromSettings';
import { TransientError } from '../../../../functions/conversion/document/TransientError';
import { pdfSignatures, textPdf } from '../../../support/scans';
import { startFakeKeyVault } from './fakeKeyVault';

const credential: TokenCredential = {
  getToken: (): Promise<AccessToken> =>
    Promise.resolve({ token: 'vault-token', expiresOnTimestamp: Date.now() + 3600_000 }),
};
const AGENCY = 'Sở Tư pháp Hà Nội';
const info = { reason: 'Chuyển đổi văn bản giấy', signerName: AGENCY };

let material: ReturnType<typeof readPkcs12>;
let document: Buffer;
let vault: Awaited<ReturnType<typeof startFakeKeyVault>> | undefined;

beforeAll(async () => {
  material = readPkcs12(createDevelopmentPkcs12(AGENCY), 'development-only');
  document = await textPdf([['Bản sao điện tử của giấy xác nhận']]);
});
afterEach(async () => {
  await vault?.stop();
  vault = undefined;
  delete process.env.SIGNING_KEY_VAULT_URI;
  delete process.env.SIGNING_CERTIFICATE_NAME;
});

async function signerAgainstFake(throttleSign = false): Promise<KeyVaultSigner> {
  vault = await startFakeKeyVault({
    certificateName: 'ky-so',
    certificateDer: material.certificateDer,
    key: material.key,
    throttleSign,
  });
  const clientOptions = {
    agent: new Agent({ ca: vault.ca }),
    disableChallengeResourceVerification: true,
    retryOptions: { maxRetries: 1 },
  };
  return KeyVaultSigner.create({
    vaultUri: vault.vaultUri,
    certificateName: 'ky-so',
    credential,
    clientOptions,
  });
}

describe('KeyVaultSigner against a fake of the Key Vault REST API', () => {
  it('signs with the vault key: only a SHA-256 digest leaves, pdfsig finds the signature valid', async () => {
    const signer = await signerAgainstFake();
    expect(signer.signer).toBe(AGENCY);
    const signed = await signer.sign(document, info);
    const report = await pdfSignatures(signed.pdf);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain(`Signer Certificate Common Name: ${AGENCY}`);
    const sign = vault?.requests.find((request) => request.method === 'POST');
    const body = sign?.body as { alg: string; value: string };
    expect(body.alg).toBe('RS256');
    expect(Buffer.from(body.value, 'base64url')).toHaveLength(32);
    expect(sign?.authorization).toBe('Bearer vault-token');
  });

  it('turns a throttled vault into a TransientError', async () => {
    const signer = await signerAgainstFake(true);
    await expect(signer.sign(document, info)).rejects.toThrow(TransientError);
  });

  it('needs the certificate name with the vault URI', async () => {
    process.env.SIGNING_KEY_VAULT_URI = 'https://etransactions-kv.vault.azure.net';
    await expect(signerFromSettings()).rejects.toThrow(ConfigError);
  });
});
