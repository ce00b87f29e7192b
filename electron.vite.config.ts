// electron-vite builds the app's three bundles into out/ (the CLI and workers are built by
// scripts/build-node.mjs beside them):
//   main     electron/main/index.ts     → out/main/index.js     ESM; node:* (node:sqlite!) and
//                                                                 node_modules stay external
//   preload  electron/preload/index.ts  → out/preload/index.cjs CommonJS, fully bundled: a
//                                                                 sandboxed preload cannot require
//                                                                 files, and an ESM preload would
//                                                                 force the sandbox off
//   renderer renderer/index.html        → out/renderer/
// Building needs no Electron binary: only the electron package's version is read.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string) => resolve(root, path);
const nodeBuiltins = [/^node:/];
// Every bare package import ('zod', '@nlpjs/lang-uk', 'electron-store'…), as in the CLI bundle
// (scripts/build-node.mjs): node_modules ships beside the app, and a source-only dynamic import
// (esbuild in electron/core/search/worker-pool.ts) must never be pulled into the bundle.
const packages = /^[a-z@][^:]*$/i;

/**
 * electron-vite puts a CommonJS shim (`const require = createRequire(import.meta.url)`, among
 * others) at the top of an ESM main bundle that mentions `require(`. A module that makes its own
 * module-level `const require = createRequire(import.meta.url)` then ends up declaring `require`
 * twice in one scope, and the app dies at start with a SyntaxError — nothing here can run
 * Electron to notice. The two bindings are identical, so the module's own copy is dropped.
 */
function dedupeCommonJsShim(): Plugin {
  const shim = 'const require = __shims_module__.createRequire(import.meta.url);';
  const own = /^(?:var|let|const) require = createRequire\(import\.meta\.url\);$/gm;
  return {
    name: 'sifter:dedupe-commonjs-shim',
    apply: 'build',
    enforce: 'post',
    renderChunk(code) {
      if (!code.includes(shim) || !own.test(code)) return null;
      own.lastIndex = 0;
      return { code: code.replace(own, '/* require: the CommonJS shim above declares it */'), map: null };
    },
  };
}

/**
 * `npm run dev` only: Vite's dev server injects an inline React-refresh preamble and <style> tags
 * and talks to its HMR socket, all of which the production CSP in renderer/index.html forbids.
 * The relaxed policy never reaches a build (`apply: 'serve'`).
 */
function devServerCsp(): Plugin {
  return {
    name: 'sifter:dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
    },
  };
}

export default defineConfig({
  main: {
    plugins: [dedupeCommonJsShim()],
    build: {
      outDir: at('out/main'),
      externalizeDeps: true,
      lib: { entry: at('electron/main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
      rolldownOptions: { external: [...nodeBuiltins, packages] },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // Only `electron` (which the sandbox provides) may stay outside the bundle.
      externalizeDeps: false,
      lib: { entry: at('electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rolldownOptions: { external: ['electron'], output: { inlineDynamicImports: true } },
    },
  },
  renderer: {
    root: at('renderer'),
    plugins: [react(), devServerCsp()],
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: at('renderer/index.html') },
    },
  },
});
