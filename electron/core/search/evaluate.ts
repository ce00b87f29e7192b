// Evaluates a query's syntax tree. Each node yields a match set over item ids (dense arrays, the
// size of the id space: AND/OR/NOT become single passes, cheap at 100k and still fine at 1M);
// text leaves read the segments' postings, filters read the item columns, phrases are verified
// against the stored text.
import type { FieldNode, QueryNode, TermNode } from '../../../shared/query/ast';
import { tokenize } from '../../../shared/query/normalise';
import { queryVariants } from './analyzer';
import { textHasPhrase } from './proximity';
import { findTerm, lowerBound, type Segment } from './segment-format';
import type { ItemColumns, TagColumns } from './item-table';
import { dayStart } from './zoned-time';

export interface MatchSet {
  match: Uint8Array;
  score: Float32Array;
}

export interface StoredText {
  text: string;
  lang: string | null;
}

export interface EvalContext {
  /** Segments of the items' own text. */
  segments: Segment[];
  /** The segment of extra text fields (translations), if any. */
  extra: Segment | null;
  cols: ItemColumns;
  tags: TagColumns;
  timeZone: string;
  /** The tag named by a `tag:` value and every tag under it, or null when no tag has that name/path. */
  tagSubtree(value: string): number[] | null;
  /** The stored texts an item is searchable by (its own first, then extra fields). */
  storedTexts(id: number): StoredText[];
}

/** What a query matched, for highlighting: index terms of positive clauses. */
export interface EvalOutput extends MatchSet {
  terms: Set<string>;
}

const MAX_EXPANSIONS = 5_000;

export function evaluate(ast: QueryNode | null, ctx: EvalContext): EvalOutput {
  const terms = new Set<string>();
  const ev = new Evaluator(ctx, terms);
  const result = ast ? ev.node(ast, false) : null;
  if (!result) return { ...ev.all(), terms };
  // Only items still in the store (removed items stay in their segment until it is rebuilt).
  const present = ctx.cols.present;
  for (let i = 0; i < result.match.length; i++) if (result.match[i] && !present[i]) result.match[i] = 0;
  return { ...result, terms };
}

class Evaluator {
  private readonly size: number;

  constructor(
    private readonly ctx: EvalContext,
    private readonly terms: Set<string>,
  ) {
    this.size = ctx.cols.size;
  }

  empty(): MatchSet {
    return { match: new Uint8Array(this.size), score: new Float32Array(this.size) };
  }

  all(): MatchSet {
    const set = this.empty();
    set.match.set(this.ctx.cols.present);
    return set;
  }

  /** null means "no constraint" (an empty word, a clause that was dropped). */
  node(n: QueryNode, negated: boolean): MatchSet | null {
    switch (n.type) {
      case 'term':
        return this.term(n, negated);
      case 'phrase':
        return this.phrase(n.words, n.slop, n.ordered, negated);
      case 'field':
        return this.field(n);
      case 'date':
        return this.date(n.fromDay, n.toDay);
      case 'flag':
        return this.flag(n.flag);
      case 'not': {
        const child = this.node(n.child, !negated);
        if (!child) return null;
        const out = this.all();
        for (let i = 0; i < this.size; i++) if (child.match[i]) out.match[i] = 0;
        return out;
      }
      case 'and':
        // Both sides must match; scores add up.
        return this.fold(n.children, negated, (acc, r, i) => {
          if (acc.match[i] && r.match[i]) acc.score[i]! += r.score[i]!;
          else acc.match[i] = 0;
        });
      case 'or':
        // Either side matches; a document matching both scores both.
        return this.fold(n.children, negated, (acc, r, i) => {
          if (r.match[i]) {
            acc.match[i] = 1;
            acc.score[i]! += r.score[i]!;
          }
        });
    }
  }

  /**
   * Evaluates the children and merges each into the first one, document by document. A child
   * that evaluates to null (nothing searchable in it, e.g. only stop words) is left out.
   */
  private fold(
    children: QueryNode[],
    negated: boolean,
    merge: (acc: MatchSet, r: MatchSet, i: number) => void,
  ): MatchSet | null {
    let acc: MatchSet | null = null;
    for (const c of children) {
      const r = this.node(c, negated);
      if (!r) continue;
      if (!acc) {
        acc = r;
        continue;
      }
      for (let i = 0; i < this.size; i++) merge(acc, r, i);
    }
    return acc;
  }

  private segments(): Segment[] {
    return this.ctx.extra ? [...this.ctx.segments, this.ctx.extra] : this.ctx.segments;
  }

