import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { childProcessEnv } from '../../../core/config';
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
import { tesseractTsvWords } from './tesseractTsv';

const run = promisify(execFile);

export interface TesseractOptions {
  /** Pages read at once, each in its own single-threaded process. Default: the machine's cores. */
  concurrency?: number;
  /** Folder of traineddata files; default: tesseract's own. */
  tessdataDir?: string;
}

interface ProcessError extends Error {
  code?: string | number;
  stderr?: string;
}

/**
 * OCR with Debian's `tesseract` (and its `vie` model), for the local host: no Azure needed. Each page
 * runs in its own process with OMP_THREAD_LIMIT=1: tesseract's own threads gain little, and processes
 * side by side use every core. PDF pages are rendered by poppler's pdftoppm at their images' resolution;
 * TIFF pages are decoded one at a time. Page images live in a temporary folder, removed at the end.
 */
export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract';
  private readonly concurrency: number;

  constructor(private readonly options: TesseractOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  }

  async *recognizePages(request: OcrRequest): AsyncGenerator<OcrPage> {
    if (!LANGUAGE_PATTERN.test(request.language))
      throw new Error(`OCR language "${request.language}" is not valid`);
    const dir = await mkdtemp(join(tmpdir(), 'ocr-'));
    try {
      const source = join(dir, `scan.${request.inspected.kind}`);
      await writeFile(source, request.scan);
      yield* inOrder(request.inspected.pageCount, this.concurrency, (index) =>
        this.recognizePage(request, source, dir, index),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async recognizePage(
    request: OcrRequest,
    source: string,
    dir: string,
    index: number,
  ): Promise<OcrPage> {
    const page = request.inspected.pages[index];
    if (!page) throw new Error(`No page ${index + 1}`);
    let image = source;
    if (request.inspected.kind === 'pdf') {
      image = join(dir, `page-${index}`);
      const n = String(index + 1);
      await this.tool('pdftoppm', [
        '-r',
        String(page.dpi),
        '-f',
        n,
        '-l',
        n,
        '-gray',
        '-singlefile',
        source,
        image,
      ]);
      image += '.pgm';
    } else if (request.inspected.kind === 'tiff') {
      image = join(dir, `page-${index}.pnm`);
      await writeFile(image, toNetpbm(decodeTiffPage(request.scan, index)));
    }
    const args = [
      image,
      'stdout',
      '--dpi',
      String(page.dpi),
      '-l',
      request.language,
      '-c',
      'tessedit_do_invert=0',
    ];
    if (this.options.tessdataDir) args.push('--tessdata-dir', this.options.tessdataDir);
    const tsv = await this.tool('tesseract', [...args, 'tsv']);
    if (image !== source) await rm(image, { force: true });
    const words = tesseractTsvWords(tsv, page.dpi);
    return {
      index,
      widthPt: page.widthPt,
      heightPt: page.heightPt,
      text: pageText(words),
      confidence: meanConfidence(words),
      words,
    };
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
