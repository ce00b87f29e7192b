// Shared helpers of the import tests: fixture paths, a throwaway workspace, a record collector.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type {
  ImportRecord,
  Importer,
  ImporterContext,
  InputFile,
  ItemRecord,
} from '../../../electron/core/importers/types';

export const FIXTURES = resolve(__dirname, '../../fixtures');
export const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);

export function tempDir(prefix = 'sifter-import-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function inputFile(path: string, displayName = path.split('/').pop() ?? path): InputFile {
  return { path, displayName, size: statSync(path).size };
}

/** Runs an importer's parse on its own (no store), copying no media. */
export async function collect(
  importer: Importer,
  file: InputFile,
  options: ImporterContext['options'] = {},
): Promise<ImportRecord[]> {
  const ctx: ImporterContext = {
    signal: new AbortController().signal,
    options,
    copyMedia: async () => null,
    reportBytes: () => {},
  };
  const out: ImportRecord[] = [];
  for await (const record of importer.parse(file, ctx)) out.push(record);
  return out;
}

export function itemsOf(records: ImportRecord[]): (ItemRecord & { sourceKey: string })[] {
  return records.flatMap((r) => (r.type === 'item' ? [{ ...r.item, sourceKey: r.sourceKey }] : []));
}

/** Every file under a folder with its size, to compare a workspace before and after. */
export function listFiles(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out[relative(dir, p)] = statSync(p).size;
    }
  };
  walk(dir);
  return out;
}
