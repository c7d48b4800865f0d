import { createHash } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/core/clock';
import { storage } from '../../../functions/core/storage';
import { ConversionRegistry } from '../../../functions/conversion/conversionRegistry';
import { ConversionStore } from '../../../functions/conversion/conversionStore';
import { convertScan, messageIdFor, type ConvertScanDeps } from '../../../functions/conversion/convertScan';
import type { OcrEngine } from '../../../functions/conversion/document/ocr/OcrEngine';
import { TesseractEngine } from '../../../functions/conversion/document/ocr/TesseractEngine';
import { DEFAULT_SCAN_LIMITS } from '../../../functions/conversion/document/scanLimits';
import { TransientError } from '../../../functions/conversion/document/TransientError';
import { candidateLookupCode, formatLookupCode } from '../../../functions/conversion/lookupCode';
import { startAzurite, type RunningAzurite } from '../../../local/azurite';
import { oversizedPng, pdfScan, pngScan } from '../../support/scans';

// convertScan called directly (no host polling), to control the OCR engine, the limits and the clock.
let azurite: RunningAzurite;
let scans: ContainerClient;
let registry: ConversionRegistry;
const converter = encodeURIComponent('Ủy ban nhân dân phường Tràng Tiền');
const clock = new ManualClock('2025-03-14T02:05:09Z');
const logs: string[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  process.env.AzureWebJobsStorage = azurite.connectionString;
  scans = storage().container('scans');
  await scans.createIfNotExists();
  registry = ConversionRegistry.fromStorage();
});
afterAll(async () => azurite?.stop());

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function deps(overrides: Partial<ConvertScanDeps> = {}): ConvertScanDeps {
  return {
    registry,
    store: ConversionStore.fromStorage(),
    ocr: () => new TesseractEngine({ concurrency: 1 }),
    signer: () => {
      throw new Error('no signing in these tests');
    },
    clock,
    limits: DEFAULT_SCAN_LIMITS,
    verifyUrlBase: 'https://dvc.example.gov.vn/api/data-messages',
    log: (line) => logs.push(line),
    ...overrides,
  };
}

async function put(
  name: string,
  bytes: Buffer,
  metadata: Record<string, string> = { converter },
): Promise<string> {
  await scans.getBlockBlobClient(name).uploadData(bytes, { metadata });
  return `scans/${name}`;
}

const unavailable: OcrEngine = {
  name: 'unavailable',
  recognizePages() {
    return {
      [Symbol.asyncIterator]() {
        return { next: () => Promise.reject(new TransientError('OCR service answered 503', 5)) };
      },
    };
  },
};

describe('convertScan deliveries', () => {
  it('throws a transient OCR failure for a retry (no rejection), then converts on the next delivery', async () => {
    const bytes = await pngScan(['Giấy xác nhận tạm trú']);
    const path = await put('UBND-TT/tam-tru.png', bytes);
    await expect(convertScan(path, deps({ ocr: () => unavailable }))).rejects.toBeInstanceOf(TransientError);
    const failed = await registry.getConversion(path);
    expect(failed).toMatchObject({ status: 'processing', attempts: 1 });
    expect(failed?.lastError).toContain('503');
    expect(failed?.reasonEn).toBeUndefined();
    expect(sha256(await scans.getBlobClient('UBND-TT/tam-tru.png').downloadToBuffer())).toBe(sha256(bytes));
    expect(await storage().container('data-messages').exists()).toBe(false);

    clock.advance(30_000);
    const outcome = await convertScan(path, deps());
    expect(outcome.status).toBe('converted');
    const record = await registry.getConversion(path);
    expect(record).toMatchObject({ status: 'converted', attempts: 2 });
    expect(record?.lastError).toBeUndefined();
    // The conversion time is the one fixed when the code was first reserved.
    const message = await registry.getDataMessage(record?.lookupCode ?? '');
    expect(message).toMatchObject({ state: 'stored', convertedAt: '2025-03-14T02:05:09.000Z', pageCount: 1 });
  }, 60_000);

  it('reserves another code when the first candidate belongs to another message', async () => {
    const bytes = await pngScan(['Biên bản họp']);
    const path = 'scans/UBND-TT/bien-ban.png';
    const messageId = messageIdFor(path, sha256(bytes));
    const taken = candidateLookupCode(messageId, 0);
    await storage()
      .table('datamessages')
      .createEntity({ partitionKey: taken, rowKey: 'message', messageId: 'someone-else', state: 'stored' });
    await put('UBND-TT/bien-ban.png', bytes);
    const outcome = await convertScan(path, deps());
    expect(outcome.status).toBe('converted');
    const record = await registry.getConversion(path);
    expect(record?.lookupCode).toBe(candidateLookupCode(messageId, 1));
    expect(formatLookupCode(record?.lookupCode ?? '')).not.toBe(formatLookupCode(taken));
    expect((await registry.getDataMessage(taken))?.messageId).toBe('someone-else');
  }, 60_000);

  it('builds one data message when two deliveries of the same blob run at once', async () => {
    const bytes = await pngScan(['Quyết định']);
    const path = await put('UBND-TT/quyet-dinh.png', bytes);
    const results = await Promise.allSettled([convertScan(path, deps()), convertScan(path, deps())]);
    const converted = results.filter((r) => r.status === 'fulfilled' && r.value.status === 'converted');
    expect(converted.length).toBeGreaterThanOrEqual(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(String(result.reason)).toMatch(/another delivery|412|409/);
    }
    const messageId = messageIdFor(path, sha256(bytes));
    let rows = 0;
    for await (const row of storage().table('datamessages').listEntities<{ messageId: string }>()) {
      if (row.messageId === messageId) rows++;
    }
    expect(rows).toBe(1);
    expect((await convertScan(path, deps())).status).toBe('skipped');
  }, 60_000);

  it('rejects scans over the size, page and pixel limits before decoding them', async () => {
    const cases: [string, Buffer, Partial<typeof DEFAULT_SCAN_LIMITS>, string][] = [
      ['UBND-TT/lon.png', await pngScan(['Trang lớn']), { maxBytes: 1000 }, 'too-large'],
      ['UBND-TT/nhieu-trang.pdf', await pdfScan(3, 72), { maxPages: 2 }, 'too-many-pages'],
      ['UBND-TT/bom.png', oversizedPng(20_000, 20_000), {}, 'too-many-pixels'],
    ];
    for (const [name, bytes, limits, code] of cases) {
      const path = await put(name, bytes);
      const outcome = await convertScan(
        path,
        deps({ limits: { ...DEFAULT_SCAN_LIMITS, ...limits }, ocr: () => unavailable }),
      );
      expect(outcome.status, name).toBe('rejected');
      const record = await registry.getConversion(path);
      expect(record?.rejectionCode, name).toBe(code);
      expect(record?.reasonVi, name).toBeTruthy();
      expect(sha256(await scans.getBlobClient(name).downloadToBuffer()), name).toBe(sha256(bytes));
      // A rejected version is not tried again on re-delivery.
      expect((await convertScan(path, deps())).status, name).toBe('skipped');
    }
  });

  it('ignores a delivery for a blob that is gone', async () => {
    expect(await convertScan('scans/UBND-TT/khong-co.png', deps())).toEqual({
      status: 'missing',
      blobPath: 'scans/UBND-TT/khong-co.png',
    });
  });
});
