import type { Workspace } from '../workspace/workspace';
import { bulkTag, tagsOfItem, toggleTag } from './item-tags';
import { createTag } from './tag-edits';
import { openTemp, seedCount } from './testing';
import { undoLast } from './undo';
import { undoHistory, UNDO_LIMIT } from './undo-log';

const make = (ws: Workspace, path: string): number => createTag(ws, { path, ifMissing: true }).tag.id;
const tagged = (ws: Workspace, tagId: number): number =>
  (ws.db.prepare('SELECT COUNT(*) AS n FROM item_tags WHERE tag_id = ?').get(tagId) as { n: number }).n;

describe('tagging items', () => {
  it('toggles a tag on an item and back, each an undoable action', () => {
    const ws = openTemp();
    const [item] = seedCount(ws, 1) as [number];
    const tag = make(ws, 'Actors/Way Home');
    const on = toggleTag(ws, item, tag);
    expect(on.tagged).toBe(true);
    expect(on.tags.map((t) => t.path)).toEqual(['Actors/Way Home']);
    const off = toggleTag(ws, item, tag);
    expect(off.tagged).toBe(false);
    expect(off.tags).toEqual([]);
    expect(undoLast(ws)?.label).toBe(`Remove Actors/Way Home from item ${item}`);
    expect(tagsOfItem(ws.db, item).map((t) => t.name)).toEqual(['Way Home']);
    expect(() => toggleTag(ws, 999_999, tag)).toThrow(/no item with id 999999/);
    expect(() => toggleTag(ws, item, 424242)).toThrow(/no tag with id 424242/);
    ws.close();
  });

  it('bulk-tags 10,000 items as one action that one undo takes back, leaving earlier tags alone', () => {
    const ws = openTemp();
    const ids = seedCount(ws, 10_000);
    const tag = make(ws, 'Mobilisation');
    const earlier = ids.slice(0, 100);
    bulkTag(ws, 'add', tag, earlier);
    const progress: number[] = [];
    const result = bulkTag(ws, 'add', tag, [...ids, ids[5] ?? 0, 77_777_777], {
      onProgress: (done) => progress.push(done),
    });
    expect(result).toMatchObject({ changed: 9_900, unchanged: 100, missing: 1 });
    expect(result.tag.path).toBe('Mobilisation');
    expect(progress.at(-1)).toBe(10_001);
    expect(progress.length).toBeGreaterThan(10);
    expect(tagged(ws, tag)).toBe(10_000);
    expect(undoHistory(ws.db)[0]?.label).toBe('Tag 9,900 items with Mobilisation');

    expect(undoLast(ws)?.label).toBe('Tag 9,900 items with Mobilisation');
    expect(tagged(ws, tag)).toBe(100);
    expect(
      (
        ws.db.prepare('SELECT item_id FROM item_tags WHERE tag_id = ? ORDER BY item_id').all(tag) as {
          item_id: number;
        }[]
      ).map((r) => r.item_id),
    ).toEqual(earlier);
    ws.close();
  });

  it('bulk-removes a tag and undo restores exactly those links with their times', () => {
    const ws = openTemp();
    const ids = seedCount(ws, 50);
    const tag = make(ws, 'Protest');
    bulkTag(ws, 'add', tag, ids.slice(0, 30));
    const before = ws.db.prepare('SELECT * FROM item_tags ORDER BY item_id').all();
    const result = bulkTag(ws, 'remove', tag, ids);
    expect(result).toMatchObject({ changed: 30, unchanged: 20, missing: 0 });
    expect(tagged(ws, tag)).toBe(0);
    expect(undoLast(ws)?.label).toBe('Remove Protest from 30 items');
    expect(ws.db.prepare('SELECT * FROM item_tags ORDER BY item_id').all()).toEqual(before);
    ws.close();
  });

  it('a bulk action with an unknown tag stores nothing', () => {
    const ws = openTemp();
    const ids = seedCount(ws, 10);
    expect(() => bulkTag(ws, 'add', 31337, ids)).toThrow(/no tag with id 31337/);
    expect(ws.db.prepare('SELECT COUNT(*) AS n FROM item_tags').get()).toEqual({ n: 0 });
    expect(undoHistory(ws.db)).toEqual([]);
    ws.close();
  });

  it('undoes actions newest first and keeps only the last ' + UNDO_LIMIT, () => {
    const ws = openTemp();
    const [item] = seedCount(ws, 1) as [number];
    const tag = make(ws, 'T');
    for (let i = 0; i < UNDO_LIMIT + 10; i++) toggleTag(ws, item, tag);
    expect(undoHistory(ws.db)).toHaveLength(UNDO_LIMIT);
    // 60 toggles leave the item untagged; the newest entry is a removal, so undo tags it again.
    expect(tagsOfItem(ws.db, item)).toEqual([]);
    expect(undoLast(ws)?.label).toMatch(/^Remove T from item/);
    expect(tagsOfItem(ws.db, item)).toHaveLength(1);
    expect(undoLast(ws)?.label).toMatch(/^Tag item \d+ with T$/);
    expect(tagsOfItem(ws.db, item)).toEqual([]);
    while (undoLast(ws)) {
      /* drain */
    }
    expect(undoHistory(ws.db)).toEqual([]);
    expect(undoLast(ws)).toBeNull();
    ws.close();
  });

  it('an undo that can no longer apply is dropped with a clear message and changes nothing', () => {
    const ws = openTemp();
    const [item] = seedCount(ws, 1) as [number];
    const tag = make(ws, 'Gone');
    toggleTag(ws, item, tag);
    toggleTag(ws, item, tag);
    // Something outside tagging takes the tag's name slot in a way undo cannot reconcile.
    ws.db.prepare("INSERT INTO tag_undo(label, ops, created_at) VALUES ('Broken', ?, 0)").run(
      JSON.stringify([
        {
          op: 'insertTags',
          rows: [{ id: tag, name: 'Gone', color: '#000000', parent_id: null, created_at: 0 }],
        },
      ]),
    );
    expect(() => undoLast(ws)).toThrow(/Could not undo "Broken" .*taken off the undo list/);
    expect(undoHistory(ws.db).map((e) => e.label)[0]).toMatch(/^Remove Gone/);
    expect(undoLast(ws)?.label).toMatch(/^Remove Gone/);
    expect(tagsOfItem(ws.db, item)).toHaveLength(1);
    ws.close();
  });
});
