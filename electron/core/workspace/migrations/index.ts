import type { DatabaseSync } from 'node:sqlite';
import { initialSchema } from './001-initial';

export interface Migration {
  /** The user_version the database has after this migration. */
  version: number;
  name: string;
  up(db: DatabaseSync): void;
}

/**
 * Numbered migrations, in order. Append only: a released migration is never edited, a change of
 * schema is a new entry whose version is one more than the last.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => db.exec(initialSchema) },
];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
