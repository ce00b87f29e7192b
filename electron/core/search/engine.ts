// The search engine of one workspace: segments (text) + item columns (everything else) → results
// with snippets, facets, a timeline and copy groups.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SearchHit, SearchResult } from '../../../shared/domain';
import { parseQuery } from '../../../shared/query/parser';
import { evaluate, type EvalContext, type StoredText } from './evaluate';
import { computeFacets, computeTimeline } from './facets';
import { IndexStore, type IndexStoreOptions } from './index-store';
import { ItemTable } from './item-table';
import { SUMMARY_COLUMNS, tagRefsFor, toSummary, type SummaryRow } from './items';
import { buildSegment } from './segment-builder';
import type { Segment } from './segment-format';
import { makeSnippet, matchRanges } from './snippets';
import { tagSubtreeIds } from '../tags/queries';

export interface SearchRequest {
  query: string;
  sort: 'relevance' | 'date';
  offset: number;
  limit: number;
  collapseCopies: boolean;
  timelineBucket: 'day' | 'week' | 'auto';
}

export interface Matches {
  /** Matching item ids in result order. */
  ids: Int32Array;
  scores: Float32Array;
  terms: Set<string>;
  problem: SearchResult['problem'];
}

function evaluateNothing(size: number): ReturnType<typeof evaluate> {
  return { match: new Uint8Array(size), score: new Float32Array(size), terms: new Set() };
}

export class SearchEngine {
  readonly store: IndexStore;
  readonly table: ItemTable;
  private extra: Segment | null = null;
  private extraDirty = true;
  private extraIds = new Set<number>();
  private extraSignature = '';

  constructor(
    private readonly db: DatabaseSync,
    indexDir: string,
    dbPath: string,
    private readonly timeZone: () => string,
    options: IndexStoreOptions = {},
  ) {
    this.store = new IndexStore(indexDir, dbPath, options);
    this.table = new ItemTable(db);
  }

  markExtraDirty(): void {
    this.extraDirty = true;
  }

  /**
   * The segment of extra text fields, rebuilt (in-process: it is small) after they change — here or
   * in another process (the CLI translating while the app is open), which the table signature tells.
   */
  private extraSegment(): Segment | null {
    const sig = this.db
      .prepare(
        'SELECT count(*) AS n, coalesce(max(updated_at), 0) AS u, coalesce(sum(length(text)), 0) AS l FROM search_extra',
      )
      .get() as Record<string, number>;
    const signature = `${sig.n}:${sig.u}:${sig.l}`;
    if (signature !== this.extraSignature) this.extraDirty = true;
    this.extraSignature = signature;
    if (!this.extraDirty) return this.extra;
    const rows = this.db
      .prepare('SELECT e.item_id AS id, e.field, e.text FROM search_extra e ORDER BY e.item_id, e.field')
      .all() as { id: number; field: string; text: string }[];
    const byItem = new Map<number, { text: string[]; lang: string | null }>();
    for (const r of rows) {
      const entry = byItem.get(r.id) ?? { text: [], lang: r.field.split(':')[1] ?? null };
      entry.text.push(r.text);
      byItem.set(r.id, entry);
    }
    this.extraIds = new Set(byItem.keys());
    this.extra = byItem.size
      ? buildSegment([...byItem].map(([id, e]) => ({ id, text: e.text.join('\n'), lang: e.lang })))
      : null;
    this.extraDirty = false;
    return this.extra;
  }

  private textStmt: StatementSync | null = null;
  private extraStmt: StatementSync | null = null;

  storedTexts(id: number): StoredText[] {
    this.textStmt ??= this.db.prepare('SELECT title, text, lang FROM items WHERE id = ?');
    const row = this.textStmt.get(id) as
      { title: string | null; text: string; lang: string | null } | undefined;
    const out: StoredText[] = [];
    if (row) out.push({ text: row.title ? `${row.title}\n${row.text}` : row.text, lang: row.lang });
    if (this.extraIds.has(id)) {
      this.extraStmt ??= this.db.prepare('SELECT field, text FROM search_extra WHERE item_id = ?');
      for (const e of this.extraStmt.all(id) as { field: string; text: string }[]) {
        out.push({ text: e.text, lang: e.field.split(':')[1] ?? null });
      }
    }
    return out;
  }

