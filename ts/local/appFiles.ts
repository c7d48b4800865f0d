import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The app's registration files, as package.json "main" names them: `index` and every
 * `<capability>/*.function` file under the functions folder. `ext` is '.js' for the compiled app
 * (dist/functions) and '.ts' for the sources (tests).
 */
export function appEntryFiles(functionsDir: string, ext: '.js' | '.ts'): string[] {
  const root = resolve(functionsDir);
  const files: string[] = [];
  const index = join(root, `index${ext}`);
  if (existsSync(index)) files.push(index);
  for (const entry of readdirSync(root).sort()) {
    const folder = join(root, entry);
    if (!statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder).sort()) {
      if (file.endsWith(`.function${ext}`)) files.push(join(folder, file));
    }
  }
  return files;
}

/** Imports the files in order; each registers its functions at import. */
export async function importAll(files: string[]): Promise<void> {
  for (const file of files) await import(file);
}
