import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { childProcessEnv } from '../../../core/config';
import type { InspectedPage } from '../inspectScan';
import { decodeTiffPage } from '../pdf/decodeTiffPage';
import { toNetpbm } from '../pdf/rawPage';
import { ScanRejectedError } from '../rejections';
import {
  LANGUAGE_PATTERN,
  meanConfidence,
  pageText,
  type OcrEngine,
  type OcrPage,
  type OcrRequest,
} from './OcrEngine';
import { inOrder } from './inOrder';
import { tesseractTsvPages, tesseractTsvWords } from './tesseractTsv';

const run = promisify(execFile);

export interface TesseractOptions {
  /** Single-threaded tesseract processes at once. Default: the machine's cores. */
  concurrency?: number;
  /**
   * Most pages one process reads (default 16). Loading the language models costs about a third of a
   * page, so a document is shared out evenly over `concurrency` processes, up to this many pages each.
   */
  maxPagesPerProcess?: number;
  /** Folder of traineddata files; default: tesseract's own. */
  tessdataDir?: string;
}

interface ProcessError extends Error {
  code?: string | number;
  stderr?: string;
}

/**
 * OCR with Debian's `tesseract` (and its `vie` model), for the local host: no Azure needed. Pages go in
 * small batches of consecutive pages of one resolution, one batch per process (a list file of page
 * images), with OMP_THREAD_LIMIT=1: tesseract's own threads gain little, processes side by side use every
 * core, and a batch loads the language models once. PDF pages are rendered by poppler's pdftoppm at their
 * images' resolution; TIFF pages are decoded one at a time. Page images live in a temporary folder and
 * are removed as soon as their batch is read.
 */
export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract';
  private readonly concurrency: number;
  private readonly maxPagesPerProcess: number;

  constructor(private readonly options: TesseractOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? availableParallelism());
    this.maxPagesPerProcess = Math.max(1, options.maxPagesPerProcess ?? 16);
  }

  async *recognizePages(request: OcrRequest): AsyncGenerator<OcrPage> {
    if (!LANGUAGE_PATTERN.test(request.language))
      throw new Error(`OCR language "${request.language}" is not valid`);
    const dir = await mkdtemp(join(tmpdir(), 'ocr-'));
    try {
      const source = join(dir, `scan.${request.inspected.kind}`);
      await writeFile(source, request.scan);
      const { pages } = request.inspected;
      const perProcess = Math.min(this.maxPagesPerProcess, Math.ceil(pages.length / this.concurrency));
      const batches = pageBatches(pages, Math.max(1, perProcess));
      const results = inOrder(batches.length, this.concurrency, (b) =>
        this.recognizeBatch(request, source, dir, batches[b] ?? []),
      );
      for await (const pages of results) yield* pages;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Writes the batch's page images, reads them in one tesseract process, returns the pages in order. */
  private async recognizeBatch(
    request: OcrRequest,
    source: string,
    dir: string,
    indexes: number[],
  ): Promise<OcrPage[]> {
    const images = [];
    for (const index of indexes) images.push(await this.pageImage(request, source, dir, index));
    const first = indexes[0] ?? 0;
    const list = join(dir, `batch-${first}.txt`);
    await writeFile(list, images.join('\n') + '\n');
    const dpi = this.page(request, first).dpi;
    const args = [list, 'stdout', '--dpi', String(dpi), '-l', request.language, '-c', 'tessedit_do_invert=0'];
    if (this.options.tessdataDir) args.push('--tessdata-dir', this.options.tessdataDir);
    try {
      const byPage = tesseractTsvPages(await this.tool('tesseract', [...args, 'tsv']));
      return indexes.map((index, i) => {
        const page = this.page(request, index);
        const words = tesseractTsvWords(byPage.get(i + 1) ?? '', page.dpi);
        return {
          index,
          widthPt: page.widthPt,
          heightPt: page.heightPt,
          text: pageText(words),
          confidence: meanConfidence(words),
          words,
        };
      });
    } finally {
      await Promise.all(
        [list, ...images.filter((image) => image !== source)].map((file) => rm(file, { force: true })),
      );
    }
  }

  private page(request: OcrRequest, index: number): InspectedPage {
    const page = request.inspected.pages[index];
    if (!page) throw new Error(`No page ${index + 1}`);
    return page;
  }

  /** The image tesseract reads for a page: the scan itself, a rendered PDF page, or a decoded TIFF page. */
  private async pageImage(request: OcrRequest, source: string, dir: string, index: number): Promise<string> {
    if (request.inspected.kind === 'pdf') {
      const image = join(dir, `page-${index}`);
      const n = String(index + 1);
      const dpi = String(this.page(request, index).dpi);
      await this.tool('pdftoppm', ['-r', dpi, '-f', n, '-l', n, '-gray', '-singlefile', source, image]);
      return `${image}.pgm`;
    }
    if (request.inspected.kind === 'tiff') {
      const image = join(dir, `page-${index}.pnm`);
      await writeFile(image, toNetpbm(decodeTiffPage(request.scan, index)));
      return image;
    }
    return source;
  }

  private async tool(command: string, args: string[]): Promise<string> {
    try {
      const { stdout } = await run(command, args, {
        // One thread per process: pages run in parallel processes, which is faster than threads.
        env: childProcessEnv({ OMP_THREAD_LIMIT: '1' }),
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      const failure = error as ProcessError;
      if (failure.code === 'ENOENT')
        throw new Error(`${command} is not installed (Debian: tesseract-ocr, poppler-utils)`, {
          cause: error,
        });
      const stderr = failure.stderr ?? '';
      if (/Failed loading language|Could not initialize tesseract/i.test(stderr)) {
        throw new Error(`tesseract cannot load the languages: ${stderr.trim().split('\n')[0] ?? ''}`, {
          cause: error,
        });
      }
      throw new ScanRejectedError('corrupt', `${command} cannot read a page`);
    }
  }
}

/** Consecutive pages of one resolution, at most `size` together (one `--dpi` per tesseract run). */
export function pageBatches(pages: readonly InspectedPage[], size: number): number[][] {
  const batches: number[][] = [];
  pages.forEach((page, index) => {
    const last = batches.at(-1);
    const lastPage = last ? pages[last[0] ?? 0] : undefined;
    if (last && last.length < size && lastPage?.dpi === page.dpi) last.push(index);
    else batches.push([index]);
  });
  return batches;
}
