// Edits of the query text made by clicks (a facet value, a drag across the timeline, a tag chip).
// The query box stays the single source of truth: every click rewrites the text the analyst sees,
// so the query can be read, tweaked, saved and shared like one typed by hand.
//
// The query language's own lexer (shared/query) finds the terms, so an edit here reads the query
// exactly as the search engine will — quoted values, signs and brackets included.
import { lex, type LexToken } from '../../../../shared/query/lexer';

export type FilterField = 'channel' | 'source' | 'lang' | 'kind' | 'tag' | 'author';

export interface FieldTerm {
  negated: boolean;
  field: string;
  value: string;
  /** Offsets of the term in the query (with its sign, if any), end exclusive. */
  start: number;
  end: number;
}

/** Field terms at the top level of the query (outside brackets), with their signs. */
export function topLevelFields(query: string): FieldTerm[] {
  const out: FieldTerm[] = [];
  let depth = 0;
  let sign: LexToken | null = null;
  for (const token of lex(query)) {
    if (token.kind === 'lparen') depth += 1;
    else if (token.kind === 'rparen') depth = Math.max(0, depth - 1);
    else if (token.kind === 'field' && depth === 0) {
      const negated = sign !== null && (sign.kind === 'minus' || sign.kind === 'not');
      // The sign goes with the term when it is removed ("NOT" stands apart; "-"/"+" touch it).
      const signed = sign !== null && (sign.kind === 'not' || sign.end === token.start);
      out.push({
        negated,
        field: token.name,
        value: token.value,
        start: signed ? sign!.start : token.start,
        end: token.end,
      });
    }
    sign = token.kind === 'minus' || token.kind === 'plus' || token.kind === 'not' ? token : null;
  }
  return out;
}

function hasTopLevelOr(query: string): boolean {
  let depth = 0;
  for (const token of lex(query)) {
    if (token.kind === 'lparen') depth += 1;
    else if (token.kind === 'rparen') depth = Math.max(0, depth - 1);
    else if (token.kind === 'or' && depth === 0) return true;
  }
  return false;
}

// The language has no escape inside quotes: a quoted value ends at the first closing quote, so
// those characters cannot be part of a quoted value and are dropped from one.
const CLOSING_QUOTES = /["”“»]/g;
const NEEDS_QUOTES = /[\s()"“„«”»]/;

/** The value as it can be written in a query (quote characters dropped where it must be quoted). */
export function canonicalValue(value: string): string {
  if (value !== '' && !NEEDS_QUOTES.test(value) && !value.startsWith('//')) return value;
  return value.replace(CLOSING_QUOTES, ' ').replace(/\s+/g, ' ').trim();
}

/** `value`, or `"value"` when it would otherwise be read as several terms. */
export function quoteValue(value: string): string {
  if (value !== '' && !NEEDS_QUOTES.test(value) && !value.startsWith('//')) return value;
  return `"${canonicalValue(value)}"`;
}

export function fieldTerm(field: string, value: string): string {
  return `${field}:${quoteValue(value)}`;
}

function sameValue(a: string, b: string): boolean {
  return canonicalValue(a).localeCompare(canonicalValue(b), undefined, { sensitivity: 'accent' }) === 0;
}

/** Whether the query already filters, at top level, on exactly this field value. */
export function hasFieldFilter(query: string, field: string, value: string): boolean {
  return topLevelFields(query).some((f) => !f.negated && f.field === field && sameValue(f.value, value));
}

/** Removes top-level field terms matching `drop`, tidying the whitespace left behind. */
export function removeTerms(query: string, drop: (term: FieldTerm) => boolean): string {
  const cut = topLevelFields(query).filter(drop);
  if (cut.length === 0) return query.trim();
  let out = query;
  for (const t of cut.reverse()) out = `${out.slice(0, t.start)} ${out.slice(t.end)}`;
  return out.replace(/\s+/g, ' ').trim();
}

/** Adds a required term; a query with a top-level OR is bracketed first so the term applies to all of it. */
export function appendTerm(query: string, term: string): string {
  const base = query.trim();
  if (base === '') return term;
  return hasTopLevelOr(base) ? `(${base}) ${term}` : `${base} ${term}`;
}

/** A facet click: adds `field:value`, or removes it when the query already has it. */
export function toggleFieldFilter(query: string, field: FilterField, value: string): string {
  if (canonicalValue(value) === '') return query;
  if (hasFieldFilter(query, field, value)) {
    return removeTerms(query, (f) => !f.negated && f.field === field && sameValue(f.value, value));
  }
  return appendTerm(query, fieldTerm(field, value));
}

const DATE_FIELDS = new Set(['date', 'after', 'before']);

/** Replaces any top-level date:/after:/before: with `date:from..to` (days as YYYY-MM-DD). */
export function setDateRange(query: string, from: string, to: string): string {
  const rest = removeTerms(query, (f) => DATE_FIELDS.has(f.field));
  return appendTerm(rest, `date:${from}..${to}`);
}

export function clearDateRange(query: string): string {
  return removeTerms(query, (f) => DATE_FIELDS.has(f.field));
}

/** The top-level `date:A..B` of a query, if any, for showing the selection on the timeline. */
export function dateRangeOf(query: string): { from: string; to: string } | null {
  for (const f of topLevelFields(query)) {
    if (f.negated || f.field !== 'date') continue;
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(f.value);
    if (m) return { from: m[1]!, to: m[2]! };
  }
  return null;
}
