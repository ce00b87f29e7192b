// Tagging end to end, in real Chromium against a real `sifter serve` with its own workspace: the
// analyst creates and pins tags, tags posts with the digit keys (in Search and in the Reader),
// tags every result of a query at once, clips a sentence with a note and writes a note on an item;
// after a server restart every tag, clip and note is still there and searchable. A bulk action is
// then undone with Ctrl+Z.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
  api,
  expect,
  gotoApp,
  importPaths,
  queryBox,
  resultCount,
  test,
  withoutExpected,
  type SifterServer,
} from './fixtures';

/** How many items a query matches, asked of the server (the same engine the page uses). */
async function matches(request: APIRequestContext, sifter: SifterServer, query: string): Promise<number[]> {
  const { ids } = await api<{ ids: number[] }>(request, sifter, 'search.ids', { query });
  return ids.sort((a, b) => a - b);
}

async function search(page: Page, query: string): Promise<void> {
  await page.evaluate((q) => {
    window.location.hash = `#/search?q=${encodeURIComponent(q)}`;
  }, query);
  await expect(queryBox(page)).toHaveValue(query);
  await expect(page.getByTestId('search-summary')).toBeVisible();
  await expect(page.getByTestId('search-summary')).not.toContainText('updating');
}

/** Creates a tag in the Tags area and pins it to a key, as the analyst would. */
async function createPinnedTag(page: Page, path: string, key: number): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/tags';
  });
  await page.getByRole('textbox', { name: 'New tag' }).fill(path);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const details = page.getByRole('region', { name: `Tag ${path}` });
  await expect(details).toBeVisible();
  await details.getByLabel('Key').selectOption(String(key));
  await expect(page.locator(`[data-tag-path="${path}"] .tag-row__key`)).toHaveText(String(key));
}

/** Picks a tag in an open tag picker by typing its path (creating it when missing). */
async function pickTag(picker: Locator, path: string): Promise<void> {
  const input = picker.getByRole('combobox');
  await input.fill(path);
  await input.press('Enter');
}

/** Selects the first occurrence of `words` in the Reader's original text. */
async function selectWords(page: Page, words: string): Promise<void> {
  await page.evaluate((w) => {
    const container = document.querySelector('[data-reader-text="original"]');
    if (!container) throw new Error('no original text');
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(w);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${w}" is not in the text`);
  }, words);
}

const clipHighlights = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('sifter-clip');
    return h ? [...h].map((r) => (r as Range).toString()) : [];
  });

