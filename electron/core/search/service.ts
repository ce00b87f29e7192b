// The search service of one open workspace: what other domains call to keep the index in step.
// (Interface fixed for the import and translation engineers; the implementation lands with search.)
import type { Core } from '../core';
import type { JobControl } from '../jobs/jobs';

export interface SearchService {
  /** Indexes the items an import stored (builds a new segment). Called by the import pipeline after commit. */
  indexImport(importId: number, job?: JobControl): Promise<void>;
  /** Forgets an import's items (they are deleted from the store; segments are compacted later). */
  removeImport(importId: number): Promise<void>;
  /**
   * Sets an extra searchable text field of an item (e.g. field 'translation:en'), replacing the
   * previous one. Hits that match only there are marked matchedIn: 'translation'.
   */
  indexExtraText(itemId: number, field: string, text: string): Promise<void>;
  dispose(): Promise<void>;
}

export function searchService(core: Core): SearchService {
  return core.scoped('search', () => ({
    async indexImport() {},
    async removeImport() {},
    async indexExtraText() {},
    async dispose() {},
  }));
}
