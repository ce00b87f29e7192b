#!/usr/bin/env node
// `npm run bench`: every benchmark in turn — import, then search — each printing its figures.
// `--messages N` is passed to both (e.g. `npm run bench -- --messages 300000`); options that only
// one benchmark knows go to `npm run bench:import` or `npm run bench:search` directly.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let failed = false;
for (const bench of ['import.mjs', 'search.mjs']) {
  console.error(`\n━━ bench/${bench}`);
  const run = spawnSync(process.execPath, [join(here, bench), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
