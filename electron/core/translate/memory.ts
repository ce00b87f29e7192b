// Translation memory: every sentence the engines translated, keyed by
// sha256(normalised text, source language, target language, engine variant). Reopening an item, a
// repost or a duplicate costs no engine call; billed characters are kept for Settings → usage.
import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { TranslationUsage } from '../../../shared/api/translate';

/** Same sentence, same key: Unicode NFC, whitespace runs collapsed, ends trimmed. */
export function normaliseSegment(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export function memoryKey(text: string, from: string | null, to: string, variant: string): string {
  return createHash('sha256')
    .update(JSON.stringify([normaliseSegment(text), from ?? 'auto', to, variant]))
    .digest('hex');
}

export interface MemoryEntry {
  hash: string;
  from: string | null;
  to: string;
  variant: string;
  source: string;
  target: string;
  billedChars: number;
}

const LOOKUP_CHUNK = 500;

export class TranslationMemory {
  constructor(private readonly db: DatabaseSync) {}

  /** hash → translated text, for the hashes that are known. */
  lookup(hashes: readonly string[]): Map<string, string> {
    const found = new Map<string, string>();
    const unique = [...new Set(hashes)];
    for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
      const chunk = unique.slice(i, i + LOOKUP_CHUNK);
      const rows = this.db
        .prepare(
          `SELECT hash, target_text FROM translation_memory WHERE hash IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk) as { hash: string; target_text: string }[];
      for (const row of rows) found.set(row.hash, row.target_text);
    }
    return found;
  }

  /** Stores new entries; an existing hash keeps its first translation and billing. */
  store(entries: readonly MemoryEntry[]): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO translation_memory(hash, source_lang, target_lang, engine, source_text, target_text, billed_chars, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = Date.now();
    for (const e of entries)
      insert.run(e.hash, e.from ?? 'auto', e.to, e.variant, e.source, e.target, e.billedChars, now);
  }

  usage(): TranslationUsage {
    const rows = this.db
      .prepare(
        'SELECT engine, COUNT(*) AS sentences, COALESCE(SUM(billed_chars), 0) AS billed FROM translation_memory GROUP BY engine ORDER BY engine',
      )
      .all() as { engine: string; sentences: number; billed: number }[];
    const byEngine = rows.map((r) => ({ engine: r.engine, sentences: r.sentences, billedChars: r.billed }));
    return { byEngine, totalBilledChars: byEngine.reduce((n, r) => n + r.billedChars, 0) };
  }
}
