import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs `use` with the PDF written to a temporary file, then removes it. */
async function withFile<T>(pdf: Buffer, use: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-check-'));
  try {
    const path = join(dir, 'document.pdf');
    await writeFile(path, pdf);
    return await use(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text poppler's pdftotext extracts, as a reader's search would find it. */
export function pdfText(pdf: Buffer, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return withFile(pdf, async (path) => (await run('pdftotext', [...range, path, '-'])).stdout);
}

/** pdfinfo's fields, e.g. Pages, "Page size". */
export function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    return Object.fromEntries(
      stdout
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1] ?? '', match[2] ?? '']),
    );
  });
}

/** The QR code (one a page) zbarimg reads from a page rendered at 200 dpi, as a phone would from a print. */
export function qrCodes(pdf: Buffer, page = 1): Promise<string[]> {
  return withFile(pdf, async (path, dir) => {
    await run('pdftoppm', [
      '-r',
      '200',
      '-png',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      path,
      join(dir, 'page'),
    ]);
    try {
      const { stdout } = await run('zbarimg', [
        '--quiet',
        '--raw',
        '-Sdisable',
        '-Sqrcode.enable',
        join(dir, 'page.png'),
      ]);
      // --raw prints the decoded text as it is; these documents carry one code a page.
      const text = stdout.replace(/\n$/, '');
      return text ? [text] : [];
    } catch (error) {
      if ((error as { code?: number }).code === 4) return []; // zbarimg: no symbol found
      throw error;
    }
  });
}

/** pdfsig's report (it exits 0 whatever it finds, so its text is what counts). */
export function pdfSignatures(pdf: Buffer): Promise<string> {
  return withFile(pdf, async (path) => {
    try {
      return (await run('pdfsig', [path])).stdout;
    } catch (error) {
      return `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    }
  });
}
