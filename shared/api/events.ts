// Events the back end pushes to every window (Electron) or page (SSE in browser mode).
// Each domain adds its events here; payloads are plain JSON.
import type { JobInfo } from '../domain';

export interface ApiEvents {
  /** A background job (import, indexing, translation, export) started, progressed or ended. */
  'job.progress': JobInfo;
  /** The open workspace changed (opened, switched, or its content changed in bulk). */
  'workspace.changed': { dir: string; reason: 'opened' | 'imported' | 'removed' | 'tagged' | 'translated' };
  /** Settings were changed (by another window or page, or by the CLI). */
  'settings.changed': { settings: unknown };
  /** Saved searches' new-match counts changed (after an import). */
  'saved.changed': Record<string, never>;
}

export type EventName = keyof ApiEvents;
