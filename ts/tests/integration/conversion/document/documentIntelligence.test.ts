import type { AccessToken, TokenCredential } from '@azure/identity';
import { Agent } from 'node:https';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../functions/core/errors';
import {
  buildDataMessage,
  DEFAULT_SYMBOL_EN,
  DEFAULT_SYMBOL_VI,
} from '../../../../functions/conversion/document/buildDataMessage';
import { inspectScan, type InspectedScan } from '../../../../functions/conversion/document/inspectScan';
import {
  DocumentIntelligenceEngine,
  type DocumentIntelligenceOptions,
} from '../../../../functions/conversion/document/ocr/DocumentIntelligenceEngine';
import type { OcrPage } from '../../../../functions/conversion/document/ocr/OcrEngine';
import { ocrEngineFromSettings } from '../../../../functions/conversion/document/ocr/ocrEngineFromSettings';
import { ScanRejectedError } from '../../../../functions/conversion/document/rejections';
import { DEFAULT_SCAN_LIMITS } from '../../../../functions/conversion/document/scanLimits';
import { TransientError } from '../../../../functions/conversion/document/TransientError';
import { pdfScan, pdfText, pngScan } from '../../../support/scans';
import { fakePageLines, startFakeDocumentIntelligence, type FakeBehaviour } from './fakeDocumentIntelligence';

/** A credential that hands out a fixed token, as a managed identity would a real one. */
const credential: TokenCredential = {
  getToken: (): Promise<AccessToken> =>
    Promise.resolve({ token: 'test-token', expiresOnTimestamp: Date.now() + 3600_000 }),
};

let fake: Awaited<ReturnType<typeof startFakeDocumentIntelligence>> | undefined;
let pdf: Buffer;
let pdfInspected: InspectedScan;

beforeAll(async () => {
  pdf = await pdfScan(3);
  pdfInspected = await inspectScan(pdf, 'pdf', DEFAULT_SCAN_LIMITS);
});
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
  delete process.env.DOCUMENT_INTELLIGENCE_ENDPOINT;
});

async function engineAgainstFake(
  behaviour: FakeBehaviour = {},
  options: Partial<DocumentIntelligenceOptions> = {},
) {
  fake = await startFakeDocumentIntelligence(behaviour);
  return new DocumentIntelligenceEngine({
    endpoint: fake.endpoint,
    credential,
    pollIntervalMs: 10,
    clientOptions: { agent: new Agent({ ca: fake.ca }) },
    ...options,
  });
}

async function allPages(iterable: AsyncIterable<OcrPage>): Promise<OcrPage[]> {
  const pages: OcrPage[] = [];
  for await (const page of iterable) pages.push(page);
  return pages;
}

