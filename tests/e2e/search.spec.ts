// Search and Reader end to end, in real Chromium against a real `sifter serve` with its own
// workspace: the shared fixtures are imported through the server's API (as a dropped file would
// be), then the analyst searches, filters by facet and timeline, reads a hit, and watches a saved
// search count the matches of a later import.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, gotoApp, importPaths, queryBox, resultCount, test } from './fixtures';

async function search(page: Page, query: string): Promise<void> {
  await queryBox(page).fill(query);
  await queryBox(page).press('Enter');
  await expect(page.getByTestId('search-summary')).toBeVisible();
}

test('search, filter, read and watch a saved search', async ({ page, sifter, request, appErrors }) => {
  // Two channels now; the full-account export arrives later, for the saved search to count.
  await importPaths(request, sifter, ['telegram/channel-export', 'telegram/html-export']);

  await gotoApp(page, sifter, '#/search');

  // "/" focuses the query from anywhere in the area.
  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(queryBox(page)).toBeFocused();

  // A query: counts, highlighted hits, facets.
  await search(page, 'мобилизованных');
  await expect(page).toHaveURL(/#\/search\?q=/);
  const total = await resultCount(page);
  expect(total).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('search-summary')).toContainText(/results? in [\d,]+ groups?/);
  const hits = page.getByTestId('hit');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('mark').first()).toHaveText(/мобилизованн/i);

  const langFacet = page.locator('[data-facet="lang"]');
  await expect(langFacet.getByRole('button').first()).toContainText(/\d/);

  // A facet click adds a field filter to the query; a second click takes it out again.
  const channelFacet = page.locator('[data-facet="channel"]');
  const channel = () => channelFacet.getByRole('button', { name: /Новости фронта/ });
  const channelCount = Number(
    ((await channel().locator('.facets__count').textContent()) ?? '').replace(/[^\d]/g, ''),
  );
  expect(channelCount).toBeGreaterThan(0);
  expect(channelCount).toBeLessThan(total);
  await channel().click();
  await expect(queryBox(page)).toHaveValue('мобилизованных channel:"Новости фронта"');
  await expect(channel()).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => resultCount(page)).toBe(channelCount);
  await expect(hits.first()).toContainText('Новости фронта');
  await channel().click();
  await expect(queryBox(page)).toHaveValue('мобилизованных');
  await expect.poll(() => resultCount(page)).toBe(total);

  // Dragging across the timeline sets a date range; every hit left is inside it.
  const plot = page.getByTestId('timeline');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.02, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(queryBox(page)).toHaveValue(/^мобилизованных date:\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
  const [, from, to] = /date:(\S+)\.\.(\S+)$/.exec(await queryBox(page).inputValue())!;
  await expect.poll(() => resultCount(page)).toBeLessThan(total);
  const ranged = await resultCount(page);
  expect(ranged).toBeGreaterThan(0);
  for (const time of await hits.locator('time').all()) {
    const day = ((await time.getAttribute('datetime')) ?? '').slice(0, 10);
    expect(day >= from! && day <= to!, `${day} within ${from}..${to}`).toBe(true);
  }
  await page.getByRole('button', { name: 'Clear dates' }).click();
  await expect(queryBox(page)).toHaveValue('мобилизованных');

  // Keyboard: j moves, Enter opens the Reader; Back returns to the same query.
  await queryBox(page).press('Escape');
  await page.keyboard.press('j');
  await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  const firstId = await hits.first().getAttribute('data-item-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/reader\\?item=${firstId}$`));
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByTestId('item-meta')).toContainText('Published');
  await expect(reader.getByTestId('item-meta')).toContainText('UTC');
  await expect(reader.locator('[data-reader-text="original"]')).toContainText(/мобилизованн/i);
  await page.goBack();
  await expect(queryBox(page)).toHaveValue('мобилизованных');

  // Save the search: it appears in the sidebar with no new matches yet.
  await page.getByRole('button', { name: 'Save search…' }).click();
  await page.getByRole('textbox', { name: 'Saved search name' }).fill('Mobilised');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = page
    .getByRole('navigation', { name: 'Saved searches' })
    .getByTestId('saved-search')
    .filter({ hasText: 'Mobilised' });
  await expect(saved).toBeVisible();
  await expect(saved.getByTestId('saved-new-count')).toHaveCount(0);

  // Another import with matching posts: the sidebar counts them as new, live.
  await importPaths(request, sifter, ['telegram/full-account-export']);
  const after = (
    await api<{ total: number }>(request, sifter, 'search.query', { query: 'мобилизованных', limit: 0 })
  ).total;
  expect(after).toBeGreaterThan(total);
  await expect(saved.getByTestId('saved-new-count')).toHaveText(String(after - total));

  // Opening the saved search runs it (the new posts are among the hits) and resets the count.
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await saved.getByRole('button', { name: /Mobilised/ }).click();
  await expect(queryBox(page)).toHaveValue('мобилизованных');
  await expect.poll(() => resultCount(page)).toBe(after);
  await expect(saved.getByTestId('saved-new-count')).toHaveCount(0);

  expect(appErrors).toEqual([]);
});

