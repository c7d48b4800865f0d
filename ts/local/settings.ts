import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads local.settings.json (or, on a fresh clone, local.settings.sample.json) into the process
 * environment the way Core Tools does: a variable already set in the environment wins.
 */
export function loadLocalSettings(root: string): string | undefined {
  const file = [join(root, 'local.settings.json'), join(root, 'local.settings.sample.json')].find((path) =>
    existsSync(path),
  );
  if (!file) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { Values?: Record<string, unknown> };
  for (const [name, value] of Object.entries(parsed.Values ?? {})) {
    if (process.env[name] !== undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      process.env[name] = String(value);
    }
  }
  return file;
}
