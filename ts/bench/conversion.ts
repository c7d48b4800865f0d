/**
 * `npm run bench:conversion`: one 20-page scan converted by the app's pipeline with the local OCR
 * (inspect, OCR, stamp, QR, text layer, signing, hashing), and the same scan by OCRmyPDF with the speed
 * options its documentation gives, as the baseline. Each run is its own child process, so both are
 * measured the same way: wall time, and peak memory as the RSS of the process and all its children,
 * sampled from /proc. The two alternate for BENCH_ROUNDS rounds (default 2) and the best run of each
 * counts, since the machine may be busy with other work. The pipeline is also run on 5 pages to show
 * whether memory grows with pages.
 * The last line printed is one JSON object with every figure.
 *
 * Nothing is installed here: without `ocrmypdf` on the PATH the pipeline is reported alone.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildDataMessage } from '../functions/conversion/document/buildDataMessage';
import { inspectScan } from '../functions/conversion/document/inspectScan';
import type { OcrEngine, OcrPage, OcrRequest } from '../functions/conversion/document/ocr/OcrEngine';
import { TesseractEngine } from '../functions/conversion/document/ocr/TesseractEngine';
import { encodeQrPayload } from '../functions/conversion/document/qrPayload';
import { DEFAULT_SCAN_LIMITS } from '../functions/conversion/document/scanLimits';
import { signerFromSettings } from '../functions/conversion/document/signing/signerFromSettings';
import { DATA_MESSAGE_SYMBOL } from '../functions/conversion/dataMessageSymbol';
import { pdfScan } from '../tests/support/scans';

const run = promisify(execFile);
const PAGES = 20;
const SMALL_PAGES = 5;
const LANGUAGE = 'vie+eng';
/** OCRmyPDF's documented speed settings ("Performance": no optimisation, no PDF/A, no fast web view). */
const OCRMYPDF_SPEED_OPTIONS = ['--optimize', '0', '--output-type', 'pdf', '--fast-web-view', '0'];

interface WorkerReport {
  pages: number;
  seconds: number;
  ocrWaitSeconds: number;
  outputBytes: number;
  outputSha256: string;
  signed: boolean;
}

interface Measured<T> {
  seconds: number;
  peakRssBytes: number;
  result: T;
}

/** Waits on OCR pages and counts the time spent waiting: what is left is the pipeline's own work. */
class TimedEngine implements OcrEngine {
  waitMs = 0;
  constructor(private readonly engine: OcrEngine) {}
  get name(): string {
    return this.engine.name;
  }
  recognizePages(request: OcrRequest): AsyncIterable<OcrPage> {
    const inner = this.engine.recognizePages(request)[Symbol.asyncIterator]();
    return {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const started = performance.now();
          try {
            return await inner.next();
          } finally {
            this.waitMs += performance.now() - started;
          }
        },
      }),
    };
  }
}

/** Converts one scan with the whole pipeline, as the app does for an upload. */
async function convert(scan: Buffer, ocr: OcrEngine): Promise<{ pages: number; pdf: Buffer }> {
  const convertedAtUtc = new Date();
  const code = 'K7Q-M4T-ZP5';
  const inspected = await inspectScan(scan, 'pdf', DEFAULT_SCAN_LIMITS);
  const built = await buildDataMessage(scan, inspected, {
    language: LANGUAGE,
    ocr,
    symbol: {
      symbolVi: DATA_MESSAGE_SYMBOL.vi,
      symbolEn: DATA_MESSAGE_SYMBOL.en,
      convertedAtUtc,
      converter: 'Sở Tư pháp Hà Nội',
      lookupCode: code,
      qrPayload: encodeQrPayload({
        symbol: DATA_MESSAGE_SYMBOL.vi,
        convertedAtUtc,
        converter: 'Sở Tư pháp Hà Nội',
        code,
        verifyUrl: `http://127.0.0.1:7071/api/data-messages/${code}`,
      }),
    },
  });
  const signer = await signerFromSettings();
  const signed = await signer.sign(built.pdf, { reason: 'Benchmark', signerName: 'Sở Tư pháp Hà Nội' });
  return { pages: built.pageCount, pdf: signed.pdf };
}

/**
 * The child process: converts one scan file and reports its timings on stdout. A one-page conversion
 * first warms the process (fonts, signing certificate, modules), as a running function app is warm
 * when an upload arrives; the figures are for the document itself.
 */
