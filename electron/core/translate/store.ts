// Translations as stored: one row per item and target language, its sentences aligned with the
// original by offsets. The skeleton (the item's sentences with no target yet) is what the Reader
// shows before anything is translated, and what an analyst types a manual translation into.
import type { ItemTranslation, TranslatedSegment } from '../../../shared/api/translate';
import { segmentText } from '../../../shared/text/segment';
import type { Workspace } from '../workspace/workspace';
import { SifterError } from '../errors';

export interface SourceItem {
  id: number;
  text: string;
  title: string | null;
  lang: string | null;
}

/** A sentence as stored in translations.segments (JSON). `field` tells the title from the text. */
export interface StoredSegment {
  field: 'title' | 'text';
  index: number;
  paragraph: number;
  start: number;
  end: number;
  source: string;
  target: string;
  engine: string | null;
  edited: boolean;
}

export interface TranslationDraft {
  itemId: number;
  to: string;
  from: string | null;
  /** Title first (when the item has one), then the text's sentences. */
  segments: StoredSegment[];
  engine: string | null;
  stored: boolean;
  updatedAt: number | null;
}

export function loadItem(ws: Workspace, itemId: number): SourceItem {
  const row = ws.db
    .prepare('SELECT id, text, title, lang FROM items WHERE id = ? AND removed = 0')
    .get(itemId) as { id: number; text: string; title: string | null; lang: string | null } | undefined;
  if (!row) throw new SifterError('NOT_FOUND', `There is no item ${itemId} in this workspace.`);
  return row;
}

function parseStored(json: string): StoredSegment[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value)
      ? (value as StoredSegment[]).filter((s) => s && typeof s.source === 'string')
      : [];
  } catch {
    return [];
  }
}

/**
 * The item's sentences with whatever is stored for them. A stored sentence is matched by its
 * offsets and source text, so a change in how text is segmented never pins a translation on the
 * wrong sentence.
 */
export function loadDraft(ws: Workspace, item: SourceItem, to: string): TranslationDraft {
  const row = ws.db
    .prepare('SELECT engine, segments, updated_at FROM translations WHERE item_id = ? AND target_lang = ?')
    .get(item.id, to) as { engine: string; segments: string; updated_at: number } | undefined;
  const stored = new Map<string, StoredSegment>();
  for (const s of parseStored(row?.segments ?? '[]'))
    stored.set(`${s.field}|${s.start}|${s.end}|${s.source}`, s);
  const fresh: StoredSegment[] = [];
  const title = item.title?.trim();
  if (title)
    fresh.push({
      field: 'title',
      index: -1,
      paragraph: -1,
      start: 0,
      end: title.length,
      source: title,
      target: '',
      engine: null,
      edited: false,
    });
  for (const s of segmentText(item.text, item.lang)) {
    fresh.push({
      field: 'text',
      index: s.index,
      paragraph: s.paragraph,
      start: s.start,
      end: s.end,
      source: s.text,
      target: '',
      engine: null,
      edited: false,
    });
  }
  const segments = fresh.map((s) => {
    const old = stored.get(`${s.field}|${s.start}|${s.end}|${s.source}`);
    return old
      ? { ...s, target: String(old.target ?? ''), engine: old.engine ?? null, edited: old.edited === true }
      : s;
  });
  return {
    itemId: item.id,
    to,
    from: item.lang,
    segments,
    engine: row?.engine ?? null,
    stored: Boolean(row),
    updatedAt: row?.updated_at ?? null,
  };
}

export function saveDraft(ws: Workspace, draft: TranslationDraft): number {
  const now = Date.now();
  const edited = draft.segments.some((s) => s.edited) ? 1 : 0;
  ws.db
    .prepare(
      `INSERT INTO translations(item_id, target_lang, source_lang, engine, segments, edited, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(item_id, target_lang) DO UPDATE SET
         source_lang = excluded.source_lang, engine = excluded.engine, segments = excluded.segments,
         edited = excluded.edited, updated_at = excluded.updated_at`,
    )
    .run(
      draft.itemId,
      draft.to,
      draft.from,
      draft.engine ?? 'manual',
      JSON.stringify(draft.segments),
      edited,
      now,
      now,
    );
  return now;
}

/** The translated text (sentences joined by a space, paragraphs by a line break) and each sentence's place in it. */
export function assemble(draft: TranslationDraft, stats: ItemTranslation['stats'] = null): ItemTranslation {
  let text = '';
  let paragraph: number | null = null;
  const segments: TranslatedSegment[] = [];
  for (const s of draft.segments) {
    if (s.field !== 'text') continue;
    if (s.target !== '') {
      if (text !== '') text += paragraph === s.paragraph ? ' ' : '\n';
      paragraph = s.paragraph;
    }
    const targetStart = text.length;
    text += s.target;
    segments.push({
      index: s.index,
      paragraph: s.paragraph,
      start: s.start,
      end: s.end,
      source: s.source,
      target: s.target,
      engine: s.engine,
      edited: s.edited,
      targetStart,
      targetEnd: text.length,
    });
  }
  const title = draft.segments.find((s) => s.field === 'title');
  return {
    itemId: draft.itemId,
    to: draft.to,
    from: draft.from,
    engine: draft.stored ? draft.engine : null,
    stored: draft.stored,
    edited: draft.segments.some((s) => s.edited),
    segments,
    text,
    title: title
      ? { source: title.source, target: title.target, engine: title.engine, edited: title.edited }
      : null,
    updatedAt: draft.updatedAt,
    stats,
  };
}
