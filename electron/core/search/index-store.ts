// The workspace's index/ folder: Lunr-built segments plus a manifest. The store (SQLite) is the
// source of truth — on open, every segment is checked against the manifest's checksum, segments of
// an older index version are discarded, and any stored item that no loaded segment covers is
// indexed again. So a deleted, corrupted or outdated index folder simply gets rebuilt.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import { checksum, decodeSegment, SEGMENT_FORMAT, type Segment } from './segment-format';
import { buildSegments, type PoolOptions } from './worker-pool';
import type { SegmentTaskResult } from './segment-task';

/** Bump when the analyser (normaliser, stemmers) or the segment layout changes: old segments are rebuilt. */
export const INDEX_VERSION = `a2-f${SEGMENT_FORMAT}`;
const MANIFEST = 'manifest.json';
/** Documents per segment: small enough to build two at once within the memory budget. */
export const SEGMENT_DOCS = 20_000;
/** Below this a split costs more (another worker, another file) than it saves. */
const MIN_SEGMENT_DOCS = 2_000;

export interface SegmentMeta {
  file: string;
  importId: number | null;
  docs: number;
  minId: number;
  maxId: number;
  bytes: number;
  checksum: string;
  createdAt: number;
}

interface Manifest {
  version: string;
  segments: SegmentMeta[];
}

export interface LoadedSegment {
  meta: SegmentMeta;
  data: Segment;
}

export interface IndexProgress {
  (done: number, total: number): void;
}

export interface IndexStoreOptions extends PoolOptions {
  segmentDocs?: number;
  /** Awaited before each saved segment loads (tests pace loading with it; never a timer). */
  beforeSegmentLoad?: (meta: SegmentMeta, position: number) => Promise<void>;
}

/** How far open() has got: segments searchable so far out of those it expects. */
export interface LoadState {
  loaded: number;
  total: number;
}

export class IndexStore {
  segments: LoadedSegment[] = [];
  /** What the last open() found wrong and repaired (for logs and tests). */
  repairs: string[] = [];
  /** Set while open() runs; null once every segment is loaded (or rebuilt). */
  loading: LoadState | null = null;
  private phase: 'new' | 'loading' | 'building' | 'open' = 'new';
  private seq = 0;
  private searchableWaiters: (() => void)[] = [];

  constructor(
    private readonly dir: string,
    private readonly dbPath: string,
    private readonly options: IndexStoreOptions = {},
  ) {}

  private readManifest(): Manifest | null {
    const path = join(this.dir, MANIFEST);
    if (!existsSync(path)) return null;
    try {
      const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
      if (typeof m !== 'object' || m === null || !Array.isArray(m.segments))
        throw new Error('not a manifest');
      return m;
    } catch (err) {
      this.repairs.push(`manifest unreadable (${(err as Error).message})`);
      return null;
    }
  }

  private writeManifest(): void {
    const manifest: Manifest = { version: INDEX_VERSION, segments: this.segments.map((s) => s.meta) };
    const path = join(this.dir, MANIFEST);
    writeFileSync(`${path}.tmp`, JSON.stringify(manifest, null, 1));
    renameSync(`${path}.tmp`, path);
  }

  /**
   * Loads the saved segments, newest first, dropping damaged ones, and indexes what is missing.
   * Loading is progressive: each segment becomes searchable as soon as it is read (the file reads
   * are asynchronous, so searches run in between), and `loading` says how far it has got — the
   * newest posts, which analysts look for first, answer within the first segment's load time.
   */
  async open(db: DatabaseSync, onProgress?: IndexProgress): Promise<void> {
    this.repairs = [];
    const manifest = this.readManifest();
    let metas: SegmentMeta[] = [];
    if (manifest && manifest.version !== INDEX_VERSION)
      this.repairs.push(`index version ${manifest.version} is outdated`);
    else if (manifest) metas = manifest.segments;
    this.segments = [];
    this.phase = 'loading';
    this.loading = { loaded: 0, total: metas.length };
    try {
      const newestFirst = [...metas].sort((a, b) => b.createdAt - a.createdAt || b.maxId - a.maxId);
      for (const [position, meta] of newestFirst.entries()) {
        await this.options.beforeSegmentLoad?.(meta, position);
        const segment = await this.loadSegment(meta);
        if (segment) this.segments.push({ meta, data: segment });
        else this.loading.total--;
        this.loading.loaded = this.segments.length;
        this.wakeSearchable();
      }
      this.dropStale(db);
      this.removeStrayFiles();
      // What is left to build counts as segments still to load (0 of N after a lost index).
      const missing = this.missingIds(db, null).length;
      this.loading = {
        loaded: this.segments.length,
        total: this.segments.length + Math.ceil(missing / this.segmentSize(missing)),
      };
      this.phase = 'building';
      this.wakeSearchable();
      await this.indexMissing(db, null, onProgress);
      this.writeManifest();
    } finally {
      this.phase = 'open';
      this.loading = null;
      this.wakeSearchable();
    }
  }

  /**
   * Resolves once a search can be answered: a saved segment is loaded, or loading has moved on to
   * building what is missing, or open() is over.
   */
  searchable(): Promise<void> {
    if (this.isSearchable()) return Promise.resolve();
    return new Promise((resolve) => this.searchableWaiters.push(resolve));
  }

  private isSearchable(): boolean {
    return this.phase === 'open' || this.phase === 'building' || this.segments.length > 0;
  }

  private wakeSearchable(): void {
    if (!this.isSearchable()) return;
    const waiters = this.searchableWaiters;
    this.searchableWaiters = [];
    for (const wake of waiters) wake();
  }

