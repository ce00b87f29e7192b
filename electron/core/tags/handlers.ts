// Tagging calls of the handler map: the tag tree, item tags, clips, notes and undo.
import type { tagCalls } from '../../../shared/api/tags';
import type { TagNode } from '../../../shared/domain';
import type { Core } from '../core';
import type { HandlersFor } from '../handler';
import { SifterError } from '../errors';
import { clipsOfItem, clipsOfTag, createClip, removeClip, updateClip } from './clips';
import { bulkTag, requireItem, tagsOfItem, toggleTag } from './item-tags';
import { noteOf, setNote } from './notes';
import { pickTags } from './picker';
import { PIN_KEYS, pinsAfterMerge, pinTag, tagOnKey } from './pins';
import { createTag, deleteTag, mergeTags, moveTag, recolorTag, renameTag } from './tag-edits';
import { TagTree, tagNodes } from './tree';
import { undoLast } from './undo';
import { undoHistory } from './undo-log';

/** Bulk actions over more items than this run as a job, so the status bar shows their progress. */
const BULK_JOB_THRESHOLD = 1000;
/** Events list the touched items up to this many; beyond, listeners refetch. */
const EVENT_ITEM_LIMIT = 1000;

type Changed = 'tree' | 'items' | 'clips' | 'notes' | 'undo';

function announce(core: Core, what: Changed, label: string, itemIds: readonly number[] | null = null): void {
  core.events.emit('tags.changed', {
    what,
    label,
    itemIds: itemIds && itemIds.length <= EVENT_ITEM_LIMIT ? [...itemIds] : null,
  });
  core.events.emit('workspace.changed', { dir: core.workspace.paths.dir, reason: 'tagged' });
}

const pinned = (core: Core): number[] => core.settings.get().pinnedTags;

function savePins(core: Core, pins: number[]): number[] {
  const settings = core.settings.update({ pinnedTags: pins });
  core.events.emit('settings.changed', { settings });
  return settings.pinnedTags;
}

function node(core: Core, tree: TagTree, id: number): TagNode {
  const [found] = tagNodes(core.workspace.db, tree, [tree.require(id)], pinned(core));
  if (!found) throw new SifterError('INTERNAL', `Tag ${id} vanished while it was read.`);
  return found;
}

/** The tag the typed text names exactly; a half-typed path ("Actors/") names none, and is no error. */
function exactPath(tree: TagTree, query: string) {
  if (query.trim() === '') return undefined;
  try {
    return tree.findPath(query);
  } catch {
    return undefined;
  }
}

