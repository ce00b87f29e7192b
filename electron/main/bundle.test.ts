// The Electron bundles as electron-vite writes them. The app cannot start here (no Electron
// binary), so what can be checked without it is checked on the files: the preload is one
// CommonJS file that needs nothing but `electron` (a sandboxed preload cannot require files), and
// the main bundle is valid ESM whose every import resolves.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'out/main/index.js');
const PRELOAD = join(ROOT, 'out/preload/index.cjs');

beforeAll(() => {
  if (existsSync(MAIN) && existsSync(PRELOAD)) return;
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}\n${built.stderr}`);
}, 120_000);

describe('built preload', () => {
  it('is a single CommonJS file that requires only electron', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).toContain('exposeInMainWorld("sifter"');
  });
});

describe('built main', () => {
  it('parses as a module (no duplicate declarations from bundling)', () => {
    const check = spawnSync(process.execPath, ['--check', MAIN], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('imports only node built-ins, electron and installed packages', () => {
    const code = readFileSync(MAIN, 'utf8');
    const specifiers = new Set(
      [...code.matchAll(/^import\s[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gm)].map(
        (m) => m[1] ?? m[2] ?? '',
      ),
    );
    expect(specifiers).toContain('node:sqlite');
    // Resolve each (without loading it: loading electron here would start a download).
    const bare = [...specifiers].filter(
      (s) => !s.startsWith('node:') && !s.startsWith('.') && s !== 'electron',
    );
    const script = `for (const s of ${JSON.stringify(bare)}) import.meta.resolve(s);`;
    const resolved = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(resolved.stderr).toBe('');
    expect(resolved.status).toBe(0);
  });
});