test('tag with keys, bulk-tag a query, clip and note; all survive a restart; undo a bulk tag', async ({
  page,
  sifter,
  request,
  appErrors,
}) => {
  await importPaths(request, sifter, ['telegram/channel-export']);
  await gotoApp(page, sifter);

  // Two tags pinned to keys 1 and 2; the first with a parent, created on the way.
  await createPinnedTag(page, 'Actors/Way Home', 1);
  await createPinnedTag(page, 'Demands', 2);
  await expect(page.locator('[data-tag-path="Actors"]')).toBeVisible();

  // Three posts tagged with key 1 from Search: j moves the cursor, 1 toggles the pinned tag.
  await search(page, 'домой');
  const homeHits = await resultCount(page);
  expect(homeHits).toBeGreaterThanOrEqual(3);
  const hits = page.getByTestId('hit');
  await page.getByRole('listbox', { name: 'Search results' }).focus();
  const tagged: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    if (i > 0) await page.keyboard.press('j');
    await expect(hits.nth(i)).toHaveAttribute('aria-selected', 'true');
    tagged.push(Number(await hits.nth(i).getAttribute('data-item-id')));
    await page.keyboard.press('1');
    await expect(hits.nth(i).locator('.tag-chip', { hasText: 'Way Home' })).toBeVisible();
  }
  expect(await matches(request, sifter, 'tag:"Actors/Way Home"')).toEqual([...tagged].sort((a, b) => a - b));
  // A parent tag finds its children's items.
  expect(await matches(request, sifter, 'tag:Actors')).toHaveLength(3);

  // Bulk: every result of a query gets a tag created on the fly in the picker.
  await search(page, 'мобилизованных');
  const mobilised = await matches(request, sifter, 'мобилизованных');
  expect(mobilised.length).toBeGreaterThanOrEqual(4);
  const bar = page.getByTestId('bulk-bar');
  await bar.getByRole('button', { name: /^Select all [\d,]+ results of this query$/ }).click();
  await expect(page.getByTestId('bulk-count')).toHaveText(`All ${mobilised.length} results selected`);
  await bar.getByRole('button', { name: 'Add tag…' }).click();
  await pickTag(page.getByRole('dialog', { name: /Add a tag to/ }), 'Mobilisation');
  await expect(page.getByText(`Tagged ${mobilised.length} items with Mobilisation`)).toBeVisible();
  expect(await matches(request, sifter, 'tag:Mobilisation')).toEqual(mobilised);

  // Shift- and Ctrl-click marks: a range of two, then one more.
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Clear' }).click();
  await hits
    .nth(0)
    .locator('.hit__snippet')
    .click({ modifiers: ['Control'] });
  await hits
    .nth(1)
    .locator('.hit__snippet')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-count')).toHaveText('2 selected');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('bulk-count')).not.toContainText('selected');

  // The Reader: key 2 toggles the other pinned tag; a sentence is clipped with a note; a note.
  await search(page, 'деньги за молчание');
  await hits.first().getByRole('button').first().click();
  await expect(page.getByRole('main', { name: 'Reader' })).toBeVisible();
  const itemId = Number(/item=(\d+)/.exec(page.url())?.[1]);
  await page.getByRole('heading', { level: 1 }).first().click();
  await page.keyboard.press('2');
  await expect(page.getByRole('button', { name: /Demands/, pressed: true })).toBeVisible();

  await selectWords(page, 'Мы отказались.');
  await page.getByRole('button', { name: 'Clip', exact: true }).click();
  const newClip = page.getByRole('dialog', { name: 'New clip' });
  await newClip.getByLabel('Note').fill('They refused the money');
  await newClip.getByRole('button', { name: 'Save clip' }).click();
  await expect(page.getByTestId('clip')).toHaveCount(1);
  await expect(page.getByTestId('clip')).toContainText('They refused the money');
  await expect.poll(() => clipHighlights(page)).toEqual(['Мы отказались.']);

  const note = page.getByRole('textbox', { name: 'Note' });
  await note.fill('Offer of money for silence — check who made it.');
  await note.blur();
  await expect(page.getByTestId('note-state')).toHaveText('Saved');

  // Restart the server: everything is read back from the workspace. (The open page keeps calling
  // the stopped server until it is reloaded: those refused requests are expected.)
  const oldOrigin = sifter.origin;
  await sifter.restart();
  await gotoApp(page, sifter);
  expect(await matches(request, sifter, 'tag:"Actors/Way Home"')).toEqual([...tagged].sort((a, b) => a - b));
  expect(await matches(request, sifter, 'tag:Mobilisation')).toEqual(mobilised);
  expect(await matches(request, sifter, 'tag:Demands')).toEqual([itemId]);
  expect(await matches(request, sifter, 'has:clip')).toEqual([itemId]);
  expect(await matches(request, sifter, 'has:note')).toEqual([itemId]);
  expect(await matches(request, sifter, '-tag:Mobilisation tag:Actors')).toEqual(
    tagged.filter((id) => !mobilised.includes(id)).sort((a, b) => a - b),
  );

  // The page finds them too: the query, the Tags area's counts, the Reader's clip and note.
  await search(page, 'has:clip has:note');
  expect(await resultCount(page)).toBe(1);
  await page.evaluate(() => {
    window.location.hash = '#/tags';
  });
  await expect(page.locator('[data-tag-path="Actors/Way Home"] .tag-row__count')).toHaveText('3');
  await expect(page.locator('[data-tag-path="Actors"] .tag-row__count')).toContainText('/ 3');
  await page.locator('[data-tag-path="Mobilisation"] .tag-row__count').click();
  await expect(queryBox(page)).toHaveValue('tag:Mobilisation');
  await expect.poll(() => resultCount(page)).toBe(mobilised.length);

  await page.evaluate((id) => {
    window.location.hash = `#/reader?item=${id}`;
  }, itemId);
  await expect(page.getByTestId('clip')).toContainText('Мы отказались.');
  await expect(page.getByTestId('clip')).toContainText('They refused the money');
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue(
    'Offer of money for silence — check who made it.',
  );
  await expect.poll(() => clipHighlights(page)).toEqual(['Мы отказались.']);

  // Undo a bulk tag: every result of another query tagged, then Ctrl+Z takes it all back.
  await search(page, 'Министерство');
  const ministry = await matches(request, sifter, 'Министерство');
  expect(ministry.length).toBeGreaterThanOrEqual(2);
  await bar.getByRole('button', { name: /^Select all/ }).click();
  await bar.getByRole('button', { name: 'Add tag…' }).click();
  await pickTag(page.getByRole('dialog', { name: /Add a tag to/ }), 'Later');
  await expect(page.getByText(`Tagged ${ministry.length} items with Later`)).toBeVisible();
  expect(await matches(request, sifter, 'tag:Later')).toEqual(ministry);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByText(`Undone: Tag ${ministry.length} items with Later`)).toBeVisible();
  expect(await matches(request, sifter, 'tag:Later')).toEqual([]);
  // Only the last action was undone.
  expect(await matches(request, sifter, 'tag:Mobilisation')).toEqual(mobilised);

  expect(withoutExpected(appErrors, `${oldOrigin}/`)).toEqual([]);
});