describe('DocumentIntelligenceEngine against a fake of the REST API', () => {
  it('submits, waits out a 429 with Retry-After, polls the Operation-Location and reads every page', async () => {
    const engine = await engineAgainstFake({ throttleFirst: true, runningPolls: 2 });
    const pages = await allPages(
      engine.recognizePages({ scan: pdf, inspected: pdfInspected, language: 'vie+eng' }),
    );
    expect(pages.map((page) => page.index)).toEqual([0, 1, 2]);
    expect(pages[1]?.text).toBe(fakePageLines(2).join('\n'));
    expect(pages[0]?.confidence).toBeCloseTo(0.99);
    // Inches become points: the first word starts one inch from the left and top.
    expect(pages[0]?.words[0]).toMatchObject({
      text: 'Trang',
      x: expect.closeTo(72, 0) as number,
      y: expect.closeTo(72, 0) as number,
    });
    const requests = fake?.requests ?? [];
    const posts = requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(2); // the throttled one and its retry
    expect(posts[1]).toMatchObject({
      contentType: 'application/pdf',
      authorization: 'Bearer test-token',
      bodyBytes: pdf.length,
    });
    expect(posts[1]?.query.get('api-version')).toBe('2024-11-30');
    expect(requests.filter((request) => request.method === 'GET')).toHaveLength(3); // running, running, succeeded
  });

  it('sends a long PDF range by range, each range cut out as a PDF of its own, pages in order', async () => {
    const engine = await engineAgainstFake({}, { pagesPerRequest: 2 });
    const pages = await allPages(
      engine.recognizePages({ scan: pdf, inspected: pdfInspected, language: 'vie' }),
    );
    expect(pages.map((page) => page.text.split(':')[0])).toEqual(['Trang 1', 'Trang 2', 'Trang 3']);
    const posts = (fake?.requests ?? []).filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts.every((post) => post.bodyBytes < pdf.length)).toBe(true);
  });

  it('sends an image as it is', async () => {
    const png = await pngScan(['Một dòng']);
    const engine = await engineAgainstFake();
    const inspected = await inspectScan(png, 'png', DEFAULT_SCAN_LIMITS);
    const [page] = await allPages(engine.recognizePages({ scan: png, inspected, language: 'vie' }));
    expect(page?.text).toContain('Nguyễn Văn Đức');
    expect(fake?.requests[0]).toMatchObject({ contentType: 'image/png', bodyBytes: png.length });
  });

  it('turns a service that stays unavailable into a TransientError', async () => {
    const engine = await engineAgainstFake({
      failWith: { status: 503, error: { code: 'ServiceUnavailable', message: 'Try again later' } },
    });
    await expect(
      allPages(engine.recognizePages({ scan: pdf, inspected: pdfInspected, language: 'vie' })),
    ).rejects.toThrow(TransientError);
  });

  it('turns an unreachable endpoint into a TransientError', async () => {
    // Start the fake only to learn a free port, then stop it so nothing answers there.
    fake = await startFakeDocumentIntelligence();
    const endpoint = fake.endpoint;
    await fake.stop();
    fake = undefined;
    const unreachable = new DocumentIntelligenceEngine({
      endpoint,
      credential,
      clientOptions: { retryOptions: { maxRetries: 0 } },
    });
    await expect(
      allPages(unreachable.recognizePages({ scan: pdf, inspected: pdfInspected, language: 'vie' })),
    ).rejects.toThrow(TransientError);
  });

  it('turns content the service cannot read into a corrupt-scan rejection', async () => {
    const engine = await engineAgainstFake({
      failWith: {
        status: 400,
        error: {
          code: 'InvalidRequest',
          message: 'Invalid request.',
          innererror: { code: 'InvalidContent' },
        },
      },
    });
    const error: unknown = await allPages(
      engine.recognizePages({ scan: pdf, inspected: pdfInspected, language: 'vie' }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScanRejectedError);
    expect((error as ScanRejectedError).code).toBe('corrupt');
  });

  it('gives buildDataMessage a text layer pdftotext can search', async () => {
    const engine = await engineAgainstFake();
    const built = await buildDataMessage(pdf, pdfInspected, {
      language: 'vie+eng',
      ocr: engine,
      symbol: {
        symbolVi: DEFAULT_SYMBOL_VI,
        symbolEn: DEFAULT_SYMBOL_EN,
        convertedAtUtc: new Date('2025-03-14T09:05:09Z'),
        converter: 'Sở Tư pháp Hà Nội',
        lookupCode: '7KQ4-MX2P-H',
      },
    });
    expect(built.ocr.engine).toBe('azure-document-intelligence');
    const text = (await pdfText(built.pdf, 3)).replace(/\s+/g, ' ');
    expect(text).toContain('Trang 3: Giấy xác nhận');
    expect(text).toContain('Ông Nguyễn Văn Đức thường trú tại Hà Nội');
  });
});

describe('ocrEngineFromSettings', () => {
  it('uses Document Intelligence when its endpoint is set, tesseract otherwise', () => {
    expect(ocrEngineFromSettings().name).toBe('tesseract');
    process.env.DOCUMENT_INTELLIGENCE_ENDPOINT = 'https://etransactions.cognitiveservices.azure.com/';
    expect(ocrEngineFromSettings().name).toBe('azure-document-intelligence');
  });

  it('refuses an endpoint that is not https', () => {
    process.env.DOCUMENT_INTELLIGENCE_ENDPOINT = 'http://etransactions.cognitiveservices.azure.com';
    expect(() => ocrEngineFromSettings()).toThrow(ConfigError);
  });
});