test('a malformed query is pointed at, not crashed on', async ({ page, sifter, request, appErrors }) => {
  await importPaths(request, sifter, ['telegram/channel-export']);
  await gotoApp(page, sifter, '#/search');
  await search(page, 'мобилизованных AND (');
  await expect(page.getByTestId('query-problem')).toBeVisible();
  await expect(page.getByTestId('query-problem').locator('mark')).not.toBeEmpty();

  // The help popover documents the language.
  await page.getByRole('button', { name: 'Query language help' }).click();
  const help = page.getByRole('dialog', { name: 'Query language' });
  for (const syntax of [
    '"front line"',
    'NEAR/5',
    'channel:',
    'lang:uk',
    'has:clip',
    'untagged',
    'date:2023-12-01..2023-12-31',
    'after:',
    'before:',
  ]) {
    await expect(help).toContainText(syntax);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect(appErrors).toEqual([]);
});

test('the Reader shows a post with its formatting, links, media, replies and context', async ({
  page,
  sifter,
  request,
  appErrors,
}) => {
  await importPaths(request, sifter, ['telegram/channel-export']);
  await gotoApp(page, sifter, '#/search');
  const reader = page.getByRole('main', { name: 'Reader' });

  // Entities become elements: bold text, and hashtags that search for themselves.
  await search(page, '#ротация');
  await page.getByTestId('hit').first().locator('.hit__title').click();
  const text = reader.locator('[data-reader-text="original"]');
  await expect(text.locator('strong')).toHaveText('мы не экстремисты');
  await text.getByRole('button', { name: '#путьдомой' }).click();
  await expect(queryBox(page)).toHaveValue('#путьдомой');
  await expect(page.getByTestId('hit')).toHaveCount(1);

  // A photo with a reply: the media is shown, the reply opens, and it points back.
  await search(page, '"Фото с пикета"');
  await page.getByTestId('hit').first().locator('.hit__title').click();
  await expect(reader.locator('.media--image, [data-testid="media-undecodable"]')).toHaveCount(1);
  const permalink = reader.getByTestId('item-meta').getByRole('link', { name: /^https:\/\/t\.me\// });
  await expect(permalink).toHaveAttribute('target', '_blank');
  await expect(permalink).toHaveAttribute('rel', 'noopener noreferrer');
  await reader.getByRole('button', { name: /законно ли это/ }).click();
  await expect(reader.locator('.reader__reply-to')).toContainText('Фото с пикета');
  await expect(text).toContainText('одиночный пикет не требует согласования');

  // Open in context: the channel around the post, this one marked.
  await reader.getByRole('button', { name: 'Open in context' }).click();
  const context = reader.getByTestId('context-list');
  await expect(context.locator('[aria-current="true"]')).toContainText('одиночный пикет');
  await expect(context.getByRole('button')).not.toHaveCount(0);

  // A post whose photo the export left out says so.
  await page.goBack();
  await page.goBack();
  await search(page, 'date:2023-12-23..2023-12-23');
  await page.getByTestId('hit').first().locator('.hit__title').click();
  await expect(reader.getByTestId('media-missing')).toContainText('file not included in the export');
  expect(appErrors).toEqual([]);
});

/** A Telegram channel export of `count` posts that all contain the word "сводка", a minute apart. */
function writeLargeExport(dir: string, count: number): string {
  const start = Date.UTC(2024, 0, 1) / 1000;
  const messages = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    type: 'message',
    date: new Date((start + i * 60) * 1000).toISOString().slice(0, 19),
    date_unixtime: String(start + i * 60),
    from: 'Сводки (нагрузка)',
    from_id: 'channel2000000002',
    text: `Сводка номер ${i + 1}: обстановка без изменений.`,
    text_entities: [{ type: 'plain', text: `Сводка номер ${i + 1}: обстановка без изменений.` }],
  }));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'result.json'),
    JSON.stringify({ name: 'Сводки (нагрузка)', type: 'public_channel', id: 2000000002, messages }),
  );
  return dir;
}