  private addPostings(seg: Segment, t: number, out: MatchSet, boost = 1): void {
    const { termOffsets, postDocs, postWeights, docIds } = seg;
    const end = termOffsets[t + 1]!;
    for (let p = termOffsets[t]!; p < end; p++) {
      const id = docIds[postDocs[p]!]!;
      if (id >= this.size) continue;
      out.match[id] = 1;
      out.score[id]! += postWeights[p]! * boost;
    }
  }

  private remember(term: string, negated: boolean): void {
    if (!negated && this.terms.size < MAX_EXPANSIONS) this.terms.add(term);
  }

  /** Items holding any of the exact index terms. */
  private exact(variants: string[], negated: boolean): MatchSet {
    const out = this.empty();
    for (const v of variants) this.remember(v, negated);
    for (const seg of this.segments()) {
      for (const v of variants) {
        const t = findTerm(seg.terms, v);
        if (t >= 0) this.addPostings(seg, t, out);
      }
    }
    return out;
  }

  private term(n: TermNode, negated: boolean): MatchSet | null {
    const tokens = tokenize(n.text);
    if (tokens.length === 0) return null;
    if (tokens.length > 1 && !n.prefix && !n.fuzzy) return this.phrase(tokens, 0, true, negated);
    // "foo-bar*": all but the last token must be there too.
    const last = tokens[tokens.length - 1]!;
    let acc: MatchSet | null = null;
    for (const t of tokens.slice(0, -1)) acc = intersect(acc, this.exact(queryVariants(t), negated));
    const leaf = n.prefix
      ? this.prefix(last, negated)
      : n.fuzzy
        ? this.fuzzy(last, n.fuzzy, negated)
        : this.exact(queryVariants(last), negated);
    return intersect(acc, leaf);
  }

  private prefix(p: string, negated: boolean): MatchSet {
    // Words are indexed as written beside their stems, so a prefix is a range of the sorted terms.
    const out = this.empty();
    for (const seg of this.segments()) {
      for (let t = lowerBound(seg.terms, p); t < seg.terms.length && seg.terms[t]!.startsWith(p); t++) {
        this.remember(seg.terms[t]!, negated);
        this.addPostings(seg, t, out);
      }
    }
    return out;
  }

  private fuzzy(word: string, k: number, negated: boolean): MatchSet {
    // Like Elasticsearch's prefix_length 1: the first letter must be right. That confines the scan
    // to one range of the sorted terms (a thirtieth of the vocabulary) and keeps p95 low.
    const targets = queryVariants(word);
    const out = this.empty();
    for (const seg of this.segments()) {
      const terms = seg.terms;
      const seen = new Set<number>();
      for (const target of targets) {
        const first = target[0]!;
        for (let t = lowerBound(terms, first); t < terms.length && terms[t]!.startsWith(first); t++) {
          const term = terms[t]!;
          if (Math.abs(term.length - target.length) > k || seen.has(t)) continue;
          if (k === 1 ? withinOneEdit(term, target) : editDistanceWithin(term, target, k)) {
            seen.add(t);
            this.remember(term, negated);
            this.addPostings(seg, t, out);
          }
        }
      }
    }
    return out;
  }

  private phrase(words: string[], slop: number, ordered: boolean, negated: boolean): MatchSet | null {
    const tokens = words.flatMap((w) => tokenize(w));
    if (tokens.length === 0) return null;
    const variants = tokens.map((t) => queryVariants(t));
    let candidates: MatchSet | null = null;
    for (const v of variants) candidates = intersect(candidates, this.exact(v, negated));
    if (!candidates || tokens.length === 1) return candidates;
    const sets = variants.map((v) => new Set(v));
    for (let id = 0; id < this.size; id++) {
      if (!candidates.match[id]) continue;
      const ok = this.ctx.storedTexts(id).some((s) => textHasPhrase(s.text, s.lang, sets, slop, ordered));
      if (!ok) {
        candidates.match[id] = 0;
        candidates.score[id] = 0;
      }
    }
    return candidates;
  }

