// Property: whatever sequence of tagging actions an analyst performs, undoing them one by one walks
// back through exactly the states they passed through, down to the start.
import fc from 'fast-check';
import type { Workspace } from '../workspace/workspace';
import { createClip, removeClip, updateClip } from './clips';
import { bulkTag, toggleTag } from './item-tags';
import { setNote } from './notes';
import { createTag, deleteTag, mergeTags, moveTag, recolorTag, renameTag } from './tag-edits';
import { openTemp, seedItems } from './testing';
import { TagTree } from './tree';
import { undoLast } from './undo';
import { undoHistory, UNDO_LIMIT } from './undo-log';

const TEXTS = ['alpha beta gamma', 'delta epsilon', 'zeta eta theta iota', 'kappa'];
const NAMES = ['Actors', 'Way Home', 'Places', 'Moscow', 'actors'];

type Action =
  | { kind: 'create'; path: string }
  | { kind: 'toggle'; item: number; tag: number }
  | { kind: 'bulk'; mode: 'add' | 'remove'; tag: number; items: number[] }
  | { kind: 'rename'; tag: number; name: string }
  | { kind: 'recolor'; tag: number; color: string }
  | { kind: 'move'; tag: number; parent: number | null }
  | { kind: 'merge'; source: number; target: number }
  | { kind: 'delete'; tag: number; children: 'delete' | 'lift' | undefined }
  | { kind: 'clip'; item: number; tags: number[] }
  | { kind: 'editClip'; clip: number; note: string; tags: number[] }
  | { kind: 'removeClip'; clip: number }
  | { kind: 'note'; item: number; body: string };

const pick = fc.nat({ max: 7 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    path: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }).map((p) => p.join('/')),
  }),
  fc.record({ kind: fc.constant('toggle' as const), item: fc.nat({ max: 3 }), tag: pick }),
  fc.record({
    kind: fc.constant('bulk' as const),
    mode: fc.constantFrom('add' as const, 'remove' as const),
    tag: pick,
    items: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('rename' as const), tag: pick, name: fc.constantFrom(...NAMES) }),
  fc.record({
    kind: fc.constant('recolor' as const),
    tag: pick,
    color: fc.constantFrom('#000000', '#ff0000'),
  }),
  fc.record({ kind: fc.constant('move' as const), tag: pick, parent: fc.option(pick, { nil: null }) }),
  fc.record({ kind: fc.constant('merge' as const), source: pick, target: pick }),
  fc.record({
    kind: fc.constant('delete' as const),
    tag: pick,
    children: fc.constantFrom('delete' as const, 'lift' as const, undefined),
  }),
  fc.record({
    kind: fc.constant('clip' as const),
    item: fc.nat({ max: 3 }),
    tags: fc.array(pick, { maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constant('editClip' as const),
    clip: pick,
    note: fc.constantFrom('', 'why', 'check'),
    tags: fc.array(pick, { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('removeClip' as const), clip: pick }),
  fc.record({
    kind: fc.constant('note' as const),
    item: fc.nat({ max: 3 }),
    body: fc.constantFrom('', 'a note', 'another note'),
  }),
);

/** Everything tagging stores (not the undo log itself). */
const snapshot = (ws: Workspace): unknown => ({
  tags: ws.db.prepare('SELECT * FROM tags ORDER BY id').all(),
  itemTags: ws.db.prepare('SELECT * FROM item_tags ORDER BY item_id, tag_id').all(),
  clips: ws.db.prepare('SELECT * FROM clips ORDER BY id').all(),
  clipTags: ws.db.prepare('SELECT * FROM clip_tags ORDER BY clip_id, tag_id').all(),
  notes: ws.db.prepare('SELECT * FROM notes ORDER BY item_id').all(),
});

/** Picks among what exists now (index modulo count), so actions mostly hit real tags and clips. */
function run(ws: Workspace, items: number[], a: Action): void {
  const tags = TagTree.load(ws.db)
    .ordered()
    .map((t) => t.id);
  const clips = (ws.db.prepare('SELECT id FROM clips ORDER BY id').all() as { id: number }[]).map(
    (r) => r.id,
  );
  const tag = (i: number): number => tags[i % Math.max(tags.length, 1)] ?? 1;
  const item = (i: number): number => items[i] ?? 1;
  const clip = (i: number): number => clips[i % Math.max(clips.length, 1)] ?? 1;
  switch (a.kind) {
    case 'create':
      return void createTag(ws, { path: a.path, ifMissing: true });
    case 'toggle':
      return void toggleTag(ws, item(a.item), tag(a.tag));
    case 'bulk':
      return void bulkTag(ws, a.mode, tag(a.tag), a.items.map(item));
    case 'rename':
      return void renameTag(ws, tag(a.tag), a.name);
    case 'recolor':
      return void recolorTag(ws, tag(a.tag), a.color);
    case 'move':
      return void moveTag(ws, tag(a.tag), a.parent === null ? null : tag(a.parent));
    case 'merge':
      return void mergeTags(ws, tag(a.source), tag(a.target));
    case 'delete':
      return void deleteTag(ws, tag(a.tag), a.children);
    case 'clip': {
      const text = TEXTS[a.item] ?? '';
      const end = text.includes(' ') ? text.indexOf(' ') : text.length;
      return void createClip(ws, {
        itemId: item(a.item),
        field: 'text',
        start: 0,
        end,
        quote: text.slice(0, end),
        note: '',
        tagIds: a.tags.map(tag),
      });
    }
    case 'editClip':
      return void updateClip(ws, clip(a.clip), { note: a.note, tagIds: a.tags.map(tag) });
    case 'removeClip':
      return void removeClip(ws, clip(a.clip));
    case 'note':
      return void setNote(ws, item(a.item), a.body);
  }
}

describe('undo', () => {
  it('walks back through every state of any sequence of tagging actions', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
        const ws = openTemp();
        try {
          const items = seedItems(ws, TEXTS);
          const states = [snapshot(ws)];
          for (const a of actions) {
            const entries = undoHistory(ws.db).length;
            try {
              run(ws, items, a);
            } catch (err) {
              // A refused action (name clash, cycle, missing choice, unknown id) must change nothing.
              expect(snapshot(ws)).toEqual(states.at(-1));
              expect((err as Error).name).toBe('SifterError');
              continue;
            }
            const now = snapshot(ws);
            if (undoHistory(ws.db).length > entries) states.push(now);
            else expect(now).toEqual(states.at(-1)); // no entry means nothing changed
          }
          expect(states.length).toBeLessThanOrEqual(UNDO_LIMIT + 1);
          while (states.length > 1) {
            states.pop();
            expect(undoLast(ws)).not.toBeNull();
            expect(snapshot(ws)).toEqual(states.at(-1));
          }
          expect(undoLast(ws)).toBeNull();
        } finally {
          ws.close();
        }
      }),
      { numRuns: Number(process.env.SIFTER_PROPERTY_RUNS ?? 40) },
    );
  });
});
