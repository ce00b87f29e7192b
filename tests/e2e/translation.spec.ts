// Translation end to end, in real Chromium against a real `sifter serve` and Debian's Apertium APY
// (tests/helpers/apertium.ts binds it to 127.0.0.1 on a free port): the analyst configures the
// engine in Settings → Translation, translates a Spanish feed entry in the Reader, checks that the
// two columns line up sentence for sentence, corrects a sentence, translates again and keeps the
// correction, and finds the item by an English word. Without an engine, a translation is typed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import type { ItemTranslation } from '../../shared/api/translate';
import { startApertium, type ApertiumServer } from '../helpers/apertium';
import {
  api,
  expect,
  gotoApp,
  importPaths,
  saveScreenshot,
  test,
  waitForApp,
  type SifterServer,
} from './fixtures';

/** Imports the Spanish feed through the server and returns the id of its first entry. */
async function importSpanishFeed(request: APIRequestContext, sifter: SifterServer): Promise<number> {
  await importPaths(request, sifter, ['feeds/es-noticias.rss']);
  const { ids } = await api<{ ids: number[] }>(request, sifter, 'search.ids', { query: 'esposas' });
  expect(ids).toHaveLength(1);
  return ids[0] as number;
}

function sentences(page: Page) {
  return page.locator('[data-reader-text="translation"] [data-segment]');
}

/** The text of each range in one of the page's CSS custom highlights. */
function highlighted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => r.toString()), name);
}

