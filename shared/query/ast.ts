// The query language's syntax tree. Every node keeps the character range [start, end) of the query
// text it came from, so the UI can point at a problem and highlight what a clause means.

export interface Span {
  start: number;
  end: number;
}

/** A word to find in the text: as written, or as a prefix (`word*`) or within an edit distance (`word~1`). */
export interface TermNode extends Span {
  type: 'term';
  /** The word as typed (the engine normalises and stems it). */
  text: string;
  prefix: boolean;
  /** Edit distance for `word~N`; 0 when not fuzzy. */
  fuzzy: number;
}

/**
 * Words that must occur together: `"exact phrase"` (slop 0, in order, adjacent), `"a b"~5` or
 * `a NEAR/5 b` (all words within `slop` extra positions of each other, in any order).
 */
export interface PhraseNode extends Span {
  type: 'phrase';
  words: string[];
  slop: number;
  ordered: boolean;
}

export type TextField = 'channel' | 'author' | 'lang' | 'kind' | 'source' | 'tag';

/** A metadata filter: `channel:"Name"`, `lang:uk`, `tag:Actors`… (matched against SQLite, not the text index). */
export interface FieldNode extends Span {
  type: 'field';
  field: TextField;
  value: string;
}

/** Publication date range in civil days (days since 1970-01-01); `toDay` is exclusive. */
export interface DateNode extends Span {
  type: 'date';
  fromDay: number | null;
  toDay: number | null;
}

/** `has:clip`, `has:note`, `has:tag` and `untagged`. */
export interface FlagNode extends Span {
  type: 'flag';
  flag: 'clip' | 'note' | 'tagged' | 'untagged';
}

export interface AndNode extends Span {
  type: 'and';
  children: QueryNode[];
}

export interface OrNode extends Span {
  type: 'or';
  children: QueryNode[];
}

export interface NotNode extends Span {
  type: 'not';
  child: QueryNode;
}

export type QueryNode = TermNode | PhraseNode | FieldNode | DateNode | FlagNode | AndNode | OrNode | NotNode;

export interface QueryProblemInfo {
  message: string;
  start: number;
  end: number;
}

export interface ParsedQuery {
  /** null when the query has nothing to search for (empty, or only punctuation/operators). */
  ast: QueryNode | null;
  /** The first problem found; the AST is then a best-effort reading of the rest. */
  problem: QueryProblemInfo | null;
}
