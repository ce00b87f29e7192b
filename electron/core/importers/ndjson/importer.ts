// NDJSON dumps of collected posts: one JSON object per line, streamed. Strict: invalid UTF-8 or a
// malformed line refuses the whole file, naming the line.
import { basename } from 'node:path';
import { ImportError } from '../errors';
import type { Importer, ImportRecord } from '../types';
import { jsonLines } from './lines';
import { TEXT_KEYS, postChannel, postItem, postSource } from './post';

/** Whether the head's first line is a JSON object with a post's text field. */
export function looksLikeNdjson(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const firstLine = text.split('\n').find((line) => line.trim());
  if (!firstLine || !firstLine.trimStart().startsWith('{')) return false;
  const complete = text.includes('\n') || head.length < 64 * 1024;
  if (complete) {
    try {
      const value: unknown = JSON.parse(firstLine);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      return TEXT_KEYS.some((key) => key in value);
    } catch {
      // Possibly invalid bytes in an otherwise NDJSON file: judged by its field names below, so
      // that parse() can report the exact problem instead of "unknown format".
    }
  }
  const hasTextKey = TEXT_KEYS.some((key) => firstLine.includes(`"${key}"`));
  // A first line longer than the head cannot be parsed here; its opening must do.
  return hasTextKey && /^\s*\{\s*"/.test(firstLine) && (!complete || /\}\s*\r?$/.test(firstLine));
}

export const ndjsonImporter: Importer = {
  format: 'ndjson',
  label: 'NDJSON dump of collected posts',
  detect: ({ head }) => looksLikeNdjson(head),
  async *parse(file, ctx): AsyncIterable<ImportRecord> {
    const fileName = basename(file.displayName);
    const announced = new Set<string>();
    let records = 0;
    for await (const { line, value, text } of jsonLines(file, ctx)) {
      ctx.signal.throwIfAborted();
      records++;
      const item = postItem(value, text);
      if (!item) {
        yield { type: 'skipped', reason: `line ${line} has no text` };
        continue;
      }
      const source = postSource(postChannel(value), fileName);
      if (!announced.has(source.key)) {
        announced.add(source.key);
        yield { type: 'source', source };
      }
      yield { type: 'item', sourceKey: source.key, item };
    }
    if (records === 0) throw new ImportError(file.displayName, 'the NDJSON file holds no records');
  },
};