async function worker(file: string): Promise<void> {
  const scan = await readFile(file);
  await convert(await pdfScan(1), new TesseractEngine());
  const started = performance.now();
  const ocr = new TimedEngine(new TesseractEngine());
  const { pages, pdf } = await convert(scan, ocr);
  const report: WorkerReport = {
    pages,
    seconds: (performance.now() - started) / 1000,
    ocrWaitSeconds: ocr.waitMs / 1000,
    outputBytes: pdf.length,
    outputSha256: createHash('sha256').update(pdf).digest('hex'),
    signed: true,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** RSS of a process and all its descendants, from /proc (Linux). */
function treeRssBytes(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirProc();
  } catch {
    return 0;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function readdirProc(): string[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name));
}

/** Runs a command as a child, sampling its process tree's RSS every 50 ms. */
function measure(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Measured<string>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    const sample = (): void => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRssBytes(child.pid));
    };
    const timer = setInterval(sample, 50);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command} exited with ${code}: ${stderr.slice(-2000)}`));
      else resolve({ seconds, peakRssBytes: peak, result: stdout });
    });
  });
}

async function ocrmypdfVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await run('ocrmypdf', ['--version']);
    return stdout.trim();
  } catch {
    return undefined;
  }
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function pipelineRun(file: string): Promise<Measured<WorkerReport>> {
  const measured = await measure(process.execPath, [__filename, '--worker', file]);
  const lines = measured.result.trim().split('\n');
  return { ...measured, result: JSON.parse(lines[lines.length - 1] ?? '{}') as WorkerReport };
}

/** Best (shortest) run: the one least disturbed by whatever else the machine was doing. */
function best<T>(runs: Measured<T>[]): Measured<T> {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

async function main(): Promise<void> {
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? '2') || 2);
  const dir = await mkdtemp(join(tmpdir(), 'bench-conversion-'));
  try {
    console.log(`Making a ${PAGES}-page scan (200 dpi JPEG pages) and a ${SMALL_PAGES}-page one…`);
    const big = join(dir, `scan-${PAGES}.pdf`);
    const small = join(dir, `scan-${SMALL_PAGES}.pdf`);
    await writeFile(big, await pdfScan(PAGES));
    await writeFile(small, await pdfScan(SMALL_PAGES));
    const loadBefore = loadavg()[0] ?? 0;

    const version = await ocrmypdfVersion();
    if (version === undefined) {
      console.log('ocrmypdf is not installed (apt-get install ocrmypdf): reporting the pipeline alone.');
    }
    const ocrmypdfArgs = [
      '-l',
      LANGUAGE,
      ...OCRMYPDF_SPEED_OPTIONS,
      '--quiet',
      big,
      join(dir, 'ocrmypdf.pdf'),
    ];

    console.log(`Pipeline, ${SMALL_PAGES} pages…`);
    const pipelineSmall = await pipelineRun(small);
    // Rounds alternate the two, so a burst of load elsewhere does not fall on one side only.
    const pipelineRuns: Measured<WorkerReport>[] = [];
    const baselineRuns: Measured<string>[] = [];
    for (let turn = 1; turn <= rounds; turn++) {
      console.log(`Round ${turn}/${rounds}: pipeline, ${PAGES} pages…`);
      pipelineRuns.push(await pipelineRun(big));
      if (version !== undefined) {
        console.log(
          `Round ${turn}/${rounds}: ocrmypdf ${ocrmypdfArgs.slice(0, -2).join(' ')} (OCRmyPDF ${version})…`,
        );
        baselineRuns.push(await measure('ocrmypdf', ocrmypdfArgs));
      }
    }

    const pipeline = best(pipelineRuns);
    const pipelinePeak = Math.max(...pipelineRuns.map((r) => r.peakRssBytes));
    const perPage = pipeline.seconds / PAGES;
    const nonOcrShare = (pipeline.result.seconds - pipeline.result.ocrWaitSeconds) / pipeline.result.seconds;
    console.log(
      `Pipeline: ${round(pipeline.seconds, 2)} s, ${round(perPage)} s/page with process start and warm-up ` +
        `(${round(pipeline.result.seconds / PAGES)} s/page in the warm process), peak RSS ${mb(pipelinePeak)} MB ` +
        `(${SMALL_PAGES} pages: ${mb(pipelineSmall.peakRssBytes)} MB), ` +
        `outside OCR ${round(nonOcrShare * 100, 1)} % of the time`,
    );
    let baseline: { seconds: number; secondsPerPage: number; peakRssMb: number; runs: number[] } | undefined;
    if (baselineRuns.length > 0) {
      const fastest = best(baselineRuns);
      baseline = {
        seconds: round(fastest.seconds, 2),
        secondsPerPage: round(fastest.seconds / PAGES),
        peakRssMb: mb(Math.max(...baselineRuns.map((r) => r.peakRssBytes))),
        runs: baselineRuns.map((r) => round(r.seconds, 2)),
      };
      console.log(
        `OCRmyPDF: ${baseline.seconds} s, ${baseline.secondsPerPage} s/page, peak RSS ${baseline.peakRssMb} MB`,
      );
    }

    const ratio = baseline ? round(baseline.seconds / pipeline.seconds, 2) : null;
    if (ratio !== null)
      console.log(`Pipeline is ${ratio}× the speed of OCRmyPDF per page (best of ${rounds} each).`);
    const figures = {
      benchmark: 'conversion',
      pages: PAGES,
      rounds,
      cpus: availableParallelism(),
      loadAverageAtStart: round(loadBefore, 2),
      node: process.version,
      pipeline: {
        seconds: round(pipeline.seconds, 2),
        secondsPerPage: round(perPage),
        runs: pipelineRuns.map((r) => round(r.seconds, 2)),
        peakRssMb: mb(pipelinePeak),
        warmSecondsPerPage: round(pipeline.result.seconds / PAGES),
        ocrWaitSeconds: round(pipeline.result.ocrWaitSeconds, 2),
        nonOcrShare: round(nonOcrShare),
        outputBytes: pipeline.result.outputBytes,
        signed: pipeline.result.signed,
        smallRun: {
          pages: SMALL_PAGES,
          secondsPerPage: round(pipelineSmall.seconds / SMALL_PAGES),
          peakRssMb: mb(pipelineSmall.peakRssBytes),
        },
        memoryGrowth: round(pipelinePeak / pipelineSmall.peakRssBytes, 2),
      },
      ocrmypdf: baseline
        ? { available: true, version, options: OCRMYPDF_SPEED_OPTIONS.join(' '), ...baseline }
        : { available: false },
      speedRatio: ratio,
      goals: {
        atLeastTwiceAsFast: ratio === null ? null : ratio >= 2,
        nonOcrUnderTenPercent: nonOcrShare < 0.1,
        memoryFlat: pipelinePeak / pipelineSmall.peakRssBytes < 1.25,
      },
    };
    console.log(JSON.stringify(figures));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const workerAt = process.argv.indexOf('--worker');
const file = workerAt >= 0 ? process.argv[workerAt + 1] : undefined;
(file ? worker(file) : main()).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
