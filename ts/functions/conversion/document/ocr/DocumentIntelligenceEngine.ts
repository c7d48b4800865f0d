import DocumentIntelligence, {
  isUnexpected,
  type AnalyzeOperationOutput,
  type DocumentIntelligenceClient,
  type DocumentIntelligenceClientOptions,
} from '@azure-rest/ai-document-intelligence';
import type { TokenCredential } from '@azure/identity';
import { setTimeout as sleep } from 'node:timers/promises';
import { PDFDocument } from 'pdf-lib';
import type { InspectedScan } from '../inspectScan';
import { ScanRejectedError } from '../rejections';
import { TransientError } from '../TransientError';
import { documentIntelligencePage } from './documentIntelligencePage';
import type { OcrEngine, OcrPage, OcrRequest } from './OcrEngine';

export interface DocumentIntelligenceOptions {
  endpoint: string;
  credential: TokenCredential;
  /** Pages sent in one analysis (the service takes up to 2,000); results stream range by range. */
  pagesPerRequest?: number;
  /** Wait between polls when the service gives no Retry-After (it asks for no faster than ~2 s). */
  pollIntervalMs?: number;
  /** Give up (as transient) after this long waiting for one range. */
  maxWaitMs?: number;
  clientOptions?: DocumentIntelligenceClientOptions;
}

const MODEL = 'prebuilt-read';
const MAX_PAGES_PER_REQUEST = 2000;
const MAX_REQUEST_BYTES = 500 * 1024 * 1024;
const CONTENT_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
} as const;
/** Error codes that mean the document itself cannot be read: a rejection, not a retry. */
const BAD_CONTENT =
  /InvalidContent|UnsupportedContent|InvalidContentDimensions|InvalidContentLength|CorruptedFile/i;

interface ServiceError {
  code?: string;
  message?: string;
  innererror?: { code?: string };
}

function failure(status: number, error: ServiceError | undefined, retryAfter?: number): Error {
  const code = `${error?.code ?? ''} ${error?.innererror?.code ?? ''}`.trim();
  if (BAD_CONTENT.test(code)) return new ScanRejectedError('corrupt', `OCR service: ${code}`);
  if (status === 429 || status >= 500 || status === 0) {
    return new TransientError(`Document Intelligence unavailable (${status} ${code})`, retryAfter);
  }
  return new Error(`Document Intelligence refused the request (${status} ${code}): ${error?.message ?? ''}`);
}

/** Calls the service; a failure to reach it at all (network, DNS, TLS) is transient, so retried. */
async function reach<T>(call: () => PromiseLike<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new TransientError(`Document Intelligence cannot be reached: ${message}`, undefined, {
      cause: error,
    });
  }
}

function retryAfterSeconds(headers: Record<string, string | undefined>): number | undefined {
  const value = Number(headers['retry-after']);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * OCR by Azure AI Document Intelligence (`prebuilt-read`, REST client), with the app's managed
 * identity. A long document goes in page ranges within the service's limits (2,000 pages, 500 MB a
 * request; a PDF range is cut out with pdf-lib so each upload stays small) and its pages come out as
 * each range finishes. Throttling (429 + Retry-After) is retried by the client's own policy; what
 * still fails for the service's sake becomes a TransientError, a bad document a ScanRejectedError.
 */
export class DocumentIntelligenceEngine implements OcrEngine {
  readonly name = 'azure-document-intelligence';
  private readonly client: DocumentIntelligenceClient;
  private readonly pagesPerRequest: number;

  constructor(private readonly options: DocumentIntelligenceOptions) {
    this.client = DocumentIntelligence(options.endpoint, options.credential, options.clientOptions);
    this.pagesPerRequest = Math.min(MAX_PAGES_PER_REQUEST, Math.max(1, options.pagesPerRequest ?? 100));
  }

  async *recognizePages(request: OcrRequest): AsyncGenerator<OcrPage> {
    const { inspected } = request;
    const source =
      inspected.kind === 'pdf' ? await PDFDocument.load(request.scan, { updateMetadata: false }) : undefined;
    for (let first = 0; first < inspected.pageCount; first += this.pagesPerRequest) {
      const last = Math.min(inspected.pageCount, first + this.pagesPerRequest) - 1;
      const whole = first === 0 && last === inspected.pageCount - 1;
      let body = request.scan;
      let pages: string | undefined = whole ? undefined : `${first + 1}-${last + 1}`;
      let pageOffset = 0; // page numbers in the result are relative to what was sent
      if (source && (!whole || request.scan.length > MAX_REQUEST_BYTES)) {
        body = await pdfRange(source, first, last);
        pages = undefined;
        pageOffset = first;
      }
      if (body.length > MAX_REQUEST_BYTES)
        throw new ScanRejectedError('too-large', 'over the OCR service limit of 500 MB');
      const operation = await this.analyze(body, inspected, pages);
      const byNumber = new Map((operation.analyzeResult?.pages ?? []).map((page) => [page.pageNumber, page]));
      for (let index = first; index <= last; index++) {
        const page = byNumber.get(index + 1 - pageOffset);
        const geometry = inspected.pages[index];
        if (!geometry) throw new Error(`No page ${index + 1}`);
        yield page
          ? documentIntelligencePage(page, index, geometry)
          : {
              index,
              widthPt: geometry.widthPt,
              heightPt: geometry.heightPt,
              text: '',
              confidence: 0,
              words: [],
            };
      }
    }
  }

  private async analyze(
    body: Buffer,
    inspected: InspectedScan,
    pages?: string,
  ): Promise<AnalyzeOperationOutput> {
    const submitted = await reach(() =>
      this.client.path('/documentModels/{modelId}:analyze', MODEL).post({
        contentType: CONTENT_TYPES[inspected.kind],
        body,
        queryParameters: pages ? { pages } : {},
      }),
    );
    if (isUnexpected(submitted)) {
      throw failure(Number(submitted.status), submitted.body.error, retryAfterSeconds(submitted.headers));
    }
    const location = submitted.headers['operation-location'];
    const resultId = /\/analyzeResults\/([^/?]+)/.exec(location ?? '')?.[1];
    if (!resultId) throw new TransientError('Document Intelligence gave no Operation-Location');
    const deadline = Date.now() + (this.options.maxWaitMs ?? 10 * 60_000);
    let wait = retryAfterSeconds(submitted.headers);
    for (;;) {
      await sleep(wait !== undefined ? wait * 1000 : (this.options.pollIntervalMs ?? 2000));
      const polled = await reach(() =>
        this.client.path('/documentModels/{modelId}/analyzeResults/{resultId}', MODEL, resultId).get(),
      );
      if (isUnexpected(polled)) {
        throw failure(Number(polled.status), polled.body.error, retryAfterSeconds(polled.headers));
      }
      const operation = polled.body;
      if (operation.status === 'succeeded') return operation;
      if (operation.status === 'failed' || operation.status === 'canceled') {
        throw failure(
          operation.error?.code && BAD_CONTENT.test(operation.error.code) ? 400 : 500,
          operation.error,
        );
      }
      if (Date.now() > deadline)
        throw new TransientError('Document Intelligence took too long; try again later');
      wait = retryAfterSeconds(polled.headers);
    }
  }
}

/** Pages first..last (0-based) of a loaded PDF as a PDF of their own. */
async function pdfRange(source: PDFDocument, first: number, last: number): Promise<Buffer> {
  const part = await PDFDocument.create({ updateMetadata: false });
  const indices = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  for (const page of await part.copyPages(source, indices)) part.addPage(page);
  return Buffer.from(await part.save());
}
