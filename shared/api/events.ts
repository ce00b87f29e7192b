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
  /** The search index finished loading after searches were answered from part of it: re-run them. */
  'search.ready': { segments: number };
  /**
   * Tagging changed something: the tag tree, tags on items, clips or notes (or an undo did).
   * itemIds lists the items touched when there are few (≤ 1000); null means "many: refetch".
   */
  'tags.changed': {
    what: 'tree' | 'items' | 'clips' | 'notes' | 'undo';
    label: string;
    itemIds: number[] | null;
  };
  /** An item's translation into `to` was stored (by an engine, a job or an analyst's edit): the Reader refetches it. */
  'translate.updated': { itemId: number; to: string };
  /** A menu item of the app (Electron only) asks the UI to act: the Library opens its import picker… */
  'menu.command': { command: MenuCommand };
}

export type EventName = keyof ApiEvents;

/**
 * What the app menu asks the renderer to do: open the Library's import picker, or go to Settings
 * or Search. (Opening and creating workspaces needs a folder picker, so it runs in the main process.)
 */
export type MenuCommand = 'import' | 'settings' | 'search';
