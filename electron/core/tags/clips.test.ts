import type { Workspace } from '../workspace/workspace';
import { assemble, loadDraft, loadItem, saveDraft } from '../translate/store';
import {
  anchorClip,
  clipsOfItem,
  clipsOfTag,
  createClip,
  removeClip,
  updateClip,
  type NewClip,
} from './clips';
import { createTag } from './tag-edits';
import { openTemp, seedItems } from './testing';
import { undoLast } from './undo';

const TEXT = 'Жёны мобилизованных вышли к Думе. 🇺🇦 Родственники требуют ротации.';
const make = (ws: Workspace, path: string): number => createTag(ws, { path, ifMissing: true }).tag.id;
const clip = (itemId: number, quote: string, text = TEXT, extra: Partial<NewClip> = {}): NewClip => {
  const start = text.indexOf(quote);
  return { itemId, field: 'text', start, end: start + quote.length, quote, note: '', tagIds: [], ...extra };
};

describe('clips', () => {
  it('stores a quoted span with UTF-16 offsets, a note and its own tags', () => {
    const ws = openTemp();
    const [item] = seedItems(ws, [TEXT]) as [number];
    const demands = make(ws, 'Demands/Rotation');
    const created = createClip(
      ws,
      clip(item, 'Родственники требуют ротации', TEXT, { note: 'key demand', tagIds: [demands] }),
    );
    expect(created).toMatchObject({
      itemId: item,
      field: 'text',
      lang: null,
      quote: 'Родственники требуют ротации',
      note: 'key demand',
      detached: false,
    });
    // The flag emoji is two code points of two UTF-16 units each: offsets count units, as JS strings do.
    expect(created.start).toBe(TEXT.indexOf('Родственники'));
    expect(TEXT.slice(created.start, created.end)).toBe(created.quote);
    expect(created.tags.map((t) => t.path)).toEqual(['Demands/Rotation']);
    expect(clipsOfItem(ws, item)).toEqual([created]);
    ws.close();
  });

  it('refuses a quote that is not the text at its offsets, naming the item and what is there', () => {
    const ws = openTemp();
    const [item] = seedItems(ws, [TEXT]) as [number];
    expect(() => createClip(ws, { ...clip(item, 'вышли к Думе'), quote: 'вышли к Кремлю' })).toThrow(
      `The quote does not match item ${item}'s text at 20–32: the text there is "вышли к Думе".`,
    );
    expect(() => createClip(ws, { ...clip(item, 'Думе'), start: 5, end: 5 })).toThrow(
      /from a start offset to a later end offset, not 5–5/,
    );
    expect(() => createClip(ws, { ...clip(item, 'Думе'), start: 60, end: 400 })).toThrow(
      /lies outside item \d+'s text \(\d+ characters\)/,
    );
    const flag = TEXT.indexOf('🇺🇦');
    expect(() =>
      createClip(ws, {
        itemId: item,
        field: 'text',
        start: flag + 1,
        end: flag + 3,
        quote: TEXT.slice(flag + 1, flag + 3),
        note: '',
        tagIds: [],
      }),
    ).toThrow(/falls inside a character/);
    expect(() => createClip(ws, { ...clip(item, 'Думе'), itemId: 9999 })).toThrow(/no item with id 9999/);
    expect(() => createClip(ws, { ...clip(item, 'Думе'), tagIds: [5555] })).toThrow(/no tag with id 5555/);
    expect(() => createClip(ws, { ...clip(item, 'Думе'), field: 'translation', lang: 'en' })).toThrow(
      /has no translation into "en"/,
    );
    expect(ws.db.prepare('SELECT COUNT(*) AS n FROM clips').get()).toEqual({ n: 0 });
    ws.close();
  });

  it('clips a translation at offsets in the translated text the Reader shows', () => {
    const ws = openTemp();
    const [item] = seedItems(ws, ['Первое предложение. Второе предложение.\n\nНовый абзац.']) as [number];
    const draft = loadDraft(ws, loadItem(ws, item), 'en');
    const targets = ['First sentence.', 'Second sentence.', 'A new paragraph.'];
    draft.segments.forEach((s, i) => (s.target = targets[i] ?? ''));
    saveDraft(ws, draft);
    const shown = assemble(loadDraft(ws, loadItem(ws, item), 'en')).text;
    const quote = 'Second sentence.';
    const start = shown.indexOf(quote);
    const created = createClip(ws, {
      itemId: item,
      field: 'translation',
      lang: 'en',
      start,
      end: start + quote.length,
      quote,
      note: '',
      tagIds: [],
    });
    expect(created).toMatchObject({ field: 'translation', lang: 'en', start, detached: false });
    expect(() =>
      createClip(ws, {
        itemId: item,
        field: 'translation',
        lang: 'en',
        start: 0,
        end: 5,
        quote: 'Первое'.slice(0, 5),
        note: '',
        tagIds: [],
      }),
    ).toThrow(/does not match item \d+'s en translation at 0–5: the text there is "First"/);
    ws.close();
  });

  it('follows its words when the text under it moves, and says so when they are gone', () => {
    expect(anchorClip('abc quote def', 4, 9, 'quote')).toEqual({ start: 4, end: 9, detached: false });
    expect(anchorClip('new words first. abc quote def quote', 4, 9, 'quote')).toEqual({
      start: 21,
      end: 26,
      detached: false,
    });
    expect(anchorClip('nothing here', 4, 9, 'quote')).toEqual({ start: 4, end: 9, detached: true });
    expect(anchorClip(null, 4, 9, 'quote')).toEqual({ start: 4, end: 9, detached: true });

    const ws = openTemp();
    const [item] = seedItems(ws, [TEXT]) as [number];
    createClip(ws, clip(item, 'вышли к Думе'));
    // An edited post re-imported with a sentence in front: the clip still covers "вышли к Думе".
    const edited = `Срочно. ${TEXT}`;
    ws.db.prepare('UPDATE items SET text = ? WHERE id = ?').run(edited, item);
    const [moved] = clipsOfItem(ws, item);
    expect(moved && edited.slice(moved.start, moved.end)).toBe('вышли к Думе');
    ws.close();
  });

  it('lists clips under a tag and the tags above it; edits and removals are undoable', () => {
    const ws = openTemp();
    const [a, b] = seedItems(ws, [TEXT, 'Второй пост о ротации.']) as [number, number];
    const demands = make(ws, 'Demands');
    const rotation = make(ws, 'Demands/Rotation');
    const first = createClip(ws, clip(a, 'вышли к Думе', TEXT, { tagIds: [demands] }));
    const second = createClip(ws, clip(b, 'о ротации', 'Второй пост о ротации.', { tagIds: [rotation] }));
    expect(clipsOfTag(ws, demands).map((c) => c.id)).toEqual([second.id, first.id]);
    expect(clipsOfTag(ws, rotation).map((c) => c.id)).toEqual([second.id]);

    const edited = updateClip(ws, first.id, { note: 'at the Duma', tagIds: [rotation] });
    expect(edited.note).toBe('at the Duma');
    expect(edited.tags.map((t) => t.path)).toEqual(['Demands/Rotation']);
    expect(undoLast(ws)?.label).toBe('Edit clip "вышли к Думе"');
    expect(clipsOfItem(ws, a)[0]).toMatchObject({
      note: '',
      tags: [expect.objectContaining({ path: 'Demands' })],
    });

    expect(removeClip(ws, first.id)?.id).toBe(first.id);
    expect(clipsOfItem(ws, a)).toEqual([]);
    expect(undoLast(ws)?.label).toBe('Remove clip "вышли к Думе"');
    expect(clipsOfItem(ws, a)).toEqual([first]);
    expect(removeClip(ws, 12345)).toBeNull();
    ws.close();
  });
});
