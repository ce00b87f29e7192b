// A workspace is one folder (DESIGN §3): sifter.db, index/, media/, backups/, tmp/, settings.json.
import { DatabaseSync } from 'node:sqlite';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SifterError } from '../errors';
import { migrations as releasedMigrations, type Migration } from './migrations';
import type { WorkspaceInfo } from '../../../shared/domain';

export const DB_FILE = 'sifter.db';

export interface WorkspacePaths {
  dir: string;
  db: string;
  index: string;
  media: string;
  backups: string;
  tmp: string;
  settings: string;
}

export function workspacePaths(dir: string): WorkspacePaths {
  const root = resolve(dir);
  return {
    dir: root,
    db: join(root, DB_FILE),
    index: join(root, 'index'),
    media: join(root, 'media'),
    backups: join(root, 'backups'),
    tmp: join(root, 'tmp'),
    settings: join(root, 'settings.json'),
  };
}

export interface Workspace {
  readonly paths: WorkspacePaths;
  readonly db: DatabaseSync;
  /** Runs `fn` in one IMMEDIATE transaction: all of it is stored, or none. */
  transaction<T>(fn: () => T): T;
  info(): WorkspaceInfo;
  close(): void;
}

/** Tables whose row counts `workspace info` reports. */
const COUNTED_TABLES = [
  'sources',
  'imports',
  'items',
  'tags',
  'item_tags',
  'clips',
  'notes',
  'saved_searches',
  'translations',
  'translation_memory',
] as const;

function readUserVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/** A folder can become a workspace when it is missing, empty, or already holds a sifter.db. */
function assertUsableFolder(paths: WorkspacePaths): void {
  if (!existsSync(paths.dir)) return;
  const stat = statSync(paths.dir);
  if (!stat.isDirectory()) {
    throw new SifterError('INVALID', `${paths.dir} is a file, not a workspace folder.`);
  }
  if (existsSync(paths.db)) return;
  const entries = readdirSync(paths.dir).filter((name) => !name.startsWith('.'));
  // settings.json alone may exist (written before the first import); anything else means the
  // folder belongs to something else and we refuse to scatter our files into it.
  const foreign = entries.filter(
    (name) => !['settings.json', 'index', 'media', 'backups', 'tmp'].includes(name),
  );
  if (foreign.length > 0) {
    throw new SifterError(
      'INVALID',
      `${paths.dir} is neither empty nor a Sifter workspace (it holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? '…' : ''}). Choose an empty folder or an existing workspace.`,
    );
  }
}

/**
 * Refuses a workspace written by a newer Sifter without touching it: the version is read through a
 * read-only connection before anything (even the WAL pragma) could write to the file.
 */
function assertNotFromTheFuture(paths: WorkspacePaths, latestSchemaVersion: number): number {
  if (!existsSync(paths.db)) return 0;
  let probe: DatabaseSync | undefined;
  try {
    probe = new DatabaseSync(paths.db, { readOnly: true });
    const version = readUserVersion(probe);
    if (version > latestSchemaVersion) {
      throw new SifterError(
        'REFUSED',
        `The workspace at ${paths.dir} was written by a newer version of Sifter (schema ${version}; this version knows up to ${latestSchemaVersion}). Update Sifter to open it; it was not modified.`,
      );
    }
    return version;
  } catch (err) {
    if (err instanceof SifterError) throw err;
    throw new SifterError(
      'REFUSED',
      `${paths.db} is not a readable Sifter database: ${(err as Error).message}`,
    );
  } finally {
    probe?.close();
  }
}

function backupBeforeMigration(db: DatabaseSync, paths: WorkspacePaths, fromVersion: number): string {
  mkdirSync(paths.backups, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(paths.backups, `sifter-v${fromVersion}-${stamp}.db`);
  // VACUUM INTO writes a consistent, compact copy even while WAL holds uncheckpointed pages.
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

function migrate(
  db: DatabaseSync,
  paths: WorkspacePaths,
  current: number,
  migrations: readonly Migration[],
): void {
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) backupBeforeMigration(db, paths, current);
  for (const migration of pending) {
    db.exec('BEGIN IMMEDIATE');
    try {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own table.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw new SifterError(
        'INTERNAL',
        `Migration ${migration.version} (${migration.name}) failed: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
  }
}

export interface OpenOptions {
  /** The migrations to apply; tests pass their own list to exercise upgrades. */
  migrations?: readonly Migration[];
}

export function openWorkspace(dir: string, options: OpenOptions = {}): Workspace {
  const migrations = options.migrations ?? releasedMigrations;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const paths = workspacePaths(dir);
  assertUsableFolder(paths);
  const version = assertNotFromTheFuture(paths, latest);
  for (const folder of [paths.dir, paths.index, paths.media, paths.backups, paths.tmp]) {
    mkdirSync(folder, { recursive: true });
  }
  const db = new DatabaseSync(paths.db);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    migrate(db, paths, version, migrations);
    if (version === 0) {
      db.prepare("INSERT OR IGNORE INTO meta(key, value) VALUES ('created_at', ?)").run(String(Date.now()));
    }
  } catch (err) {
    db.close();
    throw err;
  }

  let depth = 0;
  const workspace: Workspace = {
    paths,
    db,
    transaction<T>(fn: () => T): T {
      // Nested calls join the outer transaction: one action stays all-or-nothing.
      if (depth > 0) return fn();
      db.exec('BEGIN IMMEDIATE');
      depth++;
      try {
        const result = fn();
        db.exec('COMMIT');
        return result;
      } catch (err) {
        db.exec('ROLLBACK');
        throw err;
      } finally {
        depth--;
      }
    },
    info(): WorkspaceInfo {
      const counts: Record<string, number> = {};
      for (const table of COUNTED_TABLES) {
        const row = db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number };
        counts[table] = row.n;
      }
      const created = db.prepare("SELECT value FROM meta WHERE key = 'created_at'").get() as
        { value: string } | undefined;
      return {
        dir: paths.dir,
        schemaVersion: readUserVersion(db),
        counts,
        createdAt: created ? Number(created.value) : null,
      };
    },
    close(): void {
      if (db.isOpen) db.close();
    },
  };
  return workspace;
}
