/**
 * `npm run bench`: runs every benchmark in this folder, one process each so that their memory
 * figures do not mix. Each prints its own ratio against a baseline measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchmarks = readdirSync(__dirname)
  .filter((file) => file.endsWith('.js') && file !== 'run.js')
  .sort();
if (benchmarks.length === 0) console.log('No benchmarks found.');
let failed = 0;
for (const file of benchmarks) {
  console.log(`\n== ${file.replace(/\.js$/, '')} ==`);
  const result = spawnSync(process.execPath, ['--expose-gc', join(__dirname, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
