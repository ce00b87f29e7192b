// Clips: a quoted span of an item's text or of one of its translations, with a note and tags.
// The quote is stored with its UTF-16 offsets; when the text under a clip changes (a translation
// redone, an edited post re-imported) the clip follows its words to where they moved, and says
// so (detached) when they are gone.
import type { DatabaseSync } from 'node:sqlite';
import type { ClipInfo, TagRef } from '../../../shared/domain';
import type { Workspace } from '../workspace/workspace';
import { SifterError } from '../errors';
import { requireItem } from './item-tags';
import { TagTree } from './tree';
import { setClipTags, UndoRecorder, type ClipRow } from './undo-log';
import { assemble, loadDraft, loadItem } from '../translate/store';

export type ClipField = 'text' | 'translation';

/** How the field is stored in clips.field: "text", or "translation:<lang>". */
function storedField(field: ClipField, lang: string | undefined): string {
  return field === 'text' ? 'text' : `translation:${lang ?? ''}`;
}

function parseField(stored: string): { field: ClipField; lang: string | null } {
  return stored.startsWith('translation:')
    ? { field: 'translation', lang: stored.slice('translation:'.length) }
    : { field: 'text', lang: null };
}

/**
 * The text a clip is anchored in, or null when it is gone. A translation clip indexes the
 * translation's text exactly as the Reader shows it (ItemTranslation.text, built by the translate
 * store), so offsets taken from a selection in the Reader are offsets here.
 */
function sourceText(ws: Workspace, itemId: number, stored: string): string | null {
  const { field, lang } = parseField(stored);
  if (field === 'text') {
    const row = ws.db.prepare('SELECT text FROM items WHERE id = ?').get(itemId) as
      { text: string } | undefined;
    return row?.text ?? null;
  }
  const exists = ws.db
    .prepare('SELECT 1 AS ok FROM translations WHERE item_id = ? AND target_lang = ?')
    .get(itemId, lang);
  if (!exists || lang === null) return null;
  try {
    return assemble(loadDraft(ws, loadItem(ws, itemId), lang)).text;
  } catch (err) {
    if (err instanceof SifterError && err.code === 'NOT_FOUND') return null; // the item was removed
    throw err;
  }
}

/** Where the clip's words are now: unchanged, moved to the nearest copy of the quote, or detached. */
export function anchorClip(
  text: string | null,
  start: number,
  end: number,
  quote: string,
): { start: number; end: number; detached: boolean } {
  if (text === null) return { start, end, detached: true };
  if (text.slice(start, end) === quote) return { start, end, detached: false };
  let best = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best === -1
    ? { start, end, detached: true }
    : { start: best, end: best + quote.length, detached: false };
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function checkSpan(text: string, start: number, end: number, quote: string, what: string): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new SifterError(
      'INVALID',
      `A clip spans from a start offset to a later end offset, not ${start}–${end}.`,
    );
  }
  if (end > text.length) {
    throw new SifterError(
      'INVALID',
      `The span ${start}–${end} lies outside ${what} (${text.length} characters).`,
    );
  }
  for (const at of [start, end]) {
    if (at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at))) {
      throw new SifterError('INVALID', `Offset ${at} falls inside a character of ${what}.`);
    }
  }
  const actual = text.slice(start, end);
  if (actual !== quote) {
    const shown = actual.length > 80 ? `${actual.slice(0, 80)}…` : actual;
    throw new SifterError(
      'INVALID',
      `The quote does not match ${what} at ${start}–${end}: the text there is "${shown}".`,
    );
  }
}

function checkTags(tree: TagTree, tagIds: readonly number[]): number[] {
  const unique = [...new Set(tagIds)];
  for (const id of unique) tree.require(id);
  return unique;
}

function clipInfo(ws: Workspace, tree: TagTree, row: ClipRow, texts: Map<string, string | null>): ClipInfo {
  const db = ws.db;
  const key = `${row.item_id}\u0000${row.field}`;
  if (!texts.has(key)) texts.set(key, sourceText(ws, row.item_id, row.field));
  const anchored = anchorClip(texts.get(key) ?? null, row.start, row.end, row.quote);
  const tags = (
    db.prepare('SELECT tag_id FROM clip_tags WHERE clip_id = ?').all(row.id) as { tag_id: number }[]
  )
    .map((r): TagRef => tree.ref(r.tag_id))
    .sort((a, b) => a.path.localeCompare(b.path));
  const { field, lang } = parseField(row.field);
  return {
    id: row.id,
    itemId: row.item_id,
    field,
    lang,
    ...anchored,
    quote: row.quote,
    note: row.note,
    tags,
    createdAt: row.created_at,
  };
}

function loadClip(db: DatabaseSync, id: number): ClipRow {
  const row = db.prepare('SELECT * FROM clips WHERE id = ?').get(id) as ClipRow | undefined;
  if (!row) throw new SifterError('NOT_FOUND', `There is no clip with id ${id}.`);
  return row;
}

