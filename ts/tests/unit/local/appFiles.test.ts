import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appEntryFiles } from '../../../local/appFiles';

const root = join(__dirname, '..', '..', '..');

describe('the app registration files', () => {
  it('are what package.json "main" names: index and every <capability>/*.function file', () => {
    const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }).main;
    expect(main).toBe('dist/functions/{index.js,*/*.function.js}');
    const files = appEntryFiles(join(root, 'functions'), '.ts').map((file) => relative(root, file));
    expect(files[0]).toBe(join('functions', 'index.ts'));
    expect(files).toContain(join('functions', 'health', 'health.function.ts'));
    for (const file of files.slice(1)) expect(file).toMatch(/^functions\/[^/]+\/[^/]+\.function\.ts$/);
  });

  it('register no function twice when the whole app is loaded', async () => {
    const { captureRegistrations } = await import('../../../local/functionsCore');
    const { importAll } = await import('../../../local/appFiles');
    const app = await captureRegistrations(() => importAll(appEntryFiles(join(root, 'functions'), '.ts')));
    expect(app.functions.has('health')).toBe(true);
  });
});
