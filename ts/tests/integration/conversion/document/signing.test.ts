import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../functions/core/clock';
import { ConfigError } from '../../../../functions/core/errors';
import {
  createDevelopmentPkcs12,
  DEVELOPMENT_P12_PASSWORD,
  DEVELOPMENT_SIGNER_NAME,
} from '../../../../functions/conversion/document/signing/developmentCertificate';
import {
  LocalPkcs12Signer,
  readPkcs12,
} from '../../../../functions/conversion/document/signing/LocalPkcs12Signer';
import { signerFromSettings } from '../../../../functions/conversion/document/signing/signerFromSettings';
import { pdfScan, pdfSignatures, pdfText, textPdf } from '../../../support/scans';

const info = {
  reason: 'Chuyển đổi văn bản giấy (Nghị định 137)',
  signerName: 'Sở Tư pháp Hà Nội',
  location: 'Hà Nội',
};
const SETTINGS = [
  'SIGNING_KEY_VAULT_URI',
  'SIGNING_PKCS12_PATH',
  'SIGNING_PKCS12_PASSWORD',
  'WEBSITE_SITE_NAME',
];

let p12: Buffer;
let dir: string;
let document: Buffer;

beforeAll(async () => {
  p12 = createDevelopmentPkcs12();
  dir = await mkdtemp(join(tmpdir(), 'signing-test-'));
  document = await textPdf([['Giấy xác nhận của Ủy ban nhân dân phường Tràng Tiền']]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  for (const name of SETTINGS) delete process.env[name];
});

/** Flips one bit in the middle of the first signed byte range. */
function tamper(pdf: Buffer): Buffer {
  const range = /\/ByteRange \[0 (\d+)/.exec(pdf.toString('latin1'));
  const copy = Buffer.from(pdf);
  const at = Math.floor(Number(range?.[1]) / 2);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe('PAdES signing with a local key', () => {
  it('signs so that pdfsig finds the signature valid and covering the whole file', async () => {
    const { key, certificateDer } = readPkcs12(p12, DEVELOPMENT_P12_PASSWORD);
    const clock = new ManualClock('2025-03-14T09:06:00Z');
    const signed = await new LocalPkcs12Signer(key, certificateDer, clock).sign(document, info);
    expect(signed.signer).toBe(DEVELOPMENT_SIGNER_NAME);
    expect(signed.signedAt.toISOString()).toBe('2025-03-14T09:06:00.000Z');
    const report = await pdfSignatures(signed.pdf);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    // The Vietnamese certificate name survives into what verifiers show.
    expect(report).toContain(`Signer Certificate Common Name: ${DEVELOPMENT_SIGNER_NAME}`);
    expect(await pdfText(signed.pdf)).toContain('Ủy ban nhân dân phường Tràng Tiền');
  });

  it('breaks when one byte of the signed file changes', async () => {
    const { key, certificateDer } = readPkcs12(p12, DEVELOPMENT_P12_PASSWORD);
    const signed = await new LocalPkcs12Signer(key, certificateDer).sign(await pdfScan(1), info);
    expect(await pdfSignatures(signed.pdf)).toContain('Signature is Valid.');
    const report = await pdfSignatures(tamper(signed.pdf));
    expect(report).not.toContain('Signature is Valid.');
    expect(report).toContain('Digest Mismatch.');
  });

  it('writes the Vietnamese reason and signer name as PDF text strings', async () => {
    const { key, certificateDer } = readPkcs12(p12, DEVELOPMENT_P12_PASSWORD);
    const signed = await new LocalPkcs12Signer(key, certificateDer).sign(document, info);
    const utf16 = (text: string) =>
      [...Buffer.from(text, 'utf16le').swap16()]
        .map((byte) => `\\${byte.toString(8).padStart(3, '0')}`)
        .join('');
    const raw = signed.pdf.toString('latin1');
    // "Sở": S is printable, "ở" (U+1EDF) is written as escaped bytes 036 337.
    expect(raw).toContain(`/Name (\\376\\377\\000S${utf16('ở')}`);
  });
});

describe('signerFromSettings', () => {
  it('signs with the PKCS#12 file named by SIGNING_PKCS12_PATH', async () => {
    const path = join(dir, 'agency.p12');
    await writeFile(path, createDevelopmentPkcs12('Sở Tư pháp Hà Nội'));
    process.env.SIGNING_PKCS12_PATH = path;
    process.env.SIGNING_PKCS12_PASSWORD = DEVELOPMENT_P12_PASSWORD;
    const signed = await (await signerFromSettings()).sign(document, info);
    expect(signed.signer).toBe('Sở Tư pháp Hà Nội');
    expect(await pdfSignatures(signed.pdf)).toContain('Signature is Valid.');
  });

  it('refuses a wrong PKCS#12 password', async () => {
    const path = join(dir, 'locked.p12');
    await writeFile(path, p12);
    process.env.SIGNING_PKCS12_PATH = path;
    process.env.SIGNING_PKCS12_PASSWORD = 'sai mật khẩu';
    await expect(signerFromSettings()).rejects.toThrow();
  });

  it('uses a generated development certificate when nothing is configured, and reuses it', async () => {
    const first = await (await signerFromSettings()).sign(document, info);
    const kept = await readFile(join(tmpdir(), 'etransactions-signing', 'development-signing.p12'));
    const second = await (await signerFromSettings()).sign(document, info);
    expect(first.signer).toBe(DEVELOPMENT_SIGNER_NAME);
    expect(await readFile(join(tmpdir(), 'etransactions-signing', 'development-signing.p12'))).toEqual(kept);
    expect(await pdfSignatures(second.pdf)).toContain('Signature is Valid.');
  });

  it('refuses to sign with a development certificate on Azure', async () => {
    process.env.WEBSITE_SITE_NAME = 'etransactions-func';
    await expect(signerFromSettings()).rejects.toThrow(ConfigError);
  });
});
