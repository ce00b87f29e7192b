// Builds what plain Node runs — the `sifter` CLI (which also serves browser mode) and worker
// entries — with esbuild, next to electron-vite's three bundles. node:sqlite and the packages in
// node_modules stay external: they are loaded from node_modules at run time.
import { build } from 'esbuild';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Worker entries: every electron/core/**\/*.worker.ts becomes out/workers/<name>.mjs. */
function workerEntries(dir = 'electron/core') {
  const found = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(found, workerEntries(path));
    else if (entry.name.endsWith('.worker.ts')) found[entry.name.replace(/\.ts$/, '')] = path;
  }
  return found;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  define: { __SIFTER_VERSION__: JSON.stringify(pkg.version) },
  // Bundled ESM still meets CommonJS-style code in a few dependencies' paths.
  banner: {
    js: "import { createRequire as __sifterCreateRequire } from 'node:module'; const require = __sifterCreateRequire(import.meta.url);",
  },
};

await build({
  ...common,
  entryPoints: { sifter: 'electron/cli/index.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
});
const workers = workerEntries();
if (Object.keys(workers).length > 0) {
  await build({ ...common, entryPoints: workers, outdir: 'out/workers', outExtension: { '.js': '.mjs' } });
}
if (!existsSync('out/cli/sifter.mjs')) throw new Error('build-node: out/cli/sifter.mjs was not written');
console.error(
  `build-node: out/cli/sifter.mjs${Object.keys(workers).length ? ` and ${Object.keys(workers).length} worker(s) in out/workers/` : ''}`,
);
