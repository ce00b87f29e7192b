import { openWorkspace, type Workspace } from '../workspace/workspace';
import { bulkTag } from './item-tags';
import { createTag, deleteTag, mergeTags, moveTag, recolorTag, renameTag } from './tag-edits';
import { openTemp, seedCount } from './testing';
import { TagTree, tagNodes } from './tree';
import { undoLast } from './undo';
import { createClip } from './clips';

const itemsOf = (ws: Workspace, tagId: number): number[] =>
  (
    ws.db.prepare('SELECT item_id FROM item_tags WHERE tag_id = ? ORDER BY item_id').all(tagId) as {
      item_id: number;
    }[]
  ).map((r) => r.item_id);
const paths = (ws: Workspace): string[] => {
  const tree = TagTree.load(ws.db);
  return tree.ordered().map((t) => tree.path(t.id));
};
const make = (ws: Workspace, path: string): number => createTag(ws, { path, ifMissing: true }).tag.id;
/** Everything tagging stores, to compare a state before and after an undo. */
const snapshot = (ws: Workspace): unknown => ({
  tags: ws.db.prepare('SELECT * FROM tags ORDER BY id').all(),
  itemTags: ws.db.prepare('SELECT * FROM item_tags ORDER BY item_id, tag_id').all(),
  clipTags: ws.db.prepare('SELECT * FROM clip_tags ORDER BY clip_id, tag_id').all(),
});

