// The Reports area end to end, in real Chromium against a real `sifter serve`: fixtures imported
// and two tags applied through the server's API, then the analyst builds a report from the two
// tags, watches the live preview, exports HTML and gets the file as a download.
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import {
  api,
  expect,
  gotoApp,
  importPaths,
  openArea,
  saveScreenshot,
  test,
  withoutExpected,
  type SifterServer,
} from './fixtures';

/** Tags every item a query finds; returns how many. */
async function tagQuery(
  request: APIRequestContext,
  sifter: SifterServer,
  path: string,
  query: string,
): Promise<number> {
  const { tag } = await api<{ tag: { id: number } }>(request, sifter, 'tags.create', {
    path,
    ifMissing: true,
  });
  const { ids } = await api<{ ids: number[] }>(request, sifter, 'search.ids', { query });
  expect(ids.length).toBeGreaterThan(0);
  await api(request, sifter, 'tags.add', { tagId: tag.id, itemIds: ids });
  return ids.length;
}

test('build a report from two tags, see the preview, export HTML and download it', async ({
  page,
  request,
  sifter,
  appErrors,
}) => {
  await importPaths(request, sifter, ['telegram/channel-export'], { options: { username: 'waithome_test' } });
  const wayHome = await tagQuery(request, sifter, 'Actors/Way Home', 'экстремисты');
  const rotation = await tagQuery(request, sifter, 'Topics/Rotation', '"Прямую линию"');
  await tagQuery(request, sifter, 'Topics/Other', 'беспилотников'); // not chosen: must stay out

  await gotoApp(page, sifter);
  await openArea(page, 'Reports');
  const main = page.getByRole('main', { name: 'Reports' });
  await expect(main.getByText('Choose what goes into the report')).toBeVisible();

  await main.getByLabel('Title').fill('Way Home weekly');
  await main.getByRole('checkbox', { name: /Way Home/ }).check();
  await main.getByRole('checkbox', { name: /Rotation/ }).check();

  const total = wayHome + rotation;
  await expect(main.getByRole('status').filter({ hasText: /items?, / })).toHaveText(
    `${total} ${total === 1 ? 'item' : 'items'}, 0 clips`,
  );
  const preview = page.frameLocator('iframe[title="Report preview"]');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Way Home weekly');
  await expect(preview.locator('article.entry')).toHaveCount(total);
  await expect(preview.getByText('Tags: Actors/Way Home; Topics/Rotation')).toBeVisible();
  await expect(preview.getByRole('heading', { name: /мы не экстремисты/ })).toBeVisible();
  await expect(preview.getByRole('heading', { name: /Прямую линию/ })).toBeVisible();
  await expect(preview.getByRole('heading', { name: /беспилотников/ })).toHaveCount(0);
  // The report's own stylesheet applies inside the preview (adopted, since the app's CSP refuses inline styles).
  await expect(preview.locator('main.report')).toHaveCSS('max-width', '736px');
  await saveScreenshot(page, 'reports-area');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main.getByRole('button', { name: 'HTML', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Way Home weekly.html');
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html.match(/<article class="entry" id="item-\d+"/g)).toHaveLength(total);
  expect(html).toContain('https://t.me/waithome_test/3');
  expect(html).toContain('<style>');
  expect(html).not.toMatch(/\ssrc="(?!data:)/);
  await expect(page.getByText('Report exported')).toBeVisible();
  // Playwright's trace recorder tries to run its snapshot script in every frame; the preview's
  // sandbox (no allow-scripts) refuses it, which is the point. Nothing else may be logged.
  expect(
    withoutExpected(
      appErrors,
      "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed",
    ),
  ).toEqual([]);
});
