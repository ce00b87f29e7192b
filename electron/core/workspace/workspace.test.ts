import { mkdtempSync, readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openWorkspace } from './workspace';
import { latestSchemaVersion, migrations } from './migrations';

const tempDir = () => mkdtempSync(join(tmpdir(), 'sifter-ws-'));

describe('workspace store', () => {
  it('creates a new workspace at the latest schema version with WAL and foreign keys', () => {
    const dir = join(tempDir(), 'new-investigation');
    const ws = openWorkspace(dir);
    const info = ws.info();
    expect(info.schemaVersion).toBe(latestSchemaVersion);
    expect(info.counts.items).toBe(0);
    expect(ws.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(ws.db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    expect(ws.db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 }); // FULL
    for (const sub of ['index', 'media', 'backups', 'tmp']) expect(existsSync(join(dir, sub))).toBe(true);
    ws.close();
  });

  it('opening twice changes nothing and makes no backup', () => {
    const dir = tempDir();
    openWorkspace(dir).close();
    const first = openWorkspace(dir);
    const before = first.info();
    first.close();
    const again = openWorkspace(dir);
    expect(again.info()).toEqual(before);
    again.close();
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
  });

  it('refuses a workspace written by a newer version and leaves it byte for byte', () => {
    const dir = tempDir();
    openWorkspace(dir).close();
    const db = new DatabaseSync(join(dir, 'sifter.db'));
    db.exec(`PRAGMA user_version = ${latestSchemaVersion + 5}`);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(join(dir, 'sifter.db'));
    expect(() => openWorkspace(dir)).toThrow(/newer version of Sifter/);
    expect(readFileSync(join(dir, 'sifter.db')).equals(bytes)).toBe(true);
  });

  it('backs up an existing database before migrating it, and migrates in one transaction', () => {
    const dir = tempDir();
    const ws = openWorkspace(dir);
    ws.db.prepare("INSERT INTO tags(name, created_at) VALUES ('kept', 1)").run();
    ws.close();
    const next = [
      ...migrations,
      {
        version: latestSchemaVersion + 1,
        name: 'add a column',
        up: (db: DatabaseSync) => db.exec('ALTER TABLE tags ADD COLUMN pinned INTEGER'),
      },
    ];
    const upgraded = openWorkspace(dir, { migrations: next });
    expect(upgraded.info().schemaVersion).toBe(latestSchemaVersion + 1);
    upgraded.close();
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new DatabaseSync(join(dir, 'backups', backups[0]!), { readOnly: true });
    expect(backup.prepare('PRAGMA user_version').get()).toEqual({ user_version: latestSchemaVersion });
    expect(backup.prepare('SELECT name FROM tags').all()).toEqual([{ name: 'kept' }]);
    backup.close();
  });

  it('leaves the database at its old version when a migration fails', () => {
    const dir = tempDir();
    openWorkspace(dir).close();
    const broken = [
      ...migrations,
      {
        version: latestSchemaVersion + 1,
        name: 'half-done',
        up: (db: DatabaseSync) => db.exec('CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;'),
      },
    ];
    expect(() => openWorkspace(dir, { migrations: broken })).toThrow(/Migration .* failed/);
    const ws = openWorkspace(dir);
    expect(ws.info().schemaVersion).toBe(latestSchemaVersion);
    expect(ws.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    ws.close();
  });

  it('refuses a folder that holds other files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'thesis.docx'), 'x');
    expect(() => openWorkspace(dir)).toThrow(/neither empty nor a Sifter workspace/);
  });

  it('rolls a failed transaction back whole', () => {
    const ws = openWorkspace(tempDir());
    const now = Date.now();
    expect(() =>
      ws.transaction(() => {
        ws.db.prepare("INSERT INTO tags(name, created_at) VALUES ('a', ?)").run(now);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(ws.info().counts.tags).toBe(0);
    ws.close();
  });
});
