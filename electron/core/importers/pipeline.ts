// The import pipeline: dropped paths (files, folders, zips) → detected units → records stored in
// one transaction on the import's own connection. Either the whole job is committed, or — when it
// is cancelled or fails — nothing of it is: the transaction is rolled back and the media it copied
// are deleted. A unit refused for bad input rolls back to its savepoint alone and is reported,
// while the other units of the job go on. After commit, each import is handed to search indexing.
import { DatabaseSync } from 'node:sqlite';
import { copyFile, mkdir, mkdtemp, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Core } from '../core';
import type { JobControl } from '../jobs/jobs';
import type { ImportFileReport, ImportReport } from '../../../shared/domain';
import { SifterError } from '../errors';
import { searchService } from '../search/service';
import { ImportError } from './errors';
import type { ImportOptions } from './types';
import { detectFormat, readHead } from './registry';
import { ImportStore } from './store';
import { applyImportedAnnotations } from './sifter-json/annotations';
import { scanFolder, type ImportUnit } from './files/units';
import { extractZip, looksLikeZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './files/zip';
import { parseUnit, type ParseMode } from './parse-thread';

export interface PipelineOptions extends ImportOptions {
  /** Names to show for the paths (uploaded files keep their original names). Defaults to basenames. */
  displayNames?: string[];
  zipLimits?: ZipLimits;
  /** Where units are parsed: a worker thread for big files by default ('auto'). */
  parseMode?: ParseMode;
}

/** Items per batch between progress reports, cancellation checks and turns of the event loop. */
const BATCH = 500;
const MAX_WARNINGS = 100;

/** One import at a time per workspace: a second waits for the first (both write the same tables). */
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  queues.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

interface Prepared {
  units: ImportUnit[];
  refused: ImportFileReport[];
  /** The position of each unit's and refused report's input among the dropped paths. */
  order: Map<ImportUnit | ImportFileReport, number>;
  /** Warnings that belong to the first unit of a dropped folder (files no importer claimed). */
  notes: Map<ImportUnit, string[]>;
  cleanup: string[];
}

function refusedReport(file: string, error: string): ImportFileReport {
  return {
    id: null,
    file,
    format: 'unknown',
    added: 0,
    duplicates: 0,
    skipped: 0,
    warnings: [],
    error,
    durationMs: 0,
  };
}

/** Turns the dropped paths into import units, extracting zips into the workspace's tmp/ folder. */
async function prepare(
  core: Core,
  paths: string[],
  options: PipelineOptions,
  job: JobControl,
  cleanup: string[],
): Promise<Prepared> {
  const prepared: Prepared = { units: [], refused: [], order: new Map(), notes: new Map(), cleanup };
  const refuse = (report: ImportFileReport, index: number): void => {
    prepared.refused.push(report);
    prepared.order.set(report, index);
  };
  const tmp = core.workspace.paths.tmp;
  for (const [index, raw] of paths.entries()) {
    job.throwIfCancelled();
    const path = resolve(raw);
    const name = options.displayNames?.[index] ?? basename(path);
    let info;
    try {
      info = await stat(path);
    } catch {
      refuse(refusedReport(name, `${name}: no such file or folder`), index);
      continue;
    }
    let folder: string | null = null;
    if (info.isDirectory()) folder = path;
    else if (info.isFile() && looksLikeZip(await readHead(path, 4))) {
      job.progress({ phase: `unpacking ${name}` });
      await mkdir(tmp, { recursive: true });
      const dest = await mkdtemp(join(tmp, 'unzip-'));
      prepared.cleanup.push(dest);
      try {
        await extractZip(path, name, dest, job.signal, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
      } catch (err) {
        if (err instanceof ImportError) {
          await rm(dest, { recursive: true, force: true });
          refuse({ ...refusedReport(name, err.message), format: 'zip' }, index);
          continue;
        }
        throw err;
      }
      folder = dest;
    }
    if (folder) {
      const scan = await scanFolder(folder, name);
      const units = scan.units.map((u) => (scan.units.length === 1 ? { ...u, displayName: name } : u));
      if (units.length === 0) {
        const why =
          scan.ignored.length > 0
            ? ` (${scan.ignored.slice(0, 3).join(', ')}${scan.ignored.length > 3 ? '…' : ''} are no format Sifter reads)`
            : '';
        refuse(refusedReport(name, `${name}: no importable file found${why}`), index);
        continue;
      }
      if (scan.ignored.length > 0) {
        prepared.notes.set(units[0]!, [
          `ignored ${scan.ignored.length} file(s) in no format Sifter reads: ${scan.ignored.slice(0, 5).join(', ')}${scan.ignored.length > 5 ? '…' : ''}`,
        ]);
      }
      for (const unit of units) prepared.order.set(unit, index);
      prepared.units.push(...units);
      continue;
    }
    if (!info.isFile()) {
      refuse(refusedReport(name, `${name}: not a regular file`), index);
      continue;
    }
    const importer = await detectFormat({ path, displayName: name });
    if (!importer) {
      refuse(
        refusedReport(
          name,
          `${name}: not a format Sifter can import (Telegram export, saved article, feed, X archive, WARC, CSV or NDJSON)`,
        ),
        index,
      );
      continue;
    }
    const unit: ImportUnit = {
      displayName: name,
      importer,
      file: { path, displayName: name, size: info.size },
      root: dirname(path),
    };
    prepared.order.set(unit, index);
    prepared.units.push(unit);
  }
  return prepared;
}

function openImportConnection(dbPath: string): DatabaseSync {
  const db = new DatabaseSync(dbPath);
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 30000');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA cache_size = -131072'); // 128 MiB of page cache for the import's index updates
  return db;
}

/** Imports `paths`; resolves with the report of every unit (refused ones carry their error). */
export function importPaths(
  core: Core,
  paths: string[],
  options: PipelineOptions,
  job: JobControl,
): Promise<ImportReport> {
  return serialised(core.workspace.paths.dir, () => runImport(core, paths, options, job));
}

async function runImport(
  core: Core,
  paths: string[],
  options: PipelineOptions,
  job: JobControl,
): Promise<ImportReport> {
  const ws = core.workspace;
  job.progress({ phase: 'reading', counters: { parsed: 0, stored: 0, indexed: 0 } });
  // Extracted zips live in tmp/ only while the job runs, whatever way it ends.
  const cleanup: string[] = [];
  // Files uploaded in browser mode are staged under tmp/uploads/ for this import only.
  const uploads = join(ws.paths.tmp, 'uploads') + sep;
  for (const path of paths) if (resolve(path).startsWith(uploads)) cleanup.push(resolve(path));
  const removeTemporary = async (): Promise<void> => {
    await Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true })));
    // An upload batch folder left empty goes too.
    for (const d of cleanup) if (d.startsWith(uploads)) await rmdir(dirname(d)).catch(() => undefined);
  };
  let prepared: Prepared;
  try {
    prepared = await prepare(core, paths, options, job, cleanup);
  } catch (err) {
    await removeTemporary();
    throw err;
  }
  const reports: ImportFileReport[] = [...prepared.refused];
  const committed: number[] = [];
  const mediaDirs: string[] = [];
  const totalBytes = prepared.units.reduce(
    (n, u) => n + u.file.size + (u.file.parts ?? []).reduce((m, p) => m + p.size, 0),
    0,
  );
  const counters = { parsed: 0, stored: 0, indexed: 0, duplicates: 0, skipped: 0 };
  let doneBytes = 0;
  const db = openImportConnection(ws.paths.db);
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const store = new ImportStore(db);
      for (const unit of prepared.units) {
        job.throwIfCancelled();
        const report = await importUnit(
          db,
          store,
          unit,
          options,
          job,
          ws.paths.media,
          mediaDirs,
          prepared.notes.get(unit) ?? [],
          {
            onBytes: (bytes) => {
              job.progress({
                phase: `importing ${unit.displayName}`,
                done: doneBytes + bytes,
                total: totalBytes,
                counters: { ...counters },
              });
            },
            counters,
          },
        );
        doneBytes += unit.file.size + (unit.file.parts ?? []).reduce((m, p) => m + p.size, 0);
        reports.push(report);
        prepared.order.set(report, prepared.order.get(unit) ?? 0);
        if (report.id !== null) committed.push(report.id);
      }
      job.throwIfCancelled();
      job.progress({ phase: 'saving', done: totalBytes, total: totalBytes, counters: { ...counters } });
      db.exec('COMMIT');
    } catch (err) {
      if (db.isTransaction) db.exec('ROLLBACK');
      await Promise.all(mediaDirs.map((d) => rm(d, { recursive: true, force: true })));
      throw err;
    }
  } finally {
    db.close();
    await removeTemporary();
  }

  // Indexing after commit: the items are saved even if indexing fails (it can be rebuilt).
  const search = searchService(core);
  for (const id of committed) {
    job.progress({ phase: 'indexing', counters: { ...counters } });
    const indexedBefore = counters.indexed;
    // The search service reports its own done/total; they become the "indexed" counter.
    const indexJob: JobControl = {
      signal: job.signal,
      throwIfCancelled: () => job.throwIfCancelled(),
      progress: (update) => {
        if (update.done !== undefined) counters.indexed = indexedBefore + update.done;
        job.progress({ ...update, phase: 'indexing', counters: { ...counters } });
      },
    };
    try {
      await search.indexImport(id, indexJob);
    } catch (err) {
      if (job.signal.aborted) break; // the items are saved; the index catches up on the next start
      const report = reports.find((r) => r.id === id);
      report?.warnings.push(
        `indexing failed (rebuild the index to search these items): ${(err as Error).message}`,
      );
    }
  }
  if (!job.signal.aborted) counters.indexed = counters.stored;
  job.progress({ phase: 'done', counters: { ...counters } });
  if (committed.length > 0) {
    core.events.emit('workspace.changed', { dir: ws.paths.dir, reason: 'imported' });
    core.events.emit('saved.changed', {});
  }
  // Reports in the order the paths were given (a stable sort keeps a folder's units in order).
  const position = (r: ImportFileReport): number => prepared.order.get(r) ?? 0;
  return { imports: [...reports].sort((a, b) => position(a) - position(b)) };
}

