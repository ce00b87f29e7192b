// JSON and NDJSON exports in Sifter's own format (docs/export-format.md): full records with their
// source, tags, clips, note and translations, importable back (importers/sifter-json). Records
// are produced one at a time so a large export is streamed to disk, never held whole.
import type { Core } from '../core';
import type { JobControl } from '../jobs/jobs';
import type { ReportModel } from './model';
import { TagTree } from '../tags/queries';
import { SIFTER_EXPORT_VERSION, type ExportHeader, type ExportItem } from '../importers/sifter-json/format';
import { isoUtc } from './time';

interface FullRow {
  id: number;
  source_key: string;
  source_kind: string;
  source_name: string;
  source_username: string | null;
  source_url: string | null;
  kind: ExportItem['kind'];
  external_id: string;
  url: string | null;
  title: string | null;
  author: string | null;
  channel: string | null;
  published_at: number | null;
  time_zone_unknown: number;
  lang: string | null;
  text: string;
  html: string | null;
  entities: string;
  media: string;
  reply_to_external: string | null;
  forwarded_from: string | null;
  edited_at: number | null;
  reactions: string | null;
  extra: string;
}

function json<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const iso = (ms: number | null): string | null => isoUtc(ms);

function header(model: ReportModel, core: Core): ExportHeader {
  const tree = TagTree.load(core.workspace.db);
  return {
    sifterExport: SIFTER_EXPORT_VERSION,
    generator: `Sifter ${core.options.version}`,
    exportedAt: new Date(model.generatedAt).toISOString(),
    report: { title: model.title, author: model.author, summary: model.summary, criteria: model.criteria },
    tags: tree.ordered().map((t) => ({ path: tree.path(t.id), color: t.color })),
  };
}

/** Every item of the report as a full export record, in report order. */
function* records(core: Core, model: ReportModel, job?: JobControl): Generator<ExportItem> {
  const db = core.workspace.db;
  const tree = TagTree.load(db);
  const itemStmt = db.prepare(
    `SELECT i.*, s.key AS source_key, s.kind AS source_kind, s.name AS source_name, s.username AS source_username, s.url AS source_url
     FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ?`,
  );
  const tagStmt = db.prepare('SELECT tag_id FROM item_tags WHERE item_id = ? ORDER BY tag_id');
  const noteStmt = db.prepare('SELECT body, updated_at FROM notes WHERE item_id = ?');
  const clipStmt = db.prepare('SELECT * FROM clips WHERE item_id = ? ORDER BY field, start, id');
  const clipTagStmt = db.prepare('SELECT tag_id FROM clip_tags WHERE clip_id = ? ORDER BY tag_id');
  const trStmt = db.prepare('SELECT * FROM translations WHERE item_id = ? ORDER BY target_lang');
  const tagRef = (id: number): { path: string; color: string } => ({
    path: tree.path(id),
    color: tree.require(id).color,
  });
  let done = 0;
  for (const entry of model.entries) {
    const r = itemStmt.get(entry.item.id) as unknown as FullRow | undefined;
    if (!r) continue;
    const note = noteStmt.get(r.id) as { body: string; updated_at: number } | undefined;
    const clips = clipStmt.all(r.id) as {
      id: number;
      field: string;
      start: number;
      end: number;
      quote: string;
      note: string;
      created_at: number;
    }[];
    const translations = trStmt.all(r.id) as {
      target_lang: string;
      source_lang: string | null;
      engine: string;
      segments: string;
      edited: number;
      updated_at: number;
    }[];
    yield {
      source: {
        key: r.source_key,
        kind: r.source_kind,
        name: r.source_name,
        username: r.source_username,
        url: r.source_url,
      },
      kind: r.kind,
      externalId: r.external_id,
      url: r.url,
      title: r.title,
      author: r.author,
      channel: r.channel,
      publishedAt: iso(r.published_at),
      timeZoneUnknown: r.time_zone_unknown === 1,
      lang: r.lang,
      text: r.text,
      html: r.html,
      entities: json(r.entities, []),
      media: json(r.media, []),
      replyToExternalId: r.reply_to_external,
      forwardedFrom: r.forwarded_from,
      editedAt: iso(r.edited_at),
      reactions: json(r.reactions, null),
      extra: json(r.extra, {}),
      tags: (tagStmt.all(r.id) as { tag_id: number }[]).map((t) => tagRef(t.tag_id)),
      note: note ? { body: note.body, updatedAt: iso(note.updated_at) } : null,
      clips: clips.map((c) => {
        const translation = c.field.startsWith('translation:');
        return {
          field: translation ? ('translation' as const) : ('text' as const),
          lang: translation ? c.field.slice('translation:'.length) : null,
          start: c.start,
          end: c.end,
          quote: c.quote,
          note: c.note,
          tags: (clipTagStmt.all(c.id) as { tag_id: number }[]).map((t) => tagRef(t.tag_id)),
          createdAt: iso(c.created_at),
        };
      }),
      translations: translations.map((t) => ({
        to: t.target_lang,
        from: t.source_lang,
        engine: t.engine,
        edited: t.edited === 1,
        updatedAt: iso(t.updated_at),
        segments: json(t.segments, []),
      })),
    };
    if (++done % 200 === 0) {
      job?.throwIfCancelled();
      job?.progress({ phase: 'writing', done, total: model.entries.length });
    }
  }
}

/** The JSON document, produced in chunks: the header's fields, then "items" one record per line. */
export function* sifterJsonChunks(core: Core, model: ReportModel, job?: JobControl): Generator<string> {
  const head = JSON.stringify(header(model, core));
  yield `${head.slice(0, -1)},"items":[\n`;
  let first = true;
  for (const record of records(core, model, job)) {
    yield `${first ? '' : ',\n'}${JSON.stringify(record)}`;
    first = false;
  }
  yield '\n]}\n';
}

/** NDJSON: a header line, then one item per line. */
export function* sifterNdjsonChunks(core: Core, model: ReportModel, job?: JobControl): Generator<string> {
  yield `${JSON.stringify({ ...header(model, core), type: 'header' })}\n`;
  for (const record of records(core, model, job)) yield `${JSON.stringify({ type: 'item', ...record })}\n`;
}
