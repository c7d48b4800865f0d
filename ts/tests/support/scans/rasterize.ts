import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RasterizeOptions {
  format: 'png' | 'jpeg' | 'pgm';
  dpi: number;
  gray?: boolean;
}

/** Renders every page of a PDF with poppler's pdftoppm, as a scanner would see the paper: one image per page. */
export async function rasterize(pdf: Buffer, options: RasterizeOptions): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'scan-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const format =
      options.format === 'pgm' ? ['-gray'] : [`-${options.format}`, ...(options.gray ? ['-gray'] : [])];
    await run('pdftoppm', ['-r', String(options.dpi), ...format, join(dir, 'in.pdf'), join(dir, 'page')]);
    const files = (await readdir(dir)).filter((name) => name.startsWith('page')).sort();
    return await Promise.all(files.map((name) => readFile(join(dir, name))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
