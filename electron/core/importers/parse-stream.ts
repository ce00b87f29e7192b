// One unit's records, parsed and prepared (prepare.ts), in file order — the work that can run on
// the import's parse thread. Media references are checked here (never outside the export's
// folder, never through a symlink) and planned; the main thread copies them for stored items.
import { readdir } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { ImportOptions, Importer, ImporterContext, InputFile } from './types';
import { prepareItem, type PreparedRecord } from './prepare';

/**
 * Which regular files a folder holds, read once per folder: an export names thousands of media
 * files (most often absent), and one listing beats a stat per reference.
 */
class FolderListing {
  private readonly folders = new Map<string, Promise<Set<string>>>();

  async isRegularFile(path: string): Promise<boolean> {
    const folder = dirname(path);
    let names = this.folders.get(folder);
    if (!names) {
      names = readdir(folder, { withFileTypes: true }).then(
        (entries) => new Set(entries.filter((e) => e.isFile()).map((e) => e.name)), // symlinks excluded
        () => new Set<string>(),
      );
      this.folders.set(folder, names);
    }
    return (await names).has(basename(path));
  }
}

export interface ParseStreamInput {
  importer: Importer;
  file: InputFile;
  /** The export's folder: media paths are relative to it. */
  root: string;
  options: ImportOptions;
  /** Media of the import are stored under media/<importId>/. */
  importId: number;
  signal: AbortSignal;
  onBytes(bytes: number): void;
}

export async function* parseStream(input: ParseStreamInput): AsyncGenerator<PreparedRecord> {
  const exportRoot = resolve(input.root);
  const listing = new FolderListing();
  const planned: Record<string, string> = {}; // stored relative path → source file
  const ctx: ImporterContext = {
    signal: input.signal,
    options: input.options,
    reportBytes: (bytes) => input.onBytes(bytes),
    async copyMedia(relativePath) {
      const rel = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
      const source = resolve(exportRoot, rel);
      if (!source.startsWith(exportRoot + sep)) return null; // outside the export: never read
      if (!(await listing.isRegularFile(source))) return null; // absent, a symlink or a folder
      const stored = `${input.importId}/${relative(exportRoot, source).split(sep).join('/')}`;
      planned[stored] = source;
      return stored;
    },
  };
  for await (const record of input.importer.parse(input.file, ctx)) {
    if (record.type === 'item')
      yield { type: 'item', prepared: prepareItem(record.sourceKey, record.item, planned) };
    else yield record;
  }
}
