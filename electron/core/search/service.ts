// The search service of one open workspace: what other domains call to keep the index in step
// (indexImport after an import commits, indexExtraText for translations), and what the handlers
// call to search. Index work is serialised through one queue; segment builds run in worker threads
// or, when big, in separate processes (worker-pool.ts). While the saved index loads (newest
// segments first), searches from the UI are answered from what is loaded and marked partial; the
// one-shot CLI waits for the whole index instead.
import type { Core } from '../core';
import type { JobControl } from '../jobs/jobs';
import type { SavedSearch, SearchResult } from '../../../shared/domain';
import { SearchEngine, type SearchRequest } from './engine';
import type { IndexStoreOptions } from './index-store';
import { SifterError } from '../errors';

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

/** The full service (the interface above plus what search handlers, the CLI and tests use). */
export interface SifterSearch extends SearchService {
  /** Resolves when the saved index is loaded (and anything missing from it rebuilt). */
  ready(): Promise<void>;
  search(req: SearchRequest): Promise<SearchResult>;
  ids(query: string): Promise<{ ids: number[]; total: number }>;
  savedList(): Promise<SavedSearch[]>;
  savedCreate(name: string, query: string): Promise<SavedSearch>;
  savedOpen(id: number): Promise<SavedSearch>;
  savedRemove(id: number): Promise<boolean>;
  /** The engine itself (index state, repairs) for diagnostics and tests. */
  readonly engine: SearchEngine;
}

/** Options for tests and benchmarks (in-process builds, smaller segments). */
let defaultOptions: IndexStoreOptions = {};
export function setSearchIndexOptions(options: IndexStoreOptions): void {
  defaultOptions = options;
}

export function searchService(core: Core): SifterSearch {
  return core.scoped('search', (ws) => createSearch(core, ws.paths.index, ws.paths.db, defaultOptions));
}

interface SavedRow {
  id: number;
  name: string;
  query: string;
  created_at: number;
  last_opened_at: number | null;
  seen_max_item_id: number;
}

function createSearch(
  core: Core,
  indexDir: string,
  dbPath: string,
  options: IndexStoreOptions,
): SifterSearch {
  const db = core.workspace.db;
  const engine = new SearchEngine(db, indexDir, dbPath, () => core.settings.get().timeZone, options);
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  const opened = enqueue(async () => {
    // A first open of a big workspace (or a rebuild) is a job the status bar shows.
    await core.jobs.run('index', 'Loading the search index', async (job) => {
      await engine.store.open(db, (done, total) => job.progress({ phase: 'indexing', done, total }));
    });
  });
  // A command-line search prints once, so it waits for the whole index; a window re-runs.
  const progressive = core.options.mode !== 'cli';
  let isOpen = false;
  let servedPartial = false;
  const onOpened = (): void => {
    isOpen = true;
    // Only windows that were shown a partial answer need to hear it.
    if (servedPartial && !disposed)
      core.events.emit('search.ready', { segments: engine.store.segments.length });
  };
  opened.then(onOpened, onOpened);

  const savedToApi = (r: SavedRow): SavedSearch => {
    const m = engine.match(r.query, 'none');
    let fresh = 0;
    for (const id of m.ids) if (id > r.seen_max_item_id) fresh++;
    return {
      id: r.id,
      name: r.name,
      query: r.query,
      createdAt: r.created_at,
      lastOpenedAt: r.last_opened_at,
      newCount: fresh,
      total: m.ids.length,
    };
  };
  const savedRow = (id: number): SavedRow => {
    const row = db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedRow | undefined;
    if (!row) throw new SifterError('NOT_FOUND', `Saved search ${id} does not exist.`);
    return row;
  };
  const maxItemId = (): number =>
    (db.prepare('SELECT coalesce(max(id), 0) AS m FROM items').get() as { m: number }).m;

  const service: SifterSearch = {
    engine,
    ready: () => opened,
    async indexImport(importId, job) {
      await opened;
      await enqueue(async () => {
        if (disposed) return;
        const n = await engine.store.indexMissing(db, importId, (done, total) =>
          job?.progress({ phase: 'indexing', done, total }),
        );
        engine.table.invalidate();
        if (n > 0 && (db.prepare('SELECT count(*) AS n FROM saved_searches').get() as { n: number }).n > 0) {
          core.events.emit('saved.changed', {});
        }
      });
    },
    async removeImport() {
      // The import's items are gone from the store: segments holding them are rebuilt from what is
      // left (compaction), so no deleted text lingers and reused ids start clean.
      await opened;
      await enqueue(async () => {
        if (disposed) return;
        engine.table.invalidate();
        if (engine.store.dropStale(db) > 0) await engine.store.indexMissing(db, null);
      });
    },
    async indexExtraText(itemId, field, text) {
      db.prepare(
        `INSERT INTO search_extra (item_id, field, text, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (item_id, field) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      ).run(itemId, field, text, Date.now());
      engine.markExtraDirty();
    },
    async dispose() {
      disposed = true;
      await queue.catch(() => undefined);
    },
    async search(req) {
      if (progressive && !isOpen) {
        await engine.store.searchable();
        const loading = engine.store.loading;
        if (!isOpen && loading && loading.loaded < loading.total) {
          servedPartial = true;
          const result = engine.search(req);
          return { ...result, partial: true, loadedSegments: loading.loaded, totalSegments: loading.total };
        }
      }
      await opened;
      return engine.search(req);
    },
    async ids(query) {
      await opened;
      const m = engine.match(query, 'relevance');
      return { ids: Array.from(m.ids), total: m.ids.length };
    },
    async savedList() {
      await opened;
      return (
        db.prepare('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE').all() as unknown as SavedRow[]
      ).map(savedToApi);
    },
    async savedCreate(name, query) {
      await opened;
      if (db.prepare('SELECT 1 FROM saved_searches WHERE name = ?').get(name)) {
        throw new SifterError('CONFLICT', `A saved search named "${name}" already exists.`);
      }
      const now = Date.now();
      const r = db
        .prepare(
          'INSERT INTO saved_searches (name, query, created_at, last_opened_at, seen_max_item_id) VALUES (?, ?, ?, ?, ?)',
        )
        .run(name, query, now, now, maxItemId());
      return savedToApi(savedRow(Number(r.lastInsertRowid)));
    },
    async savedOpen(id) {
      await opened;
      savedRow(id);
      db.prepare('UPDATE saved_searches SET last_opened_at = ?, seen_max_item_id = ? WHERE id = ?').run(
        Date.now(),
        maxItemId(),
        id,
      );
      return savedToApi(savedRow(id));
    },
    async savedRemove(id) {
      const r = db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id);
      return r.changes > 0;
    },
  };
  return service;
}