/** Moves the mouse onto the original text at a character offset (through its data-offset pieces). */
async function hoverOriginalAt(page: Page, offset: number): Promise<void> {
  const point = await page.evaluate((at) => {
    const piece = [...document.querySelectorAll<HTMLElement>('[data-reader-text="original"] [data-offset]')]
      .filter((p) => Number(p.dataset.offset) <= at)
      .pop();
    const node =
      piece?.firstChild?.nodeType === Node.TEXT_NODE
        ? piece.firstChild
        : piece?.querySelector('*')?.firstChild;
    if (!piece || !node) return null;
    const range = document.createRange();
    const local = at - Number(piece.dataset.offset);
    range.setStart(node, local);
    range.setEnd(node, local + 1);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, offset);
  expect(point).not.toBeNull();
  await page.mouse.move(point?.x ?? 0, point?.y ?? 0);
}

test.describe('translation with Apertium', () => {
  let apy: ApertiumServer;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    apy = await startApertium();
  });
  test.afterAll(async () => {
    await apy?.stop();
  });

  test('configure Apertium, translate side by side, edit a sentence, keep it, find it in English', async ({
    page,
    sifter,
    request,
    appErrors,
  }) => {
    test.setTimeout(120_000);
    const itemId = await importSpanishFeed(request, sifter);

    // Settings → Translation, as the analyst does it.
    await gotoApp(page, sifter, '#/settings?section=translation');
    await page.getByLabel('Translation engine').selectOption('apertium');
    const address = page.getByLabel('Apertium APY address');
    await address.fill('127.0.0.1:1');
    await address.press('Enter');
    await expect(page.locator('#setting-apertium-url-status')).toContainText('http:// or https://');
    await address.fill(`${apy.url}/`);
    await address.press('Enter');
    await expect(page.getByTestId('engine-status')).toHaveText(`Ready · ${apy.url}`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('list', { name: 'Language pairs' })).toContainText('es → en');
    await saveScreenshot(page, 'translation-settings');

    // The Reader: nothing translated yet; the skeleton has a place for each sentence.
    await page.evaluate((id) => (window.location.hash = `#/reader?item=${id}`), itemId);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Las esposas de los soldados movilizados piden su regreso',
    );
    await expect(page.getByTestId('translation-status')).toHaveText('Not translated yet');
    await page.getByRole('button', { name: 'Translate into English' }).click();
    await expect(page.getByTestId('translation-status')).toContainText('Machine translation · Apertium');
    // The title and the two sentences of the text.
    await expect(page.getByTestId('translation-status')).toContainText(
      '3 sentences from the engine, 0 from memory',
    );

    // Aligned sentence for sentence: one translated sentence per original sentence, in order.
    const stored = await api<ItemTranslation>(request, sifter, 'translate.get', { itemId, to: 'en' });
    expect(stored.segments.map((s) => s.source)).toEqual([
      'Las familias de los soldados rusos movilizados piden al presidente que los traiga a casa.',
      'El grupo publica sus mensajes en un canal de Telegram.',
    ]);
    await expect(sentences(page)).toHaveCount(stored.segments.length);
    for (const [i, segment] of stored.segments.entries()) {
      expect(segment.target).not.toBe('');
      await expect(sentences(page).nth(i)).toHaveText(segment.target);
      // Pointing at a translated sentence highlights its original…
      await sentences(page).nth(i).hover();
      await expect.poll(() => highlighted(page, 'sifter-counterpart')).toEqual([segment.source]);
      // …and pointing at the original sentence highlights its translation.
      await hoverOriginalAt(page, segment.start + 3);
      await expect(sentences(page).nth(i)).toHaveClass(/is-counterpart/);
      await expect(sentences(page).nth(1 - i)).not.toHaveClass(/is-counterpart/);
    }
    // Selecting words of a translated sentence highlights its original, and the other way round.
    await page.evaluate(() => {
      const piece = document.querySelector(
        '[data-reader-text="translation"] [data-segment="1"] [data-offset]',
      );
      const text = piece?.firstChild;
      if (!text) throw new Error('no translated text');
      document.getSelection()?.setBaseAndExtent(text, 2, text, 8);
    });
    await expect.poll(() => highlighted(page, 'sifter-counterpart')).toEqual([stored.segments[1]?.source]);
    await page.evaluate(() => {
      const text = document.querySelector('[data-reader-text="original"] [data-offset]')?.firstChild;
      if (!text) throw new Error('no original text');
      document.getSelection()?.setBaseAndExtent(text, 5, text, 100); // across both sentences
    });
    await expect(sentences(page).nth(0)).toHaveClass(/is-counterpart/);
    await expect(sentences(page).nth(1)).toHaveClass(/is-counterpart/);
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await expect(sentences(page).nth(0)).not.toHaveClass(/is-counterpart/);

    // The two paragraphs start on the same line.
    const tops = await page.evaluate(() => {
      const original = document.querySelector('[data-reader-text="original"] [data-offset]');
      const translated = document.querySelector(
        '[data-reader-text="translation"] [data-paragraph-row="0"] [data-offset]',
      );
      return [original?.getBoundingClientRect().top ?? NaN, translated?.getBoundingClientRect().top ?? NaN];
    });
    expect(Math.abs((tops[0] ?? 0) - (tops[1] ?? 100))).toBeLessThan(2);
    await sentences(page).nth(1).hover();
    await saveScreenshot(page, 'translation-reader');

    // Correct the first sentence in place.
    const edit = 'The wives of mobilised soldiers ask the president to bring them home.';
    await sentences(page).first().dblclick();
    const field = page.getByRole('textbox', { name: 'Translation of sentence 1' });
    await field.fill(edit);
    await field.press('Enter');
    await expect(sentences(page).first()).toHaveText(edit);
    await expect(sentences(page).first()).toHaveAttribute('data-edited', 'true');
    await expect(sentences(page).first()).toBeFocused();

    // Translate again: the edit stays, the other sentence comes from memory.
    await page.getByRole('button', { name: 'Translate again' }).click();
    await expect(page.getByTestId('translation-status')).toContainText(
      '0 sentences from the engine, 2 from memory',
    );
    await expect(sentences(page).first()).toHaveText(edit);
    await expect(sentences(page).first()).toHaveAttribute('data-edited', 'true');
    await expect(page.getByTestId('translation-status')).toContainText('with your edits');

    // The columns choice holds across a reload (it is a setting).
    await page.getByRole('group', { name: 'Columns' }).getByRole('button', { name: 'Translation' }).click();
    await expect(page.locator('.reader__original')).toBeHidden();
    await page.reload();
    await waitForApp(page);
    await expect(
      page.getByRole('group', { name: 'Columns' }).getByRole('button', { name: 'Translation' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.reader__original')).toBeHidden();
    await expect(sentences(page).first()).toHaveText(edit);
    await saveScreenshot(page, 'translation-only');
    await page.getByRole('group', { name: 'Columns' }).getByRole('button', { name: 'Side by side' }).click();
    await expect(page.locator('.reader__original')).toBeVisible();

    // An English word finds the Spanish entry through its translation, marked as such.
    await page.evaluate(() => (window.location.hash = '#/search?q=messages'));
    await expect(page.getByTestId('search-summary')).toContainText('1 result');
    const hit = page.getByTestId('hit').first();
    await expect(hit).toHaveAttribute('data-item-id', String(itemId));
    await expect(hit.getByText('matched in translation')).toBeVisible();
    await saveScreenshot(page, 'translation-search');

    // "Translate all results": a background job over both entries, then the summary.
    await page.evaluate(() => (window.location.hash = '#/search?q=familias'));
    await expect(page.getByTestId('search-summary')).toContainText('2 results');
    await page.getByRole('button', { name: 'Translate all results' }).click();
    const summary = page.getByTestId('translate-job-summary');
    await expect(summary).toContainText('Translated 2 of 2 items into English');
    await expect(summary).not.toContainText('failed');
    await summary.getByRole('button', { name: 'Dismiss' }).click();
    await expect(summary).toBeHidden();
    // The other entry is now found in English too.
    await page.evaluate(() => (window.location.hash = '#/search?q=intelligence'));
    await expect(page.getByTestId('search-summary')).toContainText('1 result');
    await expect(page.getByTestId('hit').first().getByText('matched in translation')).toBeVisible();

    expect(appErrors).toEqual([]);
  });
});

test('without an engine the Reader says how to set one up and takes a typed translation', async ({
  page,
  sifter,
  request,
  appErrors,
}) => {
  const itemId = await importSpanishFeed(request, sifter);
  await gotoApp(page, sifter, `#/reader?item=${itemId}`);
  await expect(page.getByRole('note')).toContainText('No translation engine is configured');
  await expect(page.getByRole('button', { name: 'Translate into English' })).toBeDisabled();

  // Each original sentence has an empty place for its translation; click one and type.
  await expect(sentences(page)).toHaveCount(2);
  await sentences(page).nth(1).click();
  const field = page.getByRole('textbox', { name: 'Translation of sentence 2' });
  await field.fill('The group posts its messages in a Telegram channel.');
  await field.press('Enter');
  await expect(sentences(page).nth(1)).toHaveText('The group posts its messages in a Telegram channel.');
  await expect(sentences(page).nth(1)).toHaveAttribute('data-edited', 'true');
  await expect(page.getByTestId('translation-status')).toHaveText(/Typed by hand/);
  await saveScreenshot(page, 'translation-typed');

  const stored = await api<ItemTranslation>(request, sifter, 'translate.get', { itemId, to: 'en' });
  expect(stored.segments.map((s) => [s.target, s.edited])).toEqual([
    ['', false],
    ['The group posts its messages in a Telegram channel.', true],
  ]);
  expect(appErrors).toEqual([]);
});

test('an API key typed in Settings is stored outside the settings and never shown again', async ({
  page,
  sifter,
  appErrors,
}) => {
  const key = 'e2e-deepl-key-5a4b3c2d:fx';
  await gotoApp(page, sifter, '#/settings?section=translation');
  await page.getByLabel('Translation engine').selectOption('deepl');
  await expect(page.getByTestId('engine-status')).toContainText('SIFTER_DEEPL_KEY');
  await expect(page.getByTestId('deepl-key-status')).toHaveText('No key set');

  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
  const file = join(sifter.configDir, 'sifter', 'keys', 'deepl.key');
  await expect(page.getByTestId('deepl-key-status')).toHaveText(`Key set (key file ${file})`);
  await expect(page.getByLabel('API key')).toHaveValue('');
  await expect(page.getByTestId('engine-status')).toHaveText(/^Ready/);

  // In a file only the user can read; not in the settings; not anywhere on the page.
  expect(readFileSync(file, 'utf8').trim()).toBe(key);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const settings = join(sifter.workspace, 'settings.json');
  expect(existsSync(settings) ? readFileSync(settings, 'utf8') : '').not.toContain(key);
  expect(await page.content()).not.toContain(key);

  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('deepl-key-status')).toHaveText('No key set');
  expect(existsSync(file)).toBe(false);
  expect(appErrors).toEqual([]);
});
