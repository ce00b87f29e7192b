// The Electron app itself, through Playwright's `_electron.launch`. It runs only where the Electron
// binary is installed (and there is a display): the binary is looked for on disk first, because
// resolving the `electron` package where it is missing starts a download that kills the worker.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');

/** The Electron executable, or why there is none. */
function electronBinary(): { path: string } | { missing: string } {
  const pathFile = join(REPO, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile))
    return { missing: 'the Electron binary is not installed (node_modules/electron/path.txt is missing)' };
  const binary = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(REPO, 'node_modules', 'electron', 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  if (!existsSync(binary)) return { missing: `the Electron binary ${binary} is missing` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { missing: 'there is no display to open a window on (DISPLAY is not set)' };
  }
  return { path: binary };
}

test('the app opens its window with the app frame, sandboxed, served from app://', async () => {
  const found = electronBinary();
  if ('missing' in found) {
    const reason = `Electron spec skipped: ${found.missing}. Browser mode is tested in shell.spec.ts.`;
    console.warn(reason); // shown by the list reporter; the skip annotation carries it into the report
    test.skip(true, reason);
    return;
  }
  expect(existsSync(join(REPO, 'out', 'main', 'index.js')), 'run `npm run build` first').toBe(true);

  const userData = mkdtempSync(join(tmpdir(), 'sifter-electron-'));
  const app = await electron.launch({
    executablePath: found.path,
    args: [REPO, `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  });
  try {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    expect(new URL(window.url()).protocol).toBe('app:');
    await expect(window.getByRole('navigation').first()).toBeVisible();
    await expect(window.getByText('Library').first()).toBeVisible();
    // The page sees the bridge and nothing of Node.
    const globals = await window.evaluate(() => ({
      bridge: Object.keys((window as unknown as { sifter?: object }).sifter ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({
      bridge: ['call', 'on', 'pathForFile'],
      require: 'undefined',
      process: 'undefined',
    });
    const info = await window.evaluate(() =>
      (window as unknown as { sifter: { call: (m: string, r: object) => Promise<unknown> } }).sifter.call(
        'app.info',
        {},
      ),
    );
    expect(info).toMatchObject({
      ok: true,
      value: { mode: 'electron', workspace: join(userData, 'workspace') },
    });
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
