import { z } from 'zod';
import { defineCall } from './define';
import type { CsvInspection, ImportHistoryEntry } from '../domain';

export const importOptionsSchema = z
  .object({
    /** Telegram channel username for t.me permalinks (without @). */
    username: z
      .string()
      .regex(/^@?[A-Za-z0-9_]{3,64}$/, 'a Telegram username is 3–64 letters, digits or underscores')
      .transform((u) => u.replace(/^@/, ''))
      .nullish(),
    /** CSV mapping: Sifter field → CSV header. */
    csvMap: z.record(z.string(), z.string()).nullish(),
  })
  .strict();

export const importCalls = {
  /**
   * Imports files or folders (paths on the back end's disk: dropped files in the app, uploaded
   * files in browser mode). Runs as a job; its JobInfo.result is an ImportReport when done.
   */
  'import.start': defineCall<{ jobId: string }>()(
    z
      .object({ paths: z.array(z.string().min(1)).min(1).max(1000), options: importOptionsSchema.optional() })
      .strict(),
  ),
  'import.list': defineCall<ImportHistoryEntry[]>()(z.object({}).strict()),
  /** Removes an import and every item it added (and their tags, clips, notes, translations). */
  'import.remove': defineCall<{ removedItems: number }>()(
    z.object({ id: z.number().int().positive() }).strict(),
  ),
  /** Reads a CSV's headers for the mapping dialog. */
  'import.inspectCsv': defineCall<CsvInspection>()(z.object({ path: z.string().min(1) }).strict()),
} as const;
