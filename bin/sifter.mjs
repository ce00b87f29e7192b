#!/usr/bin/env node
// The `sifter` command. It runs the CLI bundle that `npm run build` writes to out/cli/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/sifter.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('sifter: the CLI is not built yet. Run `npm run build` (npm install runs it too).\n');
  process.exit(1);
}
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `sifter: needs Node.js 24 or newer (this is ${process.version}). Run it through npm (npx sifter …, npm run serve), which uses the Node 24 the project pins.\n`,
  );
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
