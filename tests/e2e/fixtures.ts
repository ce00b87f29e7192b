// Playwright fixtures for browser-mode end-to-end tests. Nothing is built here: `npm run build`
// must have produced out/cli/sifter.mjs and out/renderer. Each test gets its own temporary
// workspace (and its own config folder, so recent workspaces never leak between tests or into the
// user's), a `sifter serve` on a free port, and a page whose console errors are recorded.
//
//   import { test, expect, gotoApp } from './fixtures';
//   test('…', async ({ page, sifter, appErrors }) => {
//     await gotoApp(page, sifter);
//     …
//     expect(appErrors).toEqual([]);
//   });
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export { expect };

const REPO = resolve(import.meta.dirname, '..', '..');
/** The shared test data (tests/fixtures): exports, feeds, archives the specs import. */
export const FIXTURES = join(REPO, 'tests', 'fixtures');
export const CLI = join(REPO, 'out', 'cli', 'sifter.mjs');
const RENDERER_INDEX = join(REPO, 'out', 'renderer', 'index.html');
const URL_LINE = /Sifter is running at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;

export interface SifterServer {
  /** The address `sifter serve` printed, with its `#token=…`. */
  url: string;
  /** The server's origin (no path, no token). */
  origin: string;
  /** The temporary workspace folder of this test. */
  workspace: string;
  /** The temporary config folder (XDG_CONFIG_HOME) of this test: recent workspaces live there. */
  configDir: string;
  /** Everything the server wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** Stops the server and starts it again on the same workspace; `url` changes (new port, new token). */
  restart(): Promise<void>;
}

export interface StartOptions {
  workspace: string;
  configDir: string;
  /** Extra arguments after `serve`. */
  args?: string[];
}

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** Starts `sifter serve` and resolves once it printed its address; rejects with its stderr. */
export function startSifter({ workspace, configDir, args = [] }: StartOptions): Promise<Running> {
  if (!existsSync(CLI) || !existsSync(RENDERER_INDEX)) {
    throw new Error(
      `The app is not built (${existsSync(CLI) ? RENDERER_INDEX : CLI} is missing): run \`npm run build\` first.`,
    );
  }
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workspace', workspace, ...args], {
    cwd: REPO,
    env: { ...process.env, XDG_CONFIG_HOME: configDir, SIFTER_WORKSPACE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise<Running>((resolvePromise, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new Error(
          `sifter serve ${why}.\nstdout: ${out.trim() || '(nothing)'}\nstderr: ${err.trim() || '(nothing)'}`,
        ),
      );
    };
    const timer = setTimeout(
      () => fail(`printed no address within ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    child.once('error', (e) => fail(`could not start (${e.message})`));
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = URL_LINE.exec(out);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      resolvePromise({ child, url: match[1], stderr: () => err });
    });
  });
}

/** Stops a server started by startSifter: SIGTERM, then SIGKILL if it does not exit in time. */
export async function stopSifter(running: Running): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export interface SifterFixtures {
  /**
   * Files written into the fresh workspace folder before the server starts, by path relative to
   * it: `test.use({ workspaceFiles: { 'settings.json': '{ bad' } })`. (Data, not a function:
   * Playwright would take a function for a fixture definition.)
   */
  workspaceFiles: Record<string, string>;
  sifter: SifterServer;
  /** Console errors and uncaught page errors seen on `page` so far, as readable lines. */
  appErrors: string[];
}

export const test = base.extend<SifterFixtures>({
  workspaceFiles: [{}, { option: true }],

  sifter: async ({ workspaceFiles }, use) => {
    const root = mkdtempSync(join(tmpdir(), 'sifter-e2e-'));
    const workspace = join(root, 'workspace');
    const configDir = join(root, 'config');
    for (const [relativePath, content] of Object.entries(workspaceFiles)) {
      const file = join(workspace, relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    let running = await startSifter({ workspace, configDir });
    const server: SifterServer = {
      url: running.url,
      origin: new URL(running.url).origin,
      workspace,
      configDir,
      stderr: () => running.stderr(),
      async restart() {
        await stopSifter(running);
        running = await startSifter({ workspace, configDir });
        server.url = running.url;
        server.origin = new URL(running.url).origin;
      },
    };
    try {
      await use(server);
    } finally {
      await stopSifter(running);
      rmSync(root, { recursive: true, force: true });
    }
  },

  appErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const where = msg.location();
        errors.push(`console.error: ${msg.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
      });
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      await use(errors);
    },
    { auto: true },
  ],
});