test('the Tags area edits the tree: rename, move, merge, delete with children, undo', async ({
  page,
  sifter,
  request,
  appErrors,
}) => {
  await importPaths(request, sifter, ['telegram/channel-export']);
  const [first, second] = (await matches(request, sifter, 'домой')) as [number, number];
  for (const path of ['Actors/Way Home', 'Actors/Ministry', 'People', 'Places/Kyiv', 'Places/Lviv']) {
    await api(request, sifter, 'tags.create', { path });
  }
  const wayHome = await api<{ id: number }>(request, sifter, 'tags.get', { path: 'Actors/Way Home' });
  const people = await api<{ id: number }>(request, sifter, 'tags.get', { path: 'People' });
  await api(request, sifter, 'tags.add', { itemIds: [first, second], tagId: wayHome.id });
  await api(request, sifter, 'tags.add', { itemIds: [first], tagId: people.id });
  await gotoApp(page, sifter, '#/tags');
  const row = (path: string) => page.locator(`[data-tag-path="${path}"]`);
  await expect(row('Actors/Way Home').locator('.tag-row__count')).toHaveText('2');

  // Rename in place.
  await row('People').click();
  const name = page.getByRole('textbox', { name: 'Tag name' });
  await name.fill('Persons');
  await name.press('Enter');
  await expect(row('Persons')).toBeVisible();

  // Move with the picker, then by dragging a row onto another.
  await row('Actors/Ministry').click();
  await page.getByRole('button', { name: 'Move to…' }).click();
  await pickTag(page.getByRole('dialog', { name: /^Move Actors\/Ministry under/ }), 'Persons');
  await expect(row('Persons/Ministry')).toBeVisible();
  await row('Places/Kyiv').dragTo(row('Persons'));
  await expect(row('Persons/Kyiv')).toBeVisible();

  // Merge: the items of Way Home move to Persons, each once.
  await row('Actors/Way Home').click();
  await page.getByRole('button', { name: 'Merge into…' }).click();
  await pickTag(page.getByRole('dialog', { name: /^Merge Actors\/Way Home into/ }), 'Persons');
  await page
    .getByRole('dialog', { name: 'Merge Actors/Way Home into Persons?' })
    .getByRole('button', { name: 'Merge' })
    .click();
  await expect(row('Actors/Way Home')).toHaveCount(0);
  await expect(row('Persons').locator('.tag-row__count')).toContainText('2');
  expect(await matches(request, sifter, 'tag:Persons')).toEqual([first, second].sort((a, b) => a - b));

  // Deleting a parent asks about its children: keep them (lifted to the top level).
  await row('Places').click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Places?' });
  await expect(confirm.getByRole('radio', { name: /Keep them/ })).toBeChecked();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(row('Places')).toHaveCount(0);
  await expect(row('Lviv')).toBeVisible();

  // Ctrl+Z brings the parent back with its child under it.
  await page.locator('.tag-tree__rows').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: ', { exact: false }).first()).toBeVisible();
  await expect(row('Places/Lviv')).toBeVisible();

  // The count opens the tag's items in Search.
  await row('Persons').locator('.tag-row__count').click();
  await expect(page.getByRole('searchbox', { name: 'Search query' })).toHaveValue('tag:Persons');
  expect(appErrors).toEqual([]);
});
