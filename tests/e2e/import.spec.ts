// Import end to end, in real Chromium against a real `sifter serve`: a zip dropped on the window
// (a DataTransfer built in the page with the file's bytes) shows its progress and lands as 23 posts
// in the Library, one of which opens in the Reader; a large import cancelled from the Library
// leaves the workspace exactly as it was.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, FIXTURES, gotoApp, importPaths, test } from './fixtures';

const BENCH_SOURCE = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'bench');

/** Files under the workspace's media/ folder (what an import copies), with sizes. */
function mediaFiles(workspace: string): Record<string, number> {
  const root = join(workspace, 'media');
  const out: Record<string, number> = {};
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(root, path)] = statSync(path).size;
    }
  };
  walk(root);
  return out;
}

/** Drops a file on the window as the OS would: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page: Page, path: string, name: string, type: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { base64, name, type },
  );
}

/** Records whether the import progress panel ever showed (a small import can finish in a blink). */
async function watchForProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __sawImportProgress?: boolean };
    w.__sawImportProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('section[aria-label="Import progress"]')) w.__sawImportProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
}

test('a dropped channel-export zip becomes 23 posts in the Library, readable in the Reader', async ({
  page,
  sifter,
  appErrors,
}) => {
  await gotoApp(page, sifter, '#/library');
  await expect(page.getByText('Nothing imported yet')).toBeVisible();
  await watchForProgress(page);

  await dropFile(
    page,
    join(FIXTURES, 'telegram', 'channel-export.zip'),
    'channel-export.zip',
    'application/zip',
  );

  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history).toBeVisible({ timeout: 30_000 });
  const row = history.getByRole('row').filter({ hasText: 'channel-export.zip' });
  await expect(row).toContainText('Telegram (JSON)');
  await expect(row.getByRole('cell').nth(3)).toHaveText('23'); // added
  await expect(row.getByRole('cell').nth(5)).toHaveText('2'); // skipped: the service messages
  expect(
    await page.evaluate(() => (window as unknown as { __sawImportProgress?: boolean }).__sawImportProgress),
  ).toBe(true);

  const latest = page.getByRole('list', { name: 'Latest items' });
  await expect(page.getByRole('heading', { name: /Latest items \(23\)/ })).toBeVisible();
  await expect(latest.getByRole('listitem')).toHaveCount(23);

  // The newest post (25, a near copy of an HTML-export post) opens in the Reader.
  await latest.getByRole('button', { name: /Минобороны: «все цели/ }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader).toBeVisible();
  await expect(reader).toContainText('Комментировать обращение жён ведомство отказалось.');

  // The same zip again adds nothing.
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'Library', exact: true })
    .click();
  await dropFile(
    page,
    join(FIXTURES, 'telegram', 'channel-export.zip'),
    'channel-export.zip',
    'application/zip',
  );
  await expect(history.getByRole('row').filter({ hasText: 'channel-export.zip' })).toHaveCount(2, {
    timeout: 30_000,
  });
  await expect(
    history.getByRole('row').filter({ hasText: 'channel-export.zip' }).first().getByRole('cell').nth(4),
  ).toHaveText('23');
  await expect(page.getByRole('heading', { name: /Latest items \(23\)/ })).toBeVisible();
  expect(appErrors).toEqual([]);
});

test.describe('a large import', () => {
  let corpus: string;
  let work: string;

  test.beforeAll(() => {
    // The benchmark generator makes a realistic export; it is read-only where it lives, so copy it.
    work = mkdtempSync(join(tmpdir(), 'sifter-e2e-big-'));
    const bench = join(work, 'bench');
    cpSync(BENCH_SOURCE, bench, {
      recursive: true,
      filter: (src) => !src.includes('node_modules') && !src.includes('.cache'),
    });
    execFileSync('npm', ['install', '--prefix', bench, '--no-audit', '--no-fund'], { stdio: 'ignore' });
    execFileSync(
      process.execPath,
      [join(bench, 'make-corpus.mjs'), '--messages', '40000', '--out', join(work, 'corpus')],
      { stdio: 'ignore' },
    );
    corpus = join(work, 'corpus', 'result.json');
  });
  test.afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('cancelled from the Library leaves the workspace unchanged', async ({ page, sifter, request }) => {
    test.setTimeout(180_000);
    // Something already in the workspace, to see it kept as it was.
    await importPaths(request, sifter, ['telegram/channel-export']);
    const before = await api<{ counts: Record<string, number> }>(request, sifter, 'workspace.info', {});
    const mediaBefore = mediaFiles(sifter.workspace);
    expect(before.counts.items).toBe(23);

    await gotoApp(page, sifter, '#/library');
    await page.getByTestId('import-files-input').setInputFiles(corpus);
    const progress = page.getByRole('region', { name: 'Import progress' });
    await expect(progress).toBeVisible({ timeout: 60_000 });
    // Wait until records are being stored, then cancel.
    await expect(progress.getByTestId('import-counters')).toContainText(/[1-9][\d,\s]* stored/, {
      timeout: 60_000,
    });
    await progress.getByRole('button', { name: 'Cancel import' }).click();
    await expect(page.getByText('Import cancelled')).toBeVisible({ timeout: 60_000 });

    const after = await api<{ counts: Record<string, number> }>(request, sifter, 'workspace.info', {});
    expect(after.counts).toEqual(before.counts);
    expect(mediaFiles(sifter.workspace)).toEqual(mediaBefore);
    const history = await api<unknown[]>(request, sifter, 'import.list', {});
    expect(history).toHaveLength(1);
  });
});
