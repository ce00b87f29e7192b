// Test support for format importers: a real file from tests/fixtures, an in-process
// ImporterContext (no media copying, progress ignored) and a collector for parse() output.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileHead } from './csv/reader';
import type {
  ImportOptions,
  ImportRecord,
  Importer,
  ImporterContext,
  InputFile,
  ItemRecord,
  SourceRecord,
} from './types';

export const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));

/** An InputFile for a fixture (path relative to tests/fixtures) or any absolute path. */
export function inputFile(path: string): InputFile {
  const absolute = path.startsWith('/') ? path : join(FIXTURES, path);
  return { path: absolute, displayName: path.split('/').slice(-2).join('/'), size: statSync(absolute).size };
}

export function fakeContext(
  options: ImportOptions = {},
  signal: AbortSignal = new AbortController().signal,
): ImporterContext {
  return { signal, options, copyMedia: async () => null, reportBytes: () => undefined };
}

export interface Collected {
  records: ImportRecord[];
  sources: SourceRecord[];
  items: (ItemRecord & { sourceKey: string })[];
  skipped: string[];
  warnings: string[];
}

/** Runs an importer over a file and sorts what it yielded. */
export async function collect(
  importer: Importer,
  file: InputFile,
  options: ImportOptions = {},
): Promise<Collected> {
  const result: Collected = { records: [], sources: [], items: [], skipped: [], warnings: [] };
  for await (const record of importer.parse(file, fakeContext(options))) {
    result.records.push(record);
    if (record.type === 'source') result.sources.push(record.source);
    else if (record.type === 'item') result.items.push({ ...record.item, sourceKey: record.sourceKey });
    else if (record.type === 'skipped') result.skipped.push(record.reason);
    else result.warnings.push(record.message);
  }
  return result;
}

/** Whether an importer's detect() claims a file, given its real head. */
export async function claims(importer: Importer, path: string): Promise<boolean> {
  const file = inputFile(path);
  return importer.detect({
    head: await readFileHead(file.path),
    name: file.displayName.split('/').pop() ?? '',
  });
}
