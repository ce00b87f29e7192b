// Where the code of a worker entry (`electron/core/**/<name>.worker.ts`) is, however Sifter runs:
// the built CLI and the Electron main bundle find out/workers/<name>.mjs (bundled by
// scripts/build-node.mjs); from the source tree (vitest) the entry is bundled once per process with
// esbuild into node_modules/.cache, and that bundle is removed when the process exits.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceBuilds = new Map<string, Promise<string>>();

async function bundleFromSource(entry: string, name: string): Promise<string> {
  // esbuild is a dev dependency: this path only runs from the source tree.
  const { build } = await import('esbuild');
  // Inside the repository's node_modules/.cache, so the bundle's external packages resolve.
  const cache = join(dirname(fileURLToPath(import.meta.url)), '../../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, 'sifter-worker-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    entryPoints: { [name]: entry },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
    // As in scripts/build-node.mjs: bundled ESM still meets CommonJS-style `require` in places.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return join(outdir, `${name}.mjs`);
}

/**
 * The script of worker `name` (e.g. 'segment-build.worker'), or null when none can be found.
 * `callerUrl` is the caller's `import.meta.url`: from source it names the folder holding
 * `<name>.ts`; in a bundle it names the bundle, beside which out/workers/ lies.
 * `override` is an environment variable that may point at a script (for tests and packaging).
 */
export async function workerScript(
  name: string,
  callerUrl: string,
  override?: string,
): Promise<string | null> {
  const overridden = override ? process.env[override] : undefined;
  if (overridden && existsSync(overridden)) return overridden;
  const caller = fileURLToPath(callerUrl);
  if (caller.endsWith('.ts')) {
    const entry = join(dirname(caller), `${name}.ts`);
    let bundle = sourceBuilds.get(entry);
    if (!bundle) {
      bundle = bundleFromSource(entry, name);
      sourceBuilds.set(entry, bundle);
    }
    return bundle;
  }
  const candidates = [
    join(dirname(caller), '../workers', `${name}.mjs`),
    join(dirname(caller), 'workers', `${name}.mjs`),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}