/**
 * Opens the app at the address the server printed and waits until it is ready (workspace,
 * settings loaded). With `hash` (e.g. '#/settings'), goes there afterwards, as a user following
 * a link would.
 */
export async function gotoApp(page: Page, sifter: Pick<SifterServer, 'url'>, hash?: string): Promise<void> {
  await page.goto(sifter.url);
  await waitForApp(page);
  if (hash) {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
  }
}

/** Waits for the app frame to have loaded the workspace and the settings. */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
}

/** The six areas, as the sidebar names them, with their "g" letters. */
export const AREAS = [
  { id: 'library', label: 'Library', goKey: 'l' },
  { id: 'search', label: 'Search', goKey: 's' },
  { id: 'reader', label: 'Reader', goKey: 'r' },
  { id: 'tags', label: 'Tags', goKey: 't' },
  { id: 'reports', label: 'Reports', goKey: 'p' },
  { id: 'settings', label: 'Settings', goKey: ',' },
] as const;

/**
 * The recorded errors minus those a spec provoked on purpose (each pattern is a substring, e.g.
 * '/api/workspace.open' for the browser's "Failed to load resource … 400" line of a refused call).
 */
export function withoutExpected(errors: string[], ...patterns: string[]): string[] {
  return errors.filter((line) => !patterns.some((p) => line.includes(p)));
}

/** Clicks an area in the sidebar. */
export async function openArea(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await expect(page.getByRole('main', { name: label })).toBeVisible();
}

/** Saves a full-window screenshot under test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = join(REPO, 'test-results', 'screenshots', `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Calls the server's API as the page does: POST /api/<method> with a JSON body and the session
 * token (read from the `#token=…` of the address the server printed) in `x-sifter-token`. Returns
 * the call's value; throws "<method> failed: <message>" when the server answers `ok: false`.
 */
export async function api<T>(
  request: APIRequestContext,
  sifter: Pick<SifterServer, 'url' | 'origin'>,
  method: string,
  body: unknown,
): Promise<T> {
  const token = decodeURIComponent(new URL(sifter.url).hash.replace(/^#token=/, ''));
  const res = await request.post(`${sifter.origin}/api/${method}`, {
    headers: { 'x-sifter-token': token },
    data: body,
  });
  const result = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value as T;
}

/**
 * Polls jobs.list until the job is done. While it is not, the polled value is its state plus its
 * error ("failed: <why>"), so a failed job times out with the reason in the assertion message
 * rather than a bare state. A job missing from the list counts as a failure too (the server keeps
 * finished jobs listed for ten minutes, so a job that vanished was never there).
 */
export async function waitForJob(
  request: APIRequestContext,
  sifter: Pick<SifterServer, 'url' | 'origin'>,
  jobId: string,
  timeout = 30_000,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const jobs = await api<{ id: string; state: string; error: string | null }[]>(
          request,
          sifter,
          'jobs.list',
          {},
        );
        const job = jobs.find((j) => j.id === jobId);
        if (!job) return `job ${jobId} is not in jobs.list`;
        return `${job.state}${job.error ? `: ${job.error}` : ''}`;
      },
      { timeout },
    )
    .toBe('done');
}

export interface ImportPathsOptions {
  /** The import.start `options` (e.g. `{ username: '…' }`); none by default. */
  options?: Record<string, unknown>;
  /** How long to wait for the job, in ms (waitForJob's 30 s by default). */
  timeout?: number;
}

/**
 * Imports files or folders through the running server (import.start, as a dropped file would be)
 * and waits for the import job to be done (waitForJob). Each path is taken relative to FIXTURES,
 * so `'telegram/channel-export'` is the shared fixture; an absolute path is used as it is.
 */
export async function importPaths(
  request: APIRequestContext,
  sifter: Pick<SifterServer, 'url' | 'origin'>,
  paths: string[],
  { options, timeout }: ImportPathsOptions = {},
): Promise<void> {
  const { jobId } = await api<{ jobId: string }>(request, sifter, 'import.start', {
    paths: paths.map((p) => resolve(FIXTURES, p)),
    ...(options ? { options } : {}),
  });
  await waitForJob(request, sifter, jobId, timeout);
}

/** The query box of the Search area. */
export function queryBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search query' });
}

/** The number of results in the Search area's summary line (its digits, separators dropped). */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('search-summary').locator('strong').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}