interface UnitProgress {
  onBytes(bytes: number): void;
  counters: { parsed: number; stored: number; duplicates: number; skipped: number };
}

async function importUnit(
  db: DatabaseSync,
  store: ImportStore,
  unit: ImportUnit,
  options: PipelineOptions,
  job: JobControl,
  mediaRoot: string,
  mediaDirs: string[],
  notes: string[],
  progress: UnitProgress,
): Promise<ImportFileReport> {
  const started = Date.now();
  const format = unit.importer.format;
  db.exec('SAVEPOINT unit');
  const importId = Number(
    (
      db
        .prepare(
          "INSERT INTO imports (file, format, status, started_at) VALUES (?, ?, 'running', ?) RETURNING id",
        )
        .get(unit.displayName, format, started) as { id: number }
    ).id,
  );
  const mediaDir = join(mediaRoot, String(importId));
  mediaDirs.push(mediaDir);
  const warnings = [...notes];
  let extraWarnings = 0;
  const warn = (message: string): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else extraWarnings++;
  };
  let added = 0;
  let duplicates = 0;
  let skipped = 0;
  let inBatch = 0;
  // Media are located as the importer asks for them, and copied only for items actually stored.
  const copied = new Set<string>();
  const records = parseUnit({
    importer: unit.importer,
    file: unit.file,
    root: unit.root,
    options,
    importId,
    signal: job.signal,
    onBytes: (bytes) => progress.onBytes(bytes),
    mode: options.parseMode ?? 'auto',
  });

  try {
    for await (const record of records) {
      switch (record.type) {
        case 'source':
          store.source(record.source);
          break;
        case 'skipped':
          skipped++;
          progress.counters.skipped++;
          break;
        case 'warning':
          warn(record.message);
          break;
        case 'item': {
          const { prepared } = record;
          const sourceId = store.sourceId(prepared.sourceKey);
          if (sourceId === undefined)
            throw new ImportError(
              unit.displayName,
              `an item refers to an unknown source "${prepared.sourceKey}"`,
            );
          if (typeof prepared.item.externalId !== 'string' || prepared.item.externalId === '') {
            skipped++;
            warn('a record without an id was skipped');
            break;
          }
          progress.counters.parsed++;
          const outcome = store.item(sourceId, importId, prepared);
          if (outcome.stored) {
            added++;
            progress.counters.stored++;
            for (const [stored, source] of Object.entries(prepared.mediaSources)) {
              if (copied.has(stored)) continue;
              const target = join(mediaRoot, ...stored.split('/'));
              await mkdir(dirname(target), { recursive: true });
              await copyFile(source, target);
              copied.add(stored);
            }
          } else {
            duplicates++;
            progress.counters.duplicates++;
          }
          if (++inBatch >= BATCH) {
            inBatch = 0;
            job.throwIfCancelled();
            await yieldToLoop();
          }
          break;
        }
      }
    }
    job.throwIfCancelled();
    store.resolveReplies(importId);
    applyImportedAnnotations(db, importId); // tags, clips, notes, translations of a Sifter export
    if (extraWarnings > 0) warnings.push(`…and ${extraWarnings} more warning(s)`);
    const durationMs = Date.now() - started;
    db.prepare(
      "UPDATE imports SET status = 'done', added = ?, duplicates = ?, skipped = ?, warnings = ?, finished_at = ?, duration_ms = ? WHERE id = ?",
    ).run(added, duplicates, skipped, JSON.stringify(warnings), Date.now(), durationMs, importId);
    db.exec('RELEASE unit');
    return {
      id: importId,
      file: unit.displayName,
      format,
      added,
      duplicates,
      skipped,
      warnings,
      error: null,
      durationMs,
    };
  } catch (err) {
    db.exec('ROLLBACK TO unit');
    db.exec('RELEASE unit');
    await rm(mediaDir, { recursive: true, force: true });
    mediaDirs.splice(mediaDirs.indexOf(mediaDir), 1);
    progress.counters.stored -= added;
    if (err instanceof ImportError) {
      return {
        id: null,
        file: unit.displayName,
        format,
        added: 0,
        duplicates: 0,
        skipped: 0,
        warnings: [],
        error: err.message,
        durationMs: Date.now() - started,
      };
    }
    if (
      job.signal.aborted ||
      (err instanceof SifterError && err.code === 'CANCELLED') ||
      (err as Error).name === 'AbortError'
    )
      throw err;
    return {
      id: null,
      file: unit.displayName,
      format,
      added: 0,
      duplicates: 0,
      skipped: 0,
      warnings: [],
      error: `${unit.displayName}: could not be imported (${(err as Error).message})`,
      durationMs: Date.now() - started,
    };
  }
}
