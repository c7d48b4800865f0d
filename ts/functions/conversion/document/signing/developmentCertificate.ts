import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';

export const DEVELOPMENT_P12_PASSWORD = 'development-only';
export const DEVELOPMENT_SIGNER_NAME = 'Hệ thống chuyển đổi văn bản (chứng thư thử nghiệm)';

/**
 * A self-signed RSA-2048 certificate and key as PKCS#12, for signing on a development machine only.
 * The subject is in Vietnamese on purpose: it exercises the non-ASCII names real agency certificates
 * carry. Verifiers report the signature valid and the issuer unknown, as for any self-signed certificate.
 */
export function createDevelopmentPkcs12(commonName = DEVELOPMENT_SIGNER_NAME, now = new Date()): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600_000);
  cert.validity.notAfter = new Date(now.getTime() + 5 * 365 * 24 * 3600_000);
  // forge encodes these strings as UTF-8 itself: they must not be encoded beforehand.
  const names = [
    { name: 'commonName', value: commonName, valueTagClass: forge.asn1.Type.UTF8 },
    {
      name: 'organizationName',
      value: 'Môi trường phát triển (development)',
      valueTagClass: forge.asn1.Type.UTF8,
    },
    { name: 'countryName', value: 'VN' },
  ] as forge.pki.CertificateField[];
  cert.setSubject(names);
  cert.setIssuer(names);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], DEVELOPMENT_P12_PASSWORD, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/** The development PKCS#12 in `dir` (made on first use, then reused so signatures keep one signer). */
export async function developmentPkcs12(dir: string): Promise<Buffer> {
  const path = join(dir, 'development-signing.p12');
  try {
    return await readFile(path);
  } catch {
    await mkdir(dir, { recursive: true });
    const p12 = createDevelopmentPkcs12();
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, p12, { mode: 0o600 });
    await rename(temporary, path); // two processes starting at once: the last one wins, both files are whole
    return await readFile(path);
  }
}
