// Domain types shared by the back end and the UI. Times are UTC epoch milliseconds.

export type ItemKind = 'post' | 'article' | 'tweet' | 'feed-entry' | 'row';

export interface WorkspaceInfo {
  dir: string;
  schemaVersion: number;
  /** Row counts per table of the store. */
  counts: Record<string, number>;
  createdAt: number | null;
}

export interface RecentWorkspace {
  dir: string;
  openedAt: number;
}

export type JobKind = 'import' | 'index' | 'translate' | 'export' | 'tag';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobInfo {
  id: string;
  kind: JobKind;
  title: string;
  state: JobState;
  /** Free-form phase shown in the status bar ("parsing", "storing", "indexing"). */
  phase: string;
  done: number;
  /** null when the total is not known yet. */
  total: number | null;
  startedAt: number;
  /** Estimated milliseconds left, when it can be told. */
  etaMs: number | null;
  /** Counters a job wants to show (parsed, stored, indexed…). */
  counters: Record<string, number>;
  error: string | null;
  /** A job-specific result (an import report, an export path…), set when done. */
  result: unknown;
}

// ——— Import ————————————————————————————————————————————————————————————————

/** The report of one imported file or folder (the CLI's `{"imports":[…]}` entries). */
export interface ImportFileReport {
  /** The import's id in the history (null when it was refused before anything was recorded). */
  id: number | null;
  file: string;
  format: string;
  added: number;
  duplicates: number;
  skipped: number;
  warnings: string[];
  /** Why the file was refused; null when it imported. */
  error: string | null;
  durationMs: number;
}

export interface ImportReport {
  imports: ImportFileReport[];
}

export interface ImportHistoryEntry {
  id: number;
  file: string;
  format: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  added: number;
  duplicates: number;
  skipped: number;
  warnings: string[];
  error: string | null;
  startedAt: number;
  durationMs: number | null;
  /** Items of this import still in the workspace. */
  items: number;
}

/** For the CSV mapping dialog: the file's headers and how Sifter would map them. */
export interface CsvInspection {
  file: string;
  headers: string[];
  /** Sifter field → CSV header, as recognised automatically. */
  mapping: Record<string, string>;
  /** Fields that must be mapped before import (e.g. text or title). */
  missing: string[];
  sample: Record<string, string>[];
}

// ——— Items, search ——————————————————————————————————————————————————————————

export interface TagRef {
  id: number;
  name: string;
  /** Full path in the hierarchy, e.g. "Actors/Way Home". */
  path: string;
  color: string;
}

/** An entity span of an item's text (see electron/core/importers/types.ts for the full list). */
export interface ItemEntity {
  type: string;
  offset: number;
  length: number;
  href?: string;
}

export interface ItemMedia {
  kind: string;
  /** Relative path under the workspace's media/ folder, or null when missing. */
  path: string | null;
  name: string | null;
  missing: boolean;
}

export interface ItemSummary {
  id: number;
  kind: ItemKind;
  source: string;
  sourceKind: string;
  channel: string | null;
  author: string | null;
  title: string | null;
  url: string | null;
  publishedAt: number | null;
  timeZoneUnknown: boolean;
  lang: string | null;
  /** First characters of the text, for lists. */
  excerpt: string;
}

export interface ClipInfo {
  id: number;
  itemId: number;
  field: 'text' | 'translation';
  start: number;
  end: number;
  quote: string;
  note: string;
  tags: TagRef[];
  createdAt: number;
  /** The translation's language when field is 'translation'; null for the original text. */
  lang: string | null;
  /**
   * True when the quoted words are no longer in the text (e.g. a translation was redone): start/end
   * are then the last known offsets. When the words only moved, start/end already follow them.
   */
  detached: boolean;
}

// ——— Tags ——————————————————————————————————————————————————————————————————

/** One tag of the tree (tags.list returns them flat, parents before children, sorted by path). */
export interface TagNode extends TagRef {
  parentId: number | null;
  /** 0 for a top-level tag. */
  depth: number;
  /** Items tagged with this tag itself. */
  count: number;
  /** Items tagged with this tag or any tag under it, each item counted once. */
  totalCount: number;
  /** Clips carrying this tag. */
  clipCount: number;
  childCount: number;
  /** The key (1–9) the tag is pinned to, from settings.pinnedTags; null when not pinned. */
  pinnedKey: number | null;
  createdAt: number;
}

/** The outcome of adding or removing one tag over many items. */
export interface BulkTagResult {
  tag: TagRef;
  /** Items whose tags changed. */
  changed: number;
  /** Items that already had (add) or did not have (remove) the tag. */
  unchanged: number;
  /** Requested ids that are not items of the workspace (nothing was done for them). */
  missing: number;
}

/** One entry of the undo log of tagging actions. */
export interface UndoEntry {
  id: number;
  /** What the action did, e.g. "Tag 1,204 items with Actors/Way Home". */
  label: string;
  at: number;
}

export interface ItemDetail extends ItemSummary {
  externalId: string;
  text: string;
  /** Sanitized HTML (articles); render only through the renderer's sanitizer. */
  html: string | null;
  entities: ItemEntity[];
  media: ItemMedia[];
  forwardedFrom: string | null;
  editedAt: number | null;
  reactions: { emoji: string; count: number }[] | null;
  extra: Record<string, unknown>;
  replyTo: ItemSummary | null;
  replies: ItemSummary[];
  /** Other items grouped with this one as exact or near copies. */
  copies: (ItemSummary & { similarity: 'exact' | 'near' })[];
  tags: TagRef[];
  note: string | null;
  clips: ClipInfo[];
  importId: number | null;
}

/** Highlighted ranges [start, end) within a snippet. */
export type Highlight = [number, number];

export interface SearchHit extends ItemSummary {
  score: number;
  snippet: string;
  highlights: Highlight[];
  /** Where the query matched: the original text, or a translation of it. */
  matchedIn: 'original' | 'translation';
  tags: TagRef[];
  /** Copy group id, and how many other items of the result are in that group. */
  copyGroup: number | null;
  copies: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchFacets {
  channel: FacetValue[];
  source: FacetValue[];
  lang: FacetValue[];
  kind: FacetValue[];
  tag: FacetValue[];
  author: FacetValue[];
}

export interface TimelinePoint {
  /** Start of the bucket (UTC epoch ms, in the analyst's time zone's day/week). */
  t: number;
  count: number;
}

export interface QueryProblem {
  message: string;
  /** Character offsets in the query text the message points at. */
  start: number;
  end: number;
}

export interface SearchResult {
  /** Items matching (always counts items, not groups). */
  total: number;
  /** How many copy groups those items form (an item with no copy is its own group). */
  groups: number;
  hits: SearchHit[];
  facets: SearchFacets;
  timeline: { bucket: 'day' | 'week'; points: TimelinePoint[] };
  /** Set when the query was malformed; the result is then a best-effort search (or empty). */
  problem: QueryProblem | null;
  tookMs: number;
  /**
   * Set while the index is still loading (newest segments first): the answer covers only the
   * segments loaded so far. The `search.ready` event says when a re-run gives the full result.
   */
  partial?: true;
  loadedSegments?: number;
  totalSegments?: number;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  createdAt: number;
  lastOpenedAt: number | null;
  /** Matches added since the search was last opened. */
  newCount: number;
  total: number;
}
