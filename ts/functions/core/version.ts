import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface PackageJson {
  name?: string;
  version?: string;
}

let found: { root: string; pkg: PackageJson } | undefined;

/** The app's root folder (where package.json and host.json are), from source or compiled code alike. */
export function appRoot(): string {
  return locate().root;
}

/** The app version from package.json. */
export function appVersion(): string {
  return locate().pkg.version ?? 'unknown';
}

function locate(): { root: string; pkg: PackageJson } {
  if (found) return found;
  for (let dir = __dirname, i = 0; i < 6; i++, dir = join(dir, '..')) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (pkg.name === 'etransactions') return (found = { root: dir, pkg });
    } catch {
      // not here; keep walking up
    }
  }
  throw new Error(`package.json of etransactions not found above ${__dirname}`);
}
