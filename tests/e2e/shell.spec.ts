// The app frame in browser mode: it loads cleanly, every area is reachable by mouse and keyboard,
// the address keeps the place, themes switch and persist, settings survive a corrupt file, and
// workspaces can be switched from Settings.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AREAS,
  expect,
  gotoApp,
  openArea,
  saveScreenshot,
  test,
  waitForApp,
  withoutExpected,
} from './fixtures';

const CORRUPT_SETTINGS = '{ "theme": "dark", "timeZone": ';

function workspaceSettings(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

test('the app loads with its frame, the workspace, and no console errors', async ({
  page,
  sifter,
  appErrors,
}) => {
  await gotoApp(page, sifter);

  const nav = page.getByRole('navigation', { name: 'Areas' });
  await expect(nav.getByRole('link')).toHaveCount(AREAS.length);
  for (const area of AREAS)
    await expect(nav.getByRole('link', { name: area.label, exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main', { name: 'Library' })).toContainText(
    'Drop a Telegram export, a saved article, a feed or a zip',
  );
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(sifter.workspace);
  await expect(page.getByRole('heading', { name: 'Saved searches' })).toBeVisible();
  // The token left the address at once (history, bookmarks, screenshots).
  expect(page.url()).not.toContain('token=');

  const shot = await saveScreenshot(page, 'app');
  expect(existsSync(shot)).toBe(true);
  expect(appErrors).toEqual([]);
});

test('every area is reachable by clicking the sidebar, and says what to do next', async ({
  page,
  sifter,
  appErrors,
}) => {
  await gotoApp(page, sifter);
  for (const area of [...AREAS].reverse()) {
    await openArea(page, area.label);
    await expect(page.getByRole('link', { name: area.label, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(new URL(page.url()).hash).toMatch(new RegExp(`^#/${area.id}(\\?|$)`));
    await expect(page).toHaveTitle(new RegExp(`^${area.label} — `));
  }
  // The empty states of the areas this frame owns.
  await openArea(page, 'Reader');
  await expect(page.getByRole('main')).toContainText('Open an item from Search or the Library');
  await openArea(page, 'Tags');
  await expect(page.getByRole('main')).toContainText('Nest tags with a slash');
  await openArea(page, 'Reports');
  await expect(page.getByRole('main')).toContainText('Nothing is tagged yet');
  await openArea(page, 'Settings');
  await expect(page.getByRole('radiogroup', { name: 'Theme' })).toBeVisible();
  expect(appErrors).toEqual([]);
});

test('every area is reachable by keyboard: g + letter, Alt+digit, Ctrl+Shift+digit', async ({
  page,
  sifter,
  appErrors,
}) => {
  await gotoApp(page, sifter);
  const main = page.getByRole('main');

  for (const area of AREAS) {
    await page.keyboard.press('g');
    await page.keyboard.press(area.goKey);
    await expect(main).toHaveAttribute('aria-label', area.label);
    // Focus follows into the area, so Tab continues from there.
    await expect(page.locator(':focus')).toHaveCount(1);
    expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(
      true,
    );
  }
  for (const [i, area] of AREAS.entries()) {
    await page.keyboard.press(`Alt+Digit${i + 1}`);
    await expect(main).toHaveAttribute('aria-label', area.label);
  }
  for (const [i, area] of [...AREAS.entries()].reverse()) {
    await page.keyboard.press(`Control+Shift+Digit${i + 1}`);
    await expect(main).toHaveAttribute('aria-label', area.label);
  }

  // Plain digits stay free (pinned tags): they do not move between areas.
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await page.keyboard.press('2');
  await expect(main).toHaveAttribute('aria-label', 'Library');

  // Letters typed into a text field are text, not shortcuts.
  await page.keyboard.press('g');
  await page.keyboard.press(',');
  const timeZone = page.getByLabel('Time zone');
  await timeZone.focus();
  await page.keyboard.type('gl');
  await expect(main).toHaveAttribute('aria-label', 'Settings');
  await expect(timeZone).toHaveValue('gl');
  await timeZone.fill('');
  await page.locator('[data-area-heading]').focus();

  // "?" opens the shortcut help; Escape closes it and gives focus back.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Move between areas');
  await saveScreenshot(page, 'keyboard-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The landmarks are reachable with Tab from the top of the page.
  await page.reload();
  await waitForApp(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const searchLink = page.getByRole('link', { name: 'Search', exact: true });
  await expect(searchLink).toBeFocused();
  // Keyboard focus is visible.
  expect(await searchLink.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(main).toHaveAttribute('aria-label', 'Search');
  expect(appErrors).toEqual([]);
});

test('the address keeps the place: Back, Forward and reload', async ({ page, sifter, appErrors }) => {
  await gotoApp(page, sifter, '#/settings?section=workspace');
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Settings');
  await openArea(page, 'Tags');
  await openArea(page, 'Settings');

  await page.goBack();
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Tags');
  await page.goBack();
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Settings');
  expect(new URL(page.url()).hash).toBe('#/settings?section=workspace');
  await page.goForward();
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Tags');

  // A reload keeps both the place and the session (the token is kept for this tab only).
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Tags');
  await expect(page.getByRole('contentinfo')).toContainText(sifter.workspace);
  expect(appErrors).toEqual([]);
});

test('the theme follows the OS by default, switches, and is kept with the workspace', async ({
  page,
  sifter,
  appErrors,
}) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  await gotoApp(page, sifter, '#/settings');
  const themes = page.getByRole('radiogroup', { name: 'Theme' });
  await expect(themes.getByLabel('System')).toBeChecked();
  const light = await background();

  // "System" follows the OS.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light);
  const dark = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe(light);

  // Pinning dark wins over a light OS, and is saved.
  await themes.getByText('Dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).toBe(dark);
  await expect.poll(() => workspaceSettings(sifter.workspace).theme).toBe('dark');

  // It survives a server restart. (The page leaves first: an open page would log its event
  // stream's reconnection attempts while the server is down.)
  await page.goto('about:blank');
  await sifter.restart();
  await gotoApp(page, sifter);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).toBe(dark);
  await saveScreenshot(page, 'app-dark');

  await page.evaluate(() => (window.location.hash = '#/settings'));
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe(light);
  expect(appErrors).toEqual([]);
});

test.describe('with a corrupt settings file', () => {
  test.use({ workspaceFiles: { 'settings.json': CORRUPT_SETTINGS } });

  test('the app starts with defaults, says so, and keeps the bad file renamed', async ({
    page,
    sifter,
    appErrors,
  }) => {
    await gotoApp(page, sifter);
    const banner = page.getByRole('alert').filter({ hasText: 'Settings were reset' });
    await expect(banner).toContainText('default settings');
    await expect(banner).toContainText('settings.json.corrupt-');

    const kept = readdirSync(sifter.workspace).filter((name) => name.startsWith('settings.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(sifter.workspace, kept[0] ?? ''), 'utf8')).toBe(CORRUPT_SETTINGS);

    // Defaults are in force (the corrupt file asked for dark).
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
    await banner.getByRole('button', { name: 'Review settings' }).click();
    await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Settings');
    await expect(page.getByRole('radiogroup', { name: 'Theme' }).getByLabel('System')).toBeChecked();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('settings.json.corrupt-');

    // Dismissed, it leaves the frame; saving writes a good file again.
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
    await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Dark').click();
    await expect.poll(() => workspaceSettings(sifter.workspace).theme).toBe('dark');
    expect(appErrors).toEqual([]);
  });
});

test('the time zone is checked before it is saved', async ({ page, sifter, appErrors }) => {
  await gotoApp(page, sifter, '#/settings');
  await saveScreenshot(page, 'settings');
  const zone = page.getByLabel('Time zone');
  await zone.fill('Europe/Atlantis');
  await zone.press('Enter');
  await expect(page.locator('#setting-timezone-status')).toContainText(
    '"Europe/Atlantis" is not a time zone',
  );
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  expect(
    existsSync(join(sifter.workspace, 'settings.json')) ? workspaceSettings(sifter.workspace).timeZone : '',
  ).toBe('');

  await zone.fill('Europe/Berlin');
  await zone.press('Enter');
  await expect(page.locator('#setting-timezone-status')).toHaveText('Saved');
  await expect.poll(() => workspaceSettings(sifter.workspace).timeZone).toBe('Europe/Berlin');

  await page.getByLabel('Translate into').selectOption('uk');
  await expect.poll(() => workspaceSettings(sifter.workspace).targetLanguage).toBe('uk');
  expect(appErrors).toEqual([]);
});

test('a new workspace is opened from Settings and listed among the recent ones', async ({
  page,
  sifter,
  appErrors,
}) => {
  await gotoApp(page, sifter);
  await page.getByTestId('status-workspace').click();
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Settings');
  await expect(page.getByTestId('current-workspace')).toContainText(sifter.workspace);

  // A path that cannot be a workspace is refused with the back end's reason; nothing changes.
  const aFile = join(sifter.configDir, 'not-a-folder.txt');
  mkdirSync(sifter.configDir, { recursive: true });
  writeFileSync(aFile, 'hello');
  const path = page.getByLabel('Open or create');
  await path.fill(aFile);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.locator('#workspace-path-status')).not.toBeEmpty();
  await expect(page.getByRole('contentinfo')).toContainText(sifter.workspace);

  const second = join(sifter.configDir, 'investigation-2');
  await path.fill(second);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('contentinfo')).toContainText(second);
  await expect(page.getByTestId('current-workspace')).toContainText(second);
  expect(existsSync(join(second, 'sifter.db'))).toBe(true);

  const recent = page.getByRole('list', { name: 'Recent workspaces' });
  await expect(recent).toContainText(sifter.workspace);
  await recent
    .getByRole('listitem')
    .filter({ hasText: sifter.workspace })
    .getByRole('button', { name: 'Open' })
    .click();
  await expect(page.getByRole('contentinfo')).toContainText(sifter.workspace);
  // The refused open above is an HTTP error the browser logs; nothing else may be.
  expect(withoutExpected(appErrors, '/api/workspace.open')).toEqual([]);
});

test('dragging files over the window shows the drop target', async ({ page, sifter, appErrors }) => {
  await gotoApp(page, sifter);
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{}'], 'result.json', { type: 'application/json' }));
    return dt;
  });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toContainText('Drop to import');
  await page.dispatchEvent('main', 'dragleave', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeHidden();
  expect(appErrors).toEqual([]);
});

test('a background job shows in the status bar until it ends', async ({ page, sifter, appErrors }) => {
  await gotoApp(page, sifter);
  const fixture = join(import.meta.dirname, '..', 'fixtures', 'ndjson', 'telegram-collector.ndjson');
  // Started the way any client starts one: an API call carrying the session's token.
  const started = await page.evaluate(async (path) => {
    const token = sessionStorage.getItem('sifter.token') ?? '';
    const response = await fetch('/api/import.start', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sifter-Token': token },
      body: JSON.stringify({ paths: [path] }),
    });
    return (await response.json()) as { ok: boolean; value?: { jobId: string } };
  }, fixture);
  expect(started.ok).toBe(true);

  const job = page.locator(`[data-job-id="${started.value?.jobId ?? ''}"]`);
  await expect(job).toBeVisible();
  await expect(job).toContainText('done');
  expect(appErrors).toEqual([]);
});