  private field(n: FieldNode): MatchSet {
    const { cols, tags } = this.ctx;
    const out = this.empty();
    const value = n.value;
    const mark = (pred: (id: number) => boolean): MatchSet => {
      for (let id = 0; id < this.size; id++) if (cols.present[id] && pred(id)) out.match[id] = 1;
      return out;
    };
    switch (n.field) {
      case 'lang': {
        const code = cols.langs.values.indexOf(value);
        return code > 0 ? mark((id) => cols.lang[id] === code) : out;
      }
      case 'kind': {
        const code = cols.kinds.values.indexOf(value);
        return code > 0 ? mark((id) => cols.kind[id] === code) : out;
      }
      case 'author': {
        const codes = matchingCodes(cols.authors.values, value);
        return mark((id) => codes.has(cols.author[id]!));
      }
      case 'channel': {
        const codes = matchingCodes(cols.channels.values, value);
        const bare = value.replace(/^@/, '').toLowerCase();
        const sources = new Set<number>();
        for (const s of cols.sources.values()) {
          if (
            (s.username && s.username.replace(/^@/, '').toLowerCase() === bare) ||
            nameMatches(s.name, value)
          )
            sources.add(s.id);
        }
        return mark((id) => codes.has(cols.channel[id]!) || sources.has(cols.sourceId[id]!));
      }
      case 'source': {
        const low = value.toLowerCase();
        const sources = new Set<number>();
        for (const s of cols.sources.values()) {
          if (
            s.kind.toLowerCase() === low ||
            s.key.toLowerCase() === low ||
            s.key.toLowerCase().startsWith(`${low}:`) ||
            nameMatches(s.name, value)
          )
            sources.add(s.id);
        }
        return mark((id) => sources.has(cols.sourceId[id]!));
      }
      case 'tag': {
        // The tagging domain resolves names and paths; an ambiguous or unknown name falls back to
        // every tag whose name or path reads the same (so "tag:Noise" covers all tags named Noise).
        const resolved = this.ctx.tagSubtree(value);
        const wanted = resolved ? new Set(resolved) : tagsMatching(tags, value);
        for (const [itemId, list] of tags.itemTags)
          if (itemId < this.size && cols.present[itemId] && list.some((t) => wanted.has(t)))
            out.match[itemId] = 1;
        return out;
      }
    }
  }

  private date(fromDay: number | null, toDay: number | null): MatchSet {
    const from = fromDay === null ? -Infinity : dayStart(fromDay, this.ctx.timeZone);
    const to = toDay === null ? Infinity : dayStart(toDay, this.ctx.timeZone);
    const out = this.empty();
    const { publishedAt, present } = this.ctx.cols;
    for (let id = 0; id < this.size; id++) {
      const t = publishedAt[id]!;
      if (present[id] && t >= from && t < to) out.match[id] = 1;
    }
    return out;
  }

  private flag(flag: 'clip' | 'note' | 'tagged' | 'untagged'): MatchSet {
    const { tags, cols } = this.ctx;
    const out = this.empty();
    const set = flag === 'clip' ? tags.withClip : flag === 'note' ? tags.withNote : null;
    for (let id = 0; id < this.size; id++) {
      if (!cols.present[id]) continue;
      const hit = set ? set.has(id) : flag === 'tagged' ? tags.itemTags.has(id) : !tags.itemTags.has(id);
      if (hit) out.match[id] = 1;
    }
    return out;
  }
}

function intersect(acc: MatchSet | null, r: MatchSet): MatchSet {
  if (!acc) return r;
  for (let i = 0; i < acc.match.length; i++) {
    if (acc.match[i] && r.match[i]) acc.score[i]! += r.score[i]!;
    else acc.match[i] = 0;
  }
  return acc;
}

/** A name matches a value when equal after normalising, or when it holds all of the value's words. */
export function nameMatches(name: string, value: string): boolean {
  const want = tokenize(value);
  if (want.length === 0) return false;
  const have = tokenize(name);
  if (want.join(' ') === have.join(' ')) return true;
  const set = new Set(have);
  return want.every((w) => set.has(w));
}

function matchingCodes(values: string[], value: string): Set<number> {
  const codes = new Set<number>();
  values.forEach((v, code) => {
    if (code > 0 && nameMatches(v, value)) codes.add(code);
  });
  return codes;
}

/** Tags named (or with the path) `value`, with all their descendants: a parent includes its children. */
export function tagsMatching(tags: TagColumns, value: string): Set<number> {
  const want = tokenize(value).join(' ');
  const roots = [...tags.tags.values()].filter(
    (t) =>
      tokenize(t.name).join(' ') === want || tokenize(t.path).join(' ') === want || String(t.id) === value,
  );
  const out = new Set<number>(roots.map((t) => t.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags.tags.values()) {
      if (t.parentId !== null && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Edit distance ≤ 1 in one pass (the common `word~1`; no DP table). */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  // First difference at i: substitute, delete from a, or delete from b — the rest must be equal.
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  if (la > lb) return a.slice(i + 1) === b.slice(i);
  return a.slice(i) === b.slice(i + 1);
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance ≤ k, with an early exit when a row's minimum exceeds k (reused row buffers). */
export function editDistanceWithin(a: string, b: string, k: number): boolean {
  if (a === b) return true;
  const n = b.length;
  if (n + 1 > rowA.length) {
    rowA = new Int32Array(n * 2 + 2);
    rowB = new Int32Array(n * 2 + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return false;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[n]! <= k;
}
