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