function clipTagIds(db: DatabaseSync, id: number): number[] {
  return (db.prepare('SELECT tag_id FROM clip_tags WHERE clip_id = ?').all(id) as { tag_id: number }[]).map(
    (r) => r.tag_id,
  );
}

const short = (quote: string): string => (quote.length > 40 ? `${quote.slice(0, 40)}…` : quote);

export interface NewClip {
  itemId: number;
  field: ClipField;
  lang?: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  tagIds: number[];
}

export function createClip(ws: Workspace, req: NewClip): ClipInfo {
  return ws.transaction(() => {
    requireItem(ws.db, req.itemId);
    const stored = storedField(req.field, req.lang);
    const text = sourceText(ws, req.itemId, stored);
    if (text === null)
      throw new SifterError('NOT_FOUND', `Item ${req.itemId} has no translation into "${req.lang}".`);
    const what =
      req.field === 'text' ? `item ${req.itemId}'s text` : `item ${req.itemId}'s ${req.lang} translation`;
    checkSpan(text, req.start, req.end, req.quote, what);
    const tree = TagTree.load(ws.db);
    const tagIds = checkTags(tree, req.tagIds);
    const { lastInsertRowid } = ws.db
      .prepare(
        'INSERT INTO clips(item_id, field, start, end, quote, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(req.itemId, stored, req.start, req.end, req.quote, req.note, Date.now());
    const id = Number(lastInsertRowid);
    setClipTags(ws.db, id, tagIds);
    const undo = new UndoRecorder();
    undo.undoWith({ op: 'deleteClip', id });
    undo.commit(ws.db, `Clip "${short(req.quote)}" from item ${req.itemId}`);
    return clipInfo(ws, tree, loadClip(ws.db, id), new Map());
  });
}

export function updateClip(ws: Workspace, id: number, patch: { note?: string; tagIds?: number[] }): ClipInfo {
  return ws.transaction(() => {
    const row = loadClip(ws.db, id);
    const tree = TagTree.load(ws.db);
    const before = clipTagIds(ws.db, id);
    const tagIds = patch.tagIds === undefined ? undefined : checkTags(tree, patch.tagIds);
    const sameTags =
      tagIds === undefined || (tagIds.length === before.length && tagIds.every((t) => before.includes(t)));
    const sameNote = patch.note === undefined || patch.note === row.note;
    if (sameTags && sameNote) return clipInfo(ws, tree, row, new Map());
    const undo = new UndoRecorder();
    undo.undoWith({ op: 'setClip', id, note: row.note, tagIds: before });
    if (!sameNote) ws.db.prepare('UPDATE clips SET note = ? WHERE id = ?').run(patch.note ?? row.note, id);
    if (!sameTags) setClipTags(ws.db, id, tagIds ?? before);
    undo.commit(ws.db, `Edit clip "${short(row.quote)}"`);
    return clipInfo(ws, tree, loadClip(ws.db, id), new Map());
  });
}

export function removeClip(ws: Workspace, id: number): ClipRow | null {
  return ws.transaction(() => {
    const row = ws.db.prepare('SELECT * FROM clips WHERE id = ?').get(id) as ClipRow | undefined;
    if (!row) return null;
    const undo = new UndoRecorder();
    undo.undoWith({ op: 'insertClip', clip: { ...row }, tagIds: clipTagIds(ws.db, id) });
    ws.db.prepare('DELETE FROM clips WHERE id = ?').run(id);
    undo.commit(ws.db, `Remove clip "${short(row.quote)}"`);
    return row;
  });
}

/** An item's clips, in reading order. */
export function clipsOfItem(ws: Workspace, itemId: number, tree = TagTree.load(ws.db)): ClipInfo[] {
  const rows = ws.db
    .prepare('SELECT * FROM clips WHERE item_id = ? ORDER BY field, start, id')
    .all(itemId) as unknown as ClipRow[];
  const texts = new Map<string, string | null>();
  return rows.map((row) => clipInfo(ws, tree, row, texts));
}

/** The clips carrying a tag or any tag under it, newest first. */
export function clipsOfTag(ws: Workspace, tagId: number, tree = TagTree.load(ws.db)): ClipInfo[] {
  const ids = tree.subtree(tagId).map((t) => t.id);
  const rows = ws.db
    .prepare(
      `SELECT * FROM clips WHERE id IN (SELECT clip_id FROM clip_tags WHERE tag_id IN (SELECT value FROM json_each(?)))
       ORDER BY created_at DESC, id DESC`,
    )
    .all(JSON.stringify(ids)) as unknown as ClipRow[];
  const texts = new Map<string, string | null>();
  return rows.map((row) => clipInfo(ws, tree, row, texts));
}