  /** Every match of a query, ordered (in id order with sort 'none', for counts). */
  match(query: string, sort: 'relevance' | 'date' | 'none'): Matches {
    const parsed = parseQuery(query);
    const cols = this.table.columns;
    const ctx: EvalContext = {
      segments: this.store.segments.map((s) => s.data),
      extra: this.extraSegment(),
      cols,
      tags: this.table.tags,
      timeZone: this.timeZone(),
      storedTexts: (id) => this.storedTexts(id),
      tagSubtree: (value) => tagSubtreeIds(this.db, value),
    };
    // A malformed query with nothing left to search for matches nothing (not everything).
    const out = !parsed.ast && parsed.problem ? evaluateNothing(cols.size) : evaluate(parsed.ast, ctx);
    let n = 0;
    for (let i = 0; i < out.match.length; i++) if (out.match[i]) n++;
    const ids = new Int32Array(n);
    n = 0;
    for (let i = 0; i < out.match.length; i++) if (out.match[i]) ids[n++] = i;
    const pub = cols.publishedAt;
    const date = (id: number): number => (Number.isNaN(pub[id]!) ? -Infinity : pub[id]!);
    const score = out.score;
    if (sort === 'none')
      return {
        ids,
        scores: Float32Array.from(ids, (id) => score[id]!),
        terms: out.terms,
        problem: parsed.problem,
      };
    const order = Array.from(ids);
    if (sort === 'date') order.sort((a, b) => date(b) - date(a) || b - a);
    else order.sort((a, b) => score[b]! - score[a]! || date(b) - date(a) || b - a);
    const sorted = Int32Array.from(order);
    return {
      ids: sorted,
      scores: Float32Array.from(order, (id) => score[id]!),
      terms: out.terms,
      problem: parsed.problem,
    };
  }

  search(req: SearchRequest): SearchResult {
    const started = performance.now();
    const m = this.match(req.query, req.sort);
    const cols = this.table.columns;
    // Copy groups: total counts items, groups counts distinct groups (an ungrouped item is its own).
    const groupSize = new Map<number, number>();
    for (const id of m.ids) {
      const g = cols.copyGroup[id]!;
      if (g) groupSize.set(g, (groupSize.get(g) ?? 0) + 1);
    }
    let groups = 0;
    for (const id of m.ids) if (!cols.copyGroup[id]) groups++;
    groups += groupSize.size;
    const visible: number[] = [];
    const scoreOf = new Map<number, number>();
    const seen = new Set<number>();
    const end = req.offset + req.limit;
    for (let i = 0; i < m.ids.length && visible.length < end; i++) {
      const id = m.ids[i]!;
      const g = cols.copyGroup[id]!;
      if (req.collapseCopies && g) {
        if (seen.has(g)) continue;
        seen.add(g);
      }
      visible.push(id);
      scoreOf.set(id, m.scores[i]!);
    }
    const page = visible.slice(req.offset, end);
    const hits = this.hits(page, scoreOf, m.terms, (id) => {
      const g = cols.copyGroup[id]!;
      return g ? groupSize.get(g)! - 1 : 0;
    });
    return {
      total: m.ids.length,
      groups,
      hits,
      facets: computeFacets(m.ids, cols, this.table.tags),
      timeline: computeTimeline(m.ids, cols, this.timeZone(), req.timelineBucket),
      problem: m.problem,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  private hits(
    ids: number[],
    scoreOf: Map<number, number>,
    terms: Set<string>,
    copies: (id: number) => number,
  ): SearchHit[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, i.text AS full_text, i.copy_group FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as unknown as (SummaryRow & {
      full_text: string;
      copy_group: number | null;
    })[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const tags = tagRefsFor(this.db, ids);
    const hits: SearchHit[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) continue;
      let matchedIn: SearchHit['matchedIn'] = 'original';
      let ranges = matchRanges(r.full_text, r.lang, terms);
      let text = r.full_text;
      if (
        ranges.length === 0 &&
        !(r.title && matchRanges(r.title, r.lang, terms).length > 0) &&
        this.extraIds.has(id)
      ) {
        // Nothing in the original: the hit came from a translation, so show (and highlight) that.
        for (const e of this.storedTexts(id).slice(1)) {
          const extraRanges = matchRanges(e.text, e.lang, terms);
          if (extraRanges.length > 0) {
            matchedIn = 'translation';
            ranges = extraRanges;
            text = e.text;
            break;
          }
        }
      }
      const snip = makeSnippet(text, ranges);
      hits.push({
        ...toSummary(r),
        score: Math.round((scoreOf.get(id) ?? 0) * 1000) / 1000,
        snippet: snip.snippet,
        highlights: snip.highlights,
        matchedIn,
        tags: tags.get(id) ?? [],
        copyGroup: r.copy_group,
        copies: copies(id),
      });
    }
    return hits;
  }
}