describe('tag tree', () => {
  it('creates a path with its missing parents, once, and finds it again in any case', () => {
    const ws = openTemp();
    const first = createTag(ws, { path: 'Actors/Way Home', ifMissing: false });
    expect(first.created.map((t) => t.name)).toEqual(['Actors', 'Way Home']);
    const again = createTag(ws, { path: 'actors / Bloggers', color: '#112233', ifMissing: false });
    expect(again.created.map((t) => t.name)).toEqual(['Bloggers']);
    expect(again.tag.color).toBe('#112233');
    expect(paths(ws)).toEqual(['Actors', 'Actors/Bloggers', 'Actors/Way Home']);
    expect(() => createTag(ws, { path: 'ACTORS/way home', ifMissing: false })).toThrow(/already exists/);
    expect(createTag(ws, { path: 'ACTORS/way home', ifMissing: true }).tag.id).toBe(first.tag.id);
    expect(() => createTag(ws, { path: 'Actors//X', ifMissing: false })).toThrow(/empty level/);
    ws.close();
  });

  it('renames, refusing a name a sibling has (in any case) but allowing a change of case', () => {
    const ws = openTemp();
    const a = make(ws, 'Actors/Way Home');
    make(ws, 'Actors/Bloggers');
    expect(() => renameTag(ws, a, 'bloggers')).toThrow(/already a tag "Bloggers" under "Actors"/);
    expect(() => renameTag(ws, a, 'A/B')).toThrow(/cannot contain "\/"/);
    renameTag(ws, a, 'WAY HOME');
    expect(paths(ws)).toContain('Actors/WAY HOME');
    recolorTag(ws, a, '#abcdef');
    expect(TagTree.load(ws.db).get(a)?.color).toBe('#abcdef');
    ws.close();
  });

  it('moves a subtree but never into itself', () => {
    const ws = openTemp();
    const actors = make(ws, 'Actors');
    const wayHome = make(ws, 'Actors/Way Home/Leaders');
    const leaders = wayHome;
    const media = make(ws, 'Media');
    expect(() => moveTag(ws, actors, leaders)).toThrow(/inside the tag itself/);
    expect(() => moveTag(ws, actors, actors)).toThrow(/inside the tag itself/);
    const wh = TagTree.load(ws.db).findPath('Actors/Way Home')?.id ?? 0;
    moveTag(ws, wh, media);
    expect(paths(ws)).toEqual(['Actors', 'Media', 'Media/Way Home', 'Media/Way Home/Leaders']);
    make(ws, 'Way Home');
    expect(() => moveTag(ws, wh, null)).toThrow(/already a tag "Way Home" at the top level/);
    ws.close();
  });

  it('merges two tags keeping every item and clip link exactly once, children re-parented', () => {
    const ws = openTemp();
    const items = seedCount(ws, 6);
    const [i1, i2, i3, i4, i5] = items as [number, number, number, number, number];
    const source = make(ws, 'Wagner');
    const target = make(ws, 'PMC Wagner');
    const sourceOnlyChild = make(ws, 'Wagner/Prigozhin');
    const sourceTwin = make(ws, 'Wagner/Africa');
    const targetTwin = make(ws, 'PMC Wagner/africa');
    bulkTag(ws, 'add', source, [i1, i2, i3]);
    bulkTag(ws, 'add', target, [i3, i4]); // i3 carries both
    bulkTag(ws, 'add', sourceTwin, [i5]);
    bulkTag(ws, 'add', targetTwin, [i5, i4]);
    const clip = createClip(ws, {
      itemId: i1,
      field: 'text',
      start: 0,
      end: 4,
      quote: 'Post',
      note: '',
      tagIds: [source, target],
    });
    const before = snapshot(ws);

    mergeTags(ws, source, target);
    expect(itemsOf(ws, target)).toEqual([i1, i2, i3, i4]);
    expect(itemsOf(ws, targetTwin)).toEqual([i4, i5]);
    expect(paths(ws)).toEqual(['PMC Wagner', 'PMC Wagner/africa', 'PMC Wagner/Prigozhin']);
    expect(TagTree.load(ws.db).get(sourceOnlyChild)?.parent_id).toBe(target);
    expect(ws.db.prepare('SELECT tag_id FROM clip_tags WHERE clip_id = ?').all(clip.id)).toEqual([
      { tag_id: target },
    ]);
    expect(
      ws.db.prepare('SELECT COUNT(*) AS n FROM item_tags WHERE tag_id IN (?, ?)').get(source, sourceTwin),
    ).toEqual({ n: 0 });

    expect(undoLast(ws)?.label).toBe('Merge tag Wagner into PMC Wagner');
    expect(snapshot(ws)).toEqual(before);
    ws.close();
  });

  it('refuses to merge a tag into its own descendant', () => {
    const ws = openTemp();
    const parent = make(ws, 'Actors');
    const child = make(ws, 'Actors/Way Home');
    expect(() => mergeTags(ws, parent, child)).toThrow(/target is inside the tag being merged/);
    expect(() => mergeTags(ws, parent, parent)).toThrow(/into itself/);
    mergeTags(ws, child, parent); // a child into its parent is fine
    expect(paths(ws)).toEqual(['Actors']);
    ws.close();
  });

  it('deleting a parent needs a choice for its children; without one nothing changes', () => {
    const ws = openTemp();
    const [i1, i2] = seedCount(ws, 2) as [number, number];
    const actors = make(ws, 'Actors');
    const wayHome = make(ws, 'Actors/Way Home');
    make(ws, 'Actors/Bloggers');
    bulkTag(ws, 'add', actors, [i1]);
    bulkTag(ws, 'add', wayHome, [i1, i2]);
    const before = snapshot(ws);
    expect(() => deleteTag(ws, actors, undefined)).toThrow(
      /"Actors" has 2 child tags \("Bloggers", "Way Home"\): say whether to delete them too or lift them up to the top level/,
    );
    expect(snapshot(ws)).toEqual(before);

    deleteTag(ws, actors, 'lift');
    expect(paths(ws)).toEqual(['Bloggers', 'Way Home']);
    expect(itemsOf(ws, wayHome)).toEqual([i1, i2]);
    expect(undoLast(ws)?.label).toBe('Delete tag Actors');
    expect(snapshot(ws)).toEqual(before);

    const deleted = deleteTag(ws, actors, 'delete');
    expect(deleted.map((t) => t.path)).toEqual(['Actors', 'Actors/Bloggers', 'Actors/Way Home']);
    expect(paths(ws)).toEqual([]);
    expect(ws.db.prepare('SELECT COUNT(*) AS n FROM item_tags').get()).toEqual({ n: 0 });
    expect(undoLast(ws)?.label).toBe('Delete tag Actors and 2 tags under it');
    expect(snapshot(ws)).toEqual(before);
    ws.close();
  });

  it('lifting children refuses a name clash with the grandparent level', () => {
    const ws = openTemp();
    const actors = make(ws, 'Actors');
    make(ws, 'Actors/Media');
    make(ws, 'Media');
    expect(() => deleteTag(ws, actors, 'lift')).toThrow(/already a tag "Media" at the top level/);
    expect(paths(ws)).toEqual(['Actors', 'Actors/Media', 'Media']);
    ws.close();
  });

  it('lifts a child into the place of its own parent when they share a name ("A/A" → "A"), and undoes it', () => {
    const ws = openTemp();
    const outer = make(ws, 'Moscow');
    const inner = make(ws, 'Moscow/Moscow');
    make(ws, 'Moscow/Moscow/Actors');
    const before = snapshot(ws);
    deleteTag(ws, outer, 'lift');
    expect(paths(ws)).toEqual(['Moscow', 'Moscow/Actors']);
    expect(TagTree.load(ws.db).require(inner).parent_id).toBeNull();
    expect(undoLast(ws)?.label).toBe('Delete tag Moscow');
    expect(snapshot(ws)).toEqual(before);
    ws.close();
  });

  it('counts items per tag, own and with descendants, each item once', () => {
    const ws = openTemp();
    const [i1, i2, i3] = seedCount(ws, 3) as [number, number, number];
    const actors = make(ws, 'Actors');
    const wayHome = make(ws, 'Actors/Way Home');
    const bloggers = make(ws, 'Actors/Bloggers');
    bulkTag(ws, 'add', actors, [i1]);
    bulkTag(ws, 'add', wayHome, [i1, i2]);
    bulkTag(ws, 'add', bloggers, [i2, i3]);
    const tree = TagTree.load(ws.db);
    const nodes = tagNodes(ws.db, tree, tree.ordered(), [bloggers]);
    expect(nodes.map((n) => [n.path, n.count, n.totalCount, n.depth, n.childCount, n.pinnedKey])).toEqual([
      ['Actors', 1, 3, 0, 2, null],
      ['Actors/Bloggers', 2, 2, 1, 0, 1],
      ['Actors/Way Home', 2, 2, 1, 0, null],
    ]);
    ws.close();
  });

  it('keeps the tree and the undo log across a restart', () => {
    const ws = openTemp();
    const dir = ws.paths.dir;
    const id = make(ws, 'Actors/Way Home');
    renameTag(ws, id, 'Way Home (RU)');
    ws.close();
    const reopened = openWorkspace(dir);
    expect(paths(reopened)).toEqual(['Actors', 'Actors/Way Home (RU)']);
    expect(undoLast(reopened)?.label).toBe('Rename tag Actors/Way Home to Way Home (RU)');
    expect(paths(reopened)).toEqual(['Actors', 'Actors/Way Home']);
    reopened.close();
  });
});
