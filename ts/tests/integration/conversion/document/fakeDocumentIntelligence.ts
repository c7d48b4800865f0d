import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { selfSignedTls } from './selfSignedTls';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType?: string;
  authorization?: string;
  bodyBytes: number;
}

export interface FakeBehaviour {
  /** Answer the first analyze request with 429 + Retry-After: 1. */
  throttleFirst?: boolean;
  /** Answer every analyze request with this status and error body. */
  failWith?: { status: number; error: { code: string; message: string; innererror?: { code: string } } };
  /** Polls answered "running" before "succeeded". */
  runningPolls?: number;
}

/** Lines the fake "reads" on page n (1-based, of the whole document). */
export function fakePageLines(n: number): string[] {
  return [`Trang ${n}: Giấy xác nhận`, 'Ông Nguyễn Văn Đức thường trú tại Hà Nội'];
}

/** The analyzeResult of `prebuilt-read` for the given page numbers, shaped as the 2024-11-30 API returns it. */
function analyzeResult(pageNumbers: number[], firstInDocument: number) {
  let content = '';
  const pages = pageNumbers.map((pageNumber) => {
    const start = content.length;
    const words: unknown[] = [];
    const lines = fakePageLines(firstInDocument + pageNumber - 1).map((line, row) => {
      const lineStart = content.length;
      let x = 1;
      const top = 1 + row * 0.5;
      for (const word of line.split(' ')) {
        const width = word.length * 0.12;
        words.push({
          content: word,
          polygon: [x, top, x + width, top, x + width, top + 0.2, x, top + 0.2],
          confidence: 0.99,
          span: { offset: content.length, length: word.length },
        });
        content += `${word} `;
        x += width + 0.08;
      }
      content = `${content.trimEnd()}\n`;
      return {
        content: line,
        polygon: [1, top, x, top, x, top + 0.2, 1, top + 0.2],
        spans: [{ offset: lineStart, length: line.length }],
      };
    });
    return {
      pageNumber,
      angle: 0,
      width: 8.2639,
      height: 11.6944,
      unit: 'inch',
      words,
      lines,
      spans: [{ offset: start, length: content.length - start }],
    };
  });
  return {
    apiVersion: '2024-11-30',
    modelId: 'prebuilt-read',
    stringIndexType: 'textElements',
    content,
    pages,
    styles: [],
    contentFormat: 'text',
  };
}

/**
 * Azure AI Document Intelligence's analyze API on 127.0.0.1: POST analyze answers 202 with an
 * Operation-Location, GET polls answer running, then succeeded with an analyzeResult. Records requests.
 */
export async function startFakeDocumentIntelligence(behaviour: FakeBehaviour = {}) {
  const tls = selfSignedTls();
  const requests: FakeRequest[] = [];
  const operations = new Map<string, { polls: number; result: unknown }>();
  let analyzeCalls = 0;
  let pdfPagesSeen = 0;
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'https://127.0.0.1');
        const body = Buffer.concat(chunks);
        requests.push({
          method: req.method ?? '',
          path: url.pathname,
          query: url.searchParams,
          contentType: req.headers['content-type'],
          authorization: req.headers.authorization,
          bodyBytes: body.length,
        });
        const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(value));
        };
        const analyze = /^\/documentintelligence\/documentModels\/prebuilt-read:analyze$/.exec(url.pathname);
        const poll = /^\/documentintelligence\/documentModels\/prebuilt-read\/analyzeResults\/([\w-]+)$/.exec(
          url.pathname,
        );
        if (req.method === 'POST' && analyze) {
          analyzeCalls++;
          if (behaviour.throttleFirst && analyzeCalls === 1) {
            return json(
              429,
              { error: { code: '429', message: 'Rate limit exceeded' } },
              { 'retry-after': '1' },
            );
          }
          if (behaviour.failWith)
            return json(
              behaviour.failWith.status,
              { error: behaviour.failWith.error },
              { 'retry-after': '0' },
            );
          let numbers = [1];
          let first = 1;
          const range = /^(\d+)-(\d+)$/.exec(url.searchParams.get('pages') ?? '');
          if (range) {
            numbers = [];
            for (let n = Number(range[1]); n <= Number(range[2]); n++) numbers.push(n);
          } else if (req.headers['content-type'] === 'application/pdf') {
            const count = (await PDFDocument.load(body)).getPageCount();
            numbers = Array.from({ length: count }, (_, i) => i + 1);
            // Ranges cut out of a PDF arrive in order: number their pages after the ones seen before.
            first = pdfPagesSeen + 1;
            pdfPagesSeen += count;
          }
          const id = randomUUID();
          operations.set(id, { polls: 0, result: analyzeResult(numbers, range ? 1 : first) });
          const port = (server.address() as AddressInfo).port;
          res.writeHead(202, {
            'operation-location': `https://127.0.0.1:${port}/documentintelligence/documentModels/prebuilt-read/analyzeResults/${id}?api-version=2024-11-30`,
            'retry-after': '0',
          });
          return res.end();
        }
        const operation = poll ? operations.get(poll[1] ?? '') : undefined;
        if (req.method === 'GET' && operation) {
          operation.polls++;
          const now = new Date().toISOString();
          if (operation.polls <= (behaviour.runningPolls ?? 1)) {
            return json(
              200,
              { status: 'running', createdDateTime: now, lastUpdatedDateTime: now },
              { 'retry-after': '0' },
            );
          }
          return json(200, {
            status: 'succeeded',
            createdDateTime: now,
            lastUpdatedDateTime: now,
            analyzeResult: operation.result,
          });
        }
        json(404, { error: { code: 'NotFound', message: 'Resource not found' } });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    ca: tls.cert,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
