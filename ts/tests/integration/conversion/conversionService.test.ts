import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrPayload } from '../../../functions/conversion/document/qrPayload';
import {
  LOOKUP_ALPHABET,
  candidateLookupCode,
  formatLookupCode,
} from '../../../functions/conversion/lookupCode';
import { uploadScan } from '../../../local/upload';
import { eventually, startTestHost, type TestHost } from '../../support/localHost';
import { encryptPdf, jpegScan, pdfScan, pngScan, SAMPLE_PAGES, SAMPLE_WORDS } from '../../support/scans';

const run = promisify(execFile);
const CONVERTER = 'Sở Tư pháp Hà Nội';
const AGENCY = '000.00.00.H26';
// A Vietnamese name with spaces: blob names are Unicode, keys and URLs must cope.
const TWO_PAGES = 'giấy xác nhận 2 trang.pdf';

let testHost: TestHost;
let workDir: string;
let scans: ContainerClient;
let output: ContainerClient;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'conversion-'));
  testHost = await startTestHost(
    async () => {
      await import('../../../functions/conversion/convertScan.function');
      await import('../../../functions/conversion/getConversion.function');
      await import('../../../functions/conversion/getDataMessage.function');
      await import('../../../functions/conversion/downloadDataMessage.function');
    },
    { blobPollMs: 100, blobRetryBaseMs: 100 },
  );
  scans = testHost.host.storage.container('scans');
  output = testHost.host.storage.container('data-messages');
});
afterAll(async () => {
  await testHost?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

interface StatusBody {
  blob: string;
  status: string;
  lookupCode?: string;
  messageId?: string;
  attempts: number;
  reason?: { vi: string; en: string; code: string };
  links?: { dataMessage: string; pdf: string; manifest: string };
}

interface ManifestBody {
  messageId: string;
  lookupCode: string;
  converter: string;
  purpose: string;
  symbol: { vi: string; en: string };
  convertedAt: { utc: string; local: string };
  source: { path: string; sha256: string; bytes: number };
  output: { path: string; sha256: string; bytes: number; pageCount: number };
  ocr: { engine: string; language: string; meanConfidence: number };
  qr: { payload: string } | null;
  signature: { signer: string; signedAt: { utc: string; local: string } } | null;
  text?: string;
  textLength?: number;
  links?: { self: string; pdf: string; manifest: string };
}

async function getJson<T>(url: string): Promise<{ status: number; type: string; body: T }> {
  const reply = await fetch(url);
  return {
    status: reply.status,
    type: reply.headers.get('content-type') ?? '',
    body: (await reply.json()) as T,
  };
}

function statusUrl(blobPath: string): string {
  return `${testHost.host.url}/api/conversions?blob=${encodeURIComponent(blobPath)}`;
}

/** Waits until the host's blob trigger has finished with the upload (converted or rejected). */
function settled(blobPath: string, until: (body: StatusBody) => boolean = () => true): Promise<StatusBody> {
  return eventually(async () => {
    const reply = await getJson<StatusBody>(statusUrl(blobPath));
    const done = reply.status === 200 && ['converted', 'rejected'].includes(reply.body.status);
    return done && until(reply.body) ? reply.body : undefined;
  }, 90_000);
}

async function putScan(name: string, bytes: Buffer, metadata: Record<string, string>): Promise<string> {
  await scans.createIfNotExists();
  await scans.getBlockBlobClient(name).uploadData(bytes, { metadata });
  return `scans/${name}`;
}

async function dataMessageCount(): Promise<number> {
  let count = 0;
  for await (const row of testHost.host.storage.table('datamessages').listEntities())
    if (row.state === 'stored') count++;
  return count;
}

describe('convertScan through the local host (upload → PDF + manifest → lookups)', () => {
  let first: StatusBody;
  let manifest: ManifestBody;
  let pdf: Buffer;
  let upload: Buffer;
  const blobPath = `scans/${AGENCY}/2025/giay-xac-nhan.png`;

  it('converts an uploaded PNG: signed, searchable PDF and a manifest whose hashes match the bytes', async () => {
    upload = await pngScan();
    const file = join(workDir, 'giay-xac-nhan.png');
    await writeFile(file, upload);
    expect(
      await uploadScan(testHost.host.storage.blobs, {
        file,
        agency: AGENCY,
        converter: CONVERTER,
        sign: true,
        name: '2025/giay-xac-nhan.png',
      }),
    ).toBe(blobPath);

    first = await settled(blobPath);
    expect(first).toMatchObject({ blob: blobPath, status: 'converted', attempts: 1 });
    expect(first.lookupCode).toMatch(
      new RegExp(`^[${LOOKUP_ALPHABET}]{3}-[${LOOKUP_ALPHABET}]{3}-[${LOOKUP_ALPHABET}]{3}$`),
    );

    const summary = await getJson<ManifestBody>(first.links?.dataMessage ?? '');
    expect(summary.status).toBe(200);
    manifest = summary.body;
    expect(manifest.text).toBeUndefined();
    expect(manifest.textLength).toBeGreaterThan(50);
    expect(manifest).toMatchObject({
      lookupCode: first.lookupCode,
      messageId: first.messageId,
      converter: CONVERTER,
      purpose: 'general',
      source: { path: blobPath, sha256: sha256(upload), bytes: upload.length },
      output: { path: `data-messages/${AGENCY}/${first.messageId}.pdf`, pageCount: 1 },
    });
    expect(manifest.convertedAt.local).toMatch(/\+07:00$/);
    expect(manifest.signature?.signer).toBeTruthy();
    expect(manifest.ocr.language).toBe('vie+eng');

    const pdfReply = await fetch(manifest.links?.pdf ?? '');
    expect(pdfReply.status).toBe(200);
    expect(pdfReply.headers.get('content-type')).toBe('application/pdf');
    pdf = Buffer.from(await pdfReply.arrayBuffer());
    expect(sha256(pdf)).toBe(manifest.output.sha256);
    expect(pdf.length).toBe(manifest.output.bytes);
    const stored = await output.getBlobClient(`${AGENCY}/${first.messageId}.pdf`).downloadToBuffer();
    expect(sha256(stored)).toBe(manifest.output.sha256);

    const full = await getJson<ManifestBody>(manifest.links?.manifest ?? '');
    expect(full.body.text).toContain('Nguyễn');
    expect(full.body.output.sha256).toBe(manifest.output.sha256);

    const file2 = join(workDir, 'out.pdf');
    await writeFile(file2, pdf);
    const { stdout: text } = await run('pdftotext', [file2, '-']);
    expect(text.normalize('NFC')).toContain(first.lookupCode);
    for (const word of SAMPLE_WORDS[0]?.slice(0, 4) ?? []) expect(text.normalize('NFC')).toContain(word);
    const { stdout: verdict } = await run('pdfsig', [file2]);
    expect(verdict).toContain('Signature is Valid.');
    expect(verdict).toContain('Total document signed');

    const qr = decodeQrPayload(manifest.qr?.payload ?? '');
    expect(qr).toMatchObject({ code: first.lookupCode, converter: CONVERTER });
    expect(JSON.stringify(qr)).toContain(`/api/data-messages/${first.lookupCode}`);

    // The original is left exactly as uploaded.
    const original = scans.getBlobClient(`${AGENCY}/2025/giay-xac-nhan.png`);
    expect(sha256(await original.downloadToBuffer())).toBe(sha256(upload));
    expect((await original.getProperties()).metadata?.converter).toBe(encodeURIComponent(CONVERTER));
  }, 120_000);

  it('does nothing new when the same blob is delivered again or the same bytes are uploaded again', async () => {
    const count = await dataMessageCount();
    const again = await fetch(`${testHost.host.url}/admin/functions/convertScan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: blobPath }),
    });
    expect(again.status).toBe(202);
    expect(((await again.json()) as { outcome?: string }).outcome).toBe('Succeeded');

    const sameBytes = await putScan(`${AGENCY}/2025/giay-xac-nhan.png`, upload, {
      converter: encodeURIComponent(CONVERTER),
      sign: 'true',
    });
    const etag = (await scans.getBlobClient(`${AGENCY}/2025/giay-xac-nhan.png`).getProperties()).etag;
    // Wait until the host has handled the new blob version (the record names the ETag it handled).
    const conversions = testHost.host.storage.table('conversions');
    await eventually(async () => {
      for await (const row of conversions.listEntities<{
        blobPath: string;
        blobEtag: string;
        status: string;
      }>()) {
        if (row.blobPath === sameBytes && row.blobEtag === etag && row.status !== 'processing') return true;
      }
      return undefined;
    }, 60_000);

    const status = await settled(blobPath);
    expect(status).toMatchObject({
      status: 'converted',
      lookupCode: first.lookupCode,
      messageId: first.messageId,
    });
    expect(await dataMessageCount()).toBe(count);
    const stored = await output.getBlobClient(`${AGENCY}/${first.messageId}.pdf`).downloadToBuffer();
    expect(sha256(stored)).toBe(manifest.output.sha256);
  }, 120_000);

  it('makes a new data message when new content replaces the blob, and keeps the old one findable', async () => {
    const replaced = await jpegScan(SAMPLE_PAGES[1]);
    await putScan(`${AGENCY}/2025/giay-xac-nhan.png`, replaced, { converter: encodeURIComponent(CONVERTER) });
    const next = await settled(blobPath, (body) => body.messageId !== first.messageId);
    // A JPEG under a .png name is not what its extension says: rejected, and the old message stays.
    expect(next).toMatchObject({ status: 'rejected', reason: { code: 'type-mismatch' } });
    expect((await fetch(first.links?.dataMessage ?? '')).status).toBe(200);

    const pdfBytes = await pdfScan(2);
    const path = await putScan(`${AGENCY}/2025/${TWO_PAGES}`, pdfBytes, {
      converter: encodeURIComponent(CONVERTER),
      qr: 'false',
      purpose: 'certification',
    });
    const firstPdf = await settled(path);
    await putScan(`${AGENCY}/2025/${TWO_PAGES}`, await pdfScan(3), {
      converter: encodeURIComponent(CONVERTER),
      qr: 'false',
    });
    const secondPdf = await settled(path, (body) => body.messageId !== firstPdf.messageId);
    expect(secondPdf.status).toBe('converted');
    expect(secondPdf.lookupCode).not.toBe(firstPdf.lookupCode);
    const older = await getJson<ManifestBody>(firstPdf.links?.dataMessage ?? '');
    const newer = await getJson<ManifestBody>(secondPdf.links?.dataMessage ?? '');
    expect(older.body.output.pageCount).toBe(2);
    expect(newer.body.output.pageCount).toBe(3);
    // Certification needs legal value (Art. 4.2.dd): signed although `sign` was not asked for.
    expect(older.body.signature).not.toBeNull();
    expect(older.body.qr).toBeNull();
    expect(newer.body.signature).toBeNull();
  }, 180_000);

  it('rejects every class of bad upload with a readable reason and leaves the original in place', async () => {
    const png = await pngScan(['Một dòng chữ']);
    const pdfBytes = await pdfScan(1);
    const converter = encodeURIComponent(CONVERTER);
    const cases: { name: string; bytes: Buffer; metadata: Record<string, string>; code: string }[] = [
      { name: `${AGENCY}/bad/no-converter.png`, bytes: png, metadata: {}, code: 'missing-converter' },
      {
        name: `${AGENCY}/bad/empty-converter.png`,
        bytes: png,
        metadata: { converter: '%20%20' },
        code: 'missing-converter',
      },
      {
        name: `${AGENCY}/bad/encoding.png`,
        bytes: png,
        metadata: { converter: 'S%E1%BB' },
        code: 'bad-metadata-encoding',
      },
      {
        name: `${AGENCY}/bad/purpose.png`,
        bytes: png,
        metadata: { converter, purpose: 'sale' },
        code: 'bad-purpose',
      },
      {
        name: `${AGENCY}/bad/language.png`,
        bytes: png,
        metadata: { converter, language: 'klingon' },
        code: 'bad-language',
      },
      {
        name: `${AGENCY}/bad/flag.png`,
        bytes: png,
        metadata: { converter, sign: 'maybe' },
        code: 'bad-flag',
      },
      { name: 'no-agency.png', bytes: png, metadata: { converter }, code: 'bad-path' },
      { name: `${AGENCY}/bad/scan.docx`, bytes: png, metadata: { converter }, code: 'unsupported-type' },
      { name: `${AGENCY}/bad/really-a-png.pdf`, bytes: png, metadata: { converter }, code: 'type-mismatch' },
      {
        name: `${AGENCY}/bad/truncated.png`,
        bytes: png.subarray(0, png.length - 20),
        metadata: { converter },
        code: 'corrupt',
      },
      {
        name: `${AGENCY}/bad/truncated.pdf`,
        bytes: pdfBytes.subarray(0, pdfBytes.length / 2),
        metadata: { converter },
        code: 'corrupt',
      },
      {
        name: `${AGENCY}/bad/locked.pdf`,
        bytes: await encryptPdf(pdfBytes),
        metadata: { converter },
        code: 'encrypted',
      },
    ];
    const before = await dataMessageCount();
    for (const c of cases) await putScan(c.name, c.bytes, c.metadata);
    for (const c of cases) {
      const status = await settled(`scans/${c.name}`);
      expect(status.status, c.name).toBe('rejected');
      expect(status.reason?.code, c.name).toBe(c.code);
      expect(status.reason?.vi.length, c.name).toBeGreaterThan(10);
      expect(status.reason?.en.length, c.name).toBeGreaterThan(10);
      expect(status.lookupCode).toBeUndefined();
      const original = scans.getBlobClient(c.name);
      expect(sha256(await original.downloadToBuffer()), c.name).toBe(sha256(c.bytes));
      expect((await original.getProperties()).metadata, c.name).toEqual(c.metadata);
    }
    expect(await dataMessageCount()).toBe(before);
  }, 120_000);
});

describe('lookup API', () => {
  interface Problem {
    type: string;
    status: number;
    detail: string;
  }

  async function problem(url: string): Promise<{ status: number; type: string; body: Problem }> {
    return getJson<Problem>(url);
  }

  it('answers 400 naming a wrong check character, 404 for an unknown code, 400 for a malformed one', async () => {
    const status = await settled(`scans/${AGENCY}/2025/${TWO_PAGES}`);
    const code = status.lookupCode ?? '';
    const last = code.charAt(code.length - 1);
    const wrong = code.slice(0, -1) + (LOOKUP_ALPHABET.split('').find((s) => s !== last) ?? '');
    const bad = await problem(`${testHost.host.url}/api/data-messages/${wrong}`);
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.type).toBe('/problems/validation');
    expect(bad.body.detail).toContain('check character');
    expect(bad.body.detail).toContain('Ký tự kiểm tra');

    expect((await problem(`${testHost.host.url}/api/data-messages/${wrong}/pdf`)).status).toBe(400);
    expect((await problem(`${testHost.host.url}/api/data-messages/ABC`)).status).toBe(400);
    expect((await problem(`${testHost.host.url}/api/data-messages/AB0-CDE-FGH`)).body.detail).toContain(
      '"0"',
    );

    // The same code typed in lower case without hyphens finds the message.
    expect(
      (await fetch(`${testHost.host.url}/api/data-messages/${code.replace(/-/g, '').toLowerCase()}`)).status,
    ).toBe(200);

    // A well-formed code (valid check character) that nobody holds.
    const free = formatLookupCode(candidateLookupCode('no such message', 0));
    const missing = await problem(`${testHost.host.url}/api/data-messages/${free}`);
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe('/problems/not-found');
    expect((await problem(`${testHost.host.url}/api/data-messages/${free}/manifest`)).status).toBe(404);
    expect((await problem(`${testHost.host.url}/api/data-messages/${code}/other`)).status).toBe(404);
  });

  it('answers the manifest download as stored, and 400/404 for a missing or unknown blob', async () => {
    const status = await settled(`scans/${AGENCY}/2025/${TWO_PAGES}`);
    const reply = await fetch(status.links?.manifest ?? '');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('application/json');
    const stored = await output.getBlobClient(`${AGENCY}/${status.messageId}.json`).downloadToBuffer();
    expect(Buffer.from(await reply.arrayBuffer()).equals(stored)).toBe(true);

    expect((await problem(`${testHost.host.url}/api/conversions`)).status).toBe(400);
    expect((await problem(statusUrl(`scans/${AGENCY}/never-uploaded.pdf`))).status).toBe(404);
    // The blob may be given without the container name.
    expect((await getJson<StatusBody>(statusUrl(`${AGENCY}/2025/${TWO_PAGES}`))).status).toBe(200);
  });
});