test('a long result list is virtualised and pages in as it scrolls', async ({
  page,
  sifter,
  request,
  appErrors,
}, testInfo) => {
  const COUNT = 1500;
  const dir = writeLargeExport(testInfo.outputPath('large-export'), COUNT);
  await importPaths(request, sifter, [dir], { timeout: 60_000 });

  await gotoApp(page, sifter, '#/search');
  await page.getByRole('button', { name: 'Date' }).click();
  await search(page, 'сводка');
  await expect.poll(() => resultCount(page)).toBe(COUNT);

  // Only the rows on screen exist, whatever the length of the result.
  const hits = page.getByTestId('hit');
  await expect(hits.first()).toBeVisible();
  expect(await hits.count()).toBeLessThan(60);

  // End jumps to the last hit: its page is fetched on the way and it is shown, selected.
  await queryBox(page).press('Escape');
  await page.keyboard.press('End');
  const last = page.locator(`[data-testid="hit"][aria-posinset="${COUNT}"]`);
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toContainText(/Сводка номер \d+/);
  expect(await hits.count()).toBeLessThan(60);

  // Scrolling back through the middle fills rows in as they appear (no placeholder left behind).
  await page.locator('.search-area__scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(page.locator('.hit--pending')).toHaveCount(0);
  await expect(hits.first()).toContainText(/Сводка номер \d+/);

  // k from the last hit moves up by one; Home goes back to the top.
  await page.keyboard.press('k');
  await expect(page.locator(`[data-testid="hit"][aria-posinset="${COUNT - 1}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Home');
  await expect(page.locator('[data-testid="hit"][aria-posinset="1"]')).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(appErrors).toEqual([]);
});

test('copies are grouped under one hit, expandable, and can be listed separately', async ({
  page,
  sifter,
  request,
  appErrors,
}) => {
  // Channel post 24 is an exact copy of HTML-export post 101.
  await importPaths(request, sifter, ['telegram/channel-export', 'telegram/html-export']);
  await gotoApp(page, sifter, '#/search');
  await search(page, 'Белгород');
  await expect(page.getByTestId('search-summary')).toContainText('2 results in 1 group');
  const hits = page.getByTestId('hit');
  await expect(hits).toHaveCount(1);

  const toggle = hits.first().getByRole('button', { name: '+1 copy' });
  await toggle.click();
  const copies = hits.first().getByRole('list', { name: 'Copies' });
  await expect(copies).toContainText('exact copy');
  // "c" collapses and expands the copies of the selected hit.
  await queryBox(page).press('Escape');
  await page.keyboard.press('c');
  await expect(copies).toBeHidden();
  await page.keyboard.press('c');
  await expect(copies).toBeVisible();

  // Ungrouped, every copy is a row of its own.
  await page.getByRole('checkbox', { name: 'Group copies' }).uncheck();
  await expect(hits).toHaveCount(2);
  await expect(page.getByTestId('search-summary')).toContainText('2 results in 1 group');

  // A copy opens in the Reader, which lists the item it copies.
  await page.getByRole('checkbox', { name: 'Group copies' }).check();
  await hits.first().getByRole('button', { name: '+1 copy' }).click();
  await hits.first().getByRole('list', { name: 'Copies' }).getByRole('button').first().click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.locator('[data-reader-text="original"]')).toContainText('Белгород');
  await expect(reader.getByRole('list', { name: 'Copies' })).toContainText('exact copy');
  expect(appErrors).toEqual([]);
});

test('an article is shown as sanitized HTML that runs nothing and loads nothing remote', async ({
  page,
  sifter,
  request,
  appErrors,
}) => {
  await importPaths(request, sifter, [
    'articles/furious-families-front-line.html',
    'hostile/xss-article.html',
  ]);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const remote: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(sifter.origin)) remote.push(r.url());
  });
  await gotoApp(page, sifter, '#/search');
  const reader = page.getByRole('main', { name: 'Reader' });

  await search(page, '"front line"');
  await page.getByTestId('hit').filter({ hasText: 'Article' }).first().locator('.hit__title').click();
  const html = reader.locator('.article-html');
  await expect(html.locator('p').first()).toBeVisible();
  await expect(reader.locator('.reader__title')).toContainText('Furious families');
  await reader.getByRole('button', { name: 'Plain text' }).click();
  await expect(reader.locator('[data-reader-text="original"]')).toContainText(/front line/i);
  await reader.getByRole('button', { name: 'Plain text' }).click();
  await page.goBack();

  await search(page, 'Harmless');
  await page.getByTestId('hit').first().locator('.hit__title').click();
  await expect(html).toContainText('Body text that is long enough');
  await expect(html.locator('script, iframe, form, object, embed, style')).toHaveCount(0);
  for (const el of await html.locator('*').all()) {
    const attrs = await el.evaluate((e) => e.getAttributeNames());
    expect(attrs.filter((a) => a.startsWith('on'))).toEqual([]);
  }
  for (const link of await html.locator('a[href]').all()) {
    expect(await link.getAttribute('href')).toMatch(/^(https?|mailto):/);
  }
  await expect(html.locator('img[src]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(remote).toEqual([]);
  expect(appErrors).toEqual([]);
});