export const tagHandlers: HandlersFor<typeof tagCalls> = {
  'tags.list': (_req, core) => {
    const tree = TagTree.load(core.workspace.db);
    return tagNodes(core.workspace.db, tree, tree.ordered(), pinned(core));
  },
  'tags.get': (req, core) => {
    const tree = TagTree.load(core.workspace.db);
    return node(core, tree, req.id ?? tree.resolve(req.path ?? '').id);
  },
  'tags.create': (req, core) => {
    const { tag, created, tree } = createTag(core.workspace, req);
    if (created.length > 0) announce(core, 'tree', `Created ${tree.path(tag.id)}`);
    return { tag: node(core, tree, tag.id), created: created.map((t) => tree.ref(t.id)) };
  },
  'tags.rename': (req, core) => {
    const tree = renameTag(core.workspace, req.id, req.name);
    announce(core, 'tree', `Renamed ${tree.path(req.id)}`);
    return node(core, tree, req.id);
  },
  'tags.recolor': (req, core) => {
    const tree = recolorTag(core.workspace, req.id, req.color);
    announce(core, 'tree', `Recoloured ${tree.path(req.id)}`);
    return node(core, tree, req.id);
  },
  'tags.move': (req, core) => {
    const tree = moveTag(core.workspace, req.id, req.parentId);
    announce(core, 'tree', `Moved ${tree.path(req.id)}`);
    return node(core, tree, req.id);
  },
  'tags.merge': (req, core) => {
    const tree = mergeTags(core.workspace, req.sourceId, req.targetId);
    const pins = pinsAfterMerge(pinned(core), req.sourceId, req.targetId);
    if (pins.join() !== pinned(core).join()) savePins(core, pins);
    announce(core, 'tree', `Merged into ${tree.path(req.targetId)}`);
    return node(core, tree, req.targetId);
  },
  'tags.delete': (req, core) => {
    const deleted = deleteTag(core.workspace, req.id, req.children);
    announce(core, 'tree', `Deleted ${deleted[0]?.path ?? `tag ${req.id}`}`);
    return { deleted };
  },
  'tags.search': (req, core) => {
    const ws = core.workspace;
    let tree = TagTree.load(ws.db);
    let exact = exactPath(tree, req.query);
    let created: number[] = [];
    if (!exact && req.create) {
      const made = createTag(ws, { path: req.query, ifMissing: true });
      tree = made.tree;
      exact = tree.require(made.tag.id);
      created = made.created.map((t) => t.id);
      if (created.length > 0) announce(core, 'tree', `Created ${tree.path(made.tag.id)}`);
    }
    const rows = pickTags(tree, req.query, req.limit, pinned(core));
    const nodes = tagNodes(ws.db, tree, rows, pinned(core));
    return {
      matches: nodes,
      exact: exact ? (nodes.find((n) => n.id === exact?.id) ?? node(core, tree, exact.id)) : null,
      created: created.map((id) => tree.ref(id)),
    };
  },

  'tags.ofItem': (req, core) => tagsOfItem(core.workspace.db, req.itemId),
  'tags.toggle': (req, core) => {
    let tagId = req.tagId;
    if (req.key !== undefined) {
      tagId = tagOnKey(pinned(core), req.key);
      if (tagId === undefined) throw new SifterError('NOT_FOUND', `No tag is pinned to key ${req.key}.`);
      if (!TagTree.load(core.workspace.db).get(tagId)) {
        throw new SifterError(
          'NOT_FOUND',
          `The tag pinned to key ${req.key} no longer exists; pin another one.`,
        );
      }
    }
    if (tagId === undefined) throw new SifterError('INVALID', 'Give either tagId or key.');
    const result = toggleTag(core.workspace, req.itemId, tagId);
    announce(core, 'items', result.tagged ? `Tagged with ${result.tag.path}` : `Removed ${result.tag.path}`, [
      req.itemId,
    ]);
    return result;
  },
  'tags.add': (req, core) => runBulk(core, 'add', req.tagId, req.itemIds),
  'tags.remove': (req, core) => runBulk(core, 'remove', req.tagId, req.itemIds),

  'tags.pin': (req, core) => {
    const tree = TagTree.load(core.workspace.db);
    const tag = tree.ref(req.tagId);
    const pins = savePins(core, pinTag(pinned(core), req.tagId, req.key));
    announce(
      core,
      'tree',
      req.key === null ? `Unpinned ${tag.path}` : `Pinned ${tag.path} to key ${req.key}`,
    );
    return {
      keys: Array.from({ length: PIN_KEYS }, (_, i) => {
        const id = tagOnKey(pins, i + 1);
        return id !== undefined && tree.get(id) ? tree.ref(id) : null;
      }),
    };
  },

  'tags.undo': (_req, core) => {
    const undone = undoLast(core.workspace);
    if (undone) announce(core, 'undo', `Undid: ${undone.label}`);
    return { undone };
  },
  'tags.history': (_req, core) => undoHistory(core.workspace.db),

  'clips.create': (req, core) => {
    const clip = createClip(core.workspace, req);
    announce(core, 'clips', 'Clip added', [clip.itemId]);
    return clip;
  },
  'clips.update': (req, core) => {
    const clip = updateClip(core.workspace, req.id, req);
    announce(core, 'clips', 'Clip edited', [clip.itemId]);
    return clip;
  },
  'clips.remove': (req, core) => {
    const removed = removeClip(core.workspace, req.id);
    if (removed) announce(core, 'clips', 'Clip removed', [removed.item_id]);
    return { removed: removed !== null };
  },
  'clips.list': (req, core) => {
    const db = core.workspace.db;
    if (req.itemId !== undefined) {
      requireItem(db, req.itemId);
      return clipsOfItem(core.workspace, req.itemId);
    }
    const tree = TagTree.load(db);
    tree.require(req.tagId ?? 0);
    return clipsOfTag(core.workspace, req.tagId ?? 0, tree);
  },

  'notes.get': (req, core) => {
    requireItem(core.workspace.db, req.itemId);
    return noteOf(core.workspace.db, req.itemId);
  },
  'notes.set': (req, core) => {
    const before = noteOf(core.workspace.db, req.itemId).body;
    const note = setNote(core.workspace, req.itemId, req.body);
    if (note.body !== before)
      announce(core, 'notes', note.body === null ? 'Note deleted' : 'Note saved', [req.itemId]);
    return note;
  },
};

async function runBulk(core: Core, mode: 'add' | 'remove', tagId: number, itemIds: number[]) {
  const tree = TagTree.load(core.workspace.db);
  const path = tree.ref(tagId).path;
  const work = (onProgress?: (done: number, total: number) => void) =>
    bulkTag(core.workspace, mode, tagId, itemIds, { onProgress });
  const result =
    itemIds.length > BULK_JOB_THRESHOLD
      ? await core.jobs.run(
          'tag',
          mode === 'add'
            ? `Tagging ${itemIds.length} items with ${path}`
            : `Removing ${path} from ${itemIds.length} items`,
          async (job) =>
            work((done, total) =>
              job.progress({ phase: mode === 'add' ? 'tagging' : 'untagging', done, total }),
            ),
        )
      : work();
  if (result.changed > 0) {
    announce(
      core,
      'items',
      mode === 'add'
        ? `Tagged ${result.changed} items with ${path}`
        : `Removed ${path} from ${result.changed} items`,
      itemIds,
    );
  }
  return result;
}
