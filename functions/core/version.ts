import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app version from package.json, found by walking up from this file (source or compiled). */
export function appVersion(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = join(dir, '..')) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'etransactions' && pkg.version) return pkg.version;
    } catch {
      // not here; keep walking up
    }
  }
  return 'unknown';
}