  private async loadSegment(meta: SegmentMeta): Promise<Segment | null> {
    const path = join(this.dir, meta.file);
    try {
      const buf = await readFile(path);
      if (checksum(buf) !== meta.checksum) throw new Error('checksum mismatch');
      return decodeSegment(buf);
    } catch (err) {
      this.repairs.push(`${meta.file}: ${(err as Error).message}`);
      rmSync(path, { force: true });
      return null;
    }
  }

  /**
   * Drops segments holding items that no longer exist (an import was removed): their live items are
   * indexed again by indexMissing. Without this a reused item id would inherit a deleted item's text.
   * Items only flagged `removed` stay (they are filtered out, and may come back).
   */
  dropStale(db: DatabaseSync): number {
    const max = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM items').get() as { m: number }).m;
    const exists = new Uint8Array(max + 1);
    for (const r of db.prepare('SELECT id FROM items').iterate() as Iterable<{ id: number }>)
      exists[r.id] = 1;
    const keep: LoadedSegment[] = [];
    let dropped = 0;
    for (const s of this.segments) {
      const stale = s.data.docIds.some((id) => id > max || !exists[id]);
      if (stale) {
        rmSync(join(this.dir, s.meta.file), { force: true });
        dropped++;
      } else keep.push(s);
    }
    if (dropped > 0) {
      this.segments = keep;
      this.repairs.push(`${dropped} segment(s) held deleted items`);
      this.writeManifest();
    }
    return dropped;
  }

  private removeStrayFiles(): void {
    const known = new Set(this.segments.map((s) => s.meta.file));
    for (const name of readdirSync(this.dir)) {
      if ((name.endsWith('.seg') && !known.has(name)) || name.endsWith('.tmp'))
        rmSync(join(this.dir, name), { force: true });
    }
  }

  /** Item ids in the store that no loaded segment holds (of one import, or all). */
  missingIds(db: DatabaseSync, importId: number | null): number[] {
    let maxId = 0;
    for (const s of this.segments) maxId = Math.max(maxId, s.meta.maxId);
    const covered = new Uint8Array(maxId + 1);
    for (const s of this.segments) for (const id of s.data.docIds) covered[id] = 1;
    const rows =
      importId === null
        ? db.prepare('SELECT id FROM items WHERE removed = 0 ORDER BY id').all()
        : db.prepare('SELECT id FROM items WHERE removed = 0 AND import_id = ? ORDER BY id').all(importId);
    const missing: number[] = [];
    for (const r of rows as { id: number }[]) if (r.id > maxId || !covered[r.id]) missing.push(r.id);
    return missing;
  }

  /** Builds segments for every stored item not yet indexed; returns how many were indexed. */
  async indexMissing(
    db: DatabaseSync,
    importId: number | null,
    onProgress?: IndexProgress,
    signal?: AbortSignal,
  ): Promise<number> {
    const ids = this.missingIds(db, importId);
    if (ids.length === 0) return 0;
    if (importId === null && this.segments.length > 0)
      this.repairs.push(`${ids.length} items were not indexed`);
    const per = this.segmentSize(ids.length);
    const stamp = Date.now();
    const tasks = [];
    for (let i = 0; i < ids.length; i += per) {
      const file = `seg-${stamp.toString(36)}-${process.pid.toString(36)}-${(this.seq++).toString(36)}.seg`;
      tasks.push({
        dbPath: this.dbPath,
        indexDir: this.dir,
        file,
        ids: Int32Array.from(ids.slice(i, i + per)),
      });
    }
    let done = 0;
    onProgress?.(0, ids.length);
    let results: SegmentTaskResult[];
    try {
      results = await buildSegments(tasks, this.options, (r) => {
        done += r.docs;
        onProgress?.(done, ids.length);
      });
    } catch (err) {
      // A failed build (a crashed index process) adopts nothing: the manifest and the loaded
      // segments stay as they were, and the files its lanes wrote are removed.
      for (const t of tasks) {
        rmSync(join(this.dir, t.file), { force: true });
        rmSync(join(this.dir, `${t.file}.tmp`), { force: true });
      }
      throw err;
    }
    if (signal?.aborted) {
      for (const r of results) rmSync(join(this.dir, r.file), { force: true });
      return 0;
    }
    for (const r of results) await this.adopt(r, importId, stamp);
    this.writeManifest();
    return ids.length;
  }

  /** Documents per new segment: at least one segment per core, so both build at once; at most SEGMENT_DOCS. */
  private segmentSize(docs: number): number {
    const lanes = Math.max(1, this.options.concurrency ?? Math.min(2, availableParallelism()));
    return (
      this.options.segmentDocs ?? Math.max(MIN_SEGMENT_DOCS, Math.min(SEGMENT_DOCS, Math.ceil(docs / lanes)))
    );
  }

  private async adopt(r: SegmentTaskResult, importId: number | null, createdAt: number): Promise<void> {
    const meta: SegmentMeta = {
      file: r.file,
      importId,
      docs: r.docs,
      minId: r.minId,
      maxId: r.maxId,
      bytes: r.bytes,
      checksum: r.checksum,
      createdAt,
    };
    if (r.docs === 0) {
      rmSync(join(this.dir, r.file), { force: true });
      return;
    }
    const data = await this.loadSegment(meta);
    if (data) this.segments.unshift({ meta, data });
  }

  /** Total bytes of the segment files. */
  get bytes(): number {
    return this.segments.reduce((n, s) => n + s.meta.bytes, 0);
  }
}
