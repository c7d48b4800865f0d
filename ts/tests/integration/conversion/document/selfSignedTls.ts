import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A certificate for 127.0.0.1, made at test time: the REST client sends bearer tokens over https only. */
export function selfSignedTls(): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const names = [{ name: 'commonName', value: '127.0.0.1' }];
  cert.setSubject(names);
  cert.setIssuer(names);
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }]);
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  cert.sign(forge.pki.privateKeyFromPem(pem), forge.md.sha256.create());
  return { key: pem, cert: forge.pki.certificateToPem(cert) };
}
