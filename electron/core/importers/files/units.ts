// From what the analyst dropped (files, folders — zips are extracted to folders beforehand) to
// import units: one detected format and its file(s). Detection is by content; names only decide
// which files are obviously media (never read for detection) and how HTML export pages are ordered.
import { lstat, readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Importer, InputFile } from '../types';
import { detectFormat } from '../registry';
import { htmlPageNumber } from '../telegram-html/importer';

export interface ImportUnit {
  /** Name shown in the report and the history. */
  displayName: string;
  importer: Importer;
  file: InputFile;
  /** The folder media paths of the unit are relative to (the export's folder). */
  root: string;
}

export interface FolderScan {
  units: ImportUnit[];
  /** Files that no importer claimed (display names), media excepted. */
  ignored: string[];
}

/** Files that are media or page assets: part of an export, never an import of their own. */
const MEDIA_EXTENSIONS =
  /\.(jpe?g|png|gif|webp|bmp|tiff?|heic|svg|ico|mp4|m4v|mov|avi|mkv|webm|mp3|m4a|ogg|oga|opus|wav|flac|tgs|webm|css|woff2?|ttf|otf|eot|pdf|docx?|xlsx?|pptx?)$/i;
/** Folders that never hold an import (macOS zip metadata, VCS). */
const SKIPPED_DIRS = new Set(['__MACOSX', '.git', 'node_modules']);
const MAX_FILES = 200_000;

interface Found {
  path: string;
  rel: string;
  size: number;
  importer: Importer | null;
}

/**
 * Walks a folder without following symlinks. A folder holding a Telegram export (result.json or
 * messages*.html) is that export: its other files and subfolders are its media. Elsewhere every
 * detected file is a unit of its own.
 */
export async function scanFolder(dir: string, displayRoot: string): Promise<FolderScan> {
  const units: ImportUnit[] = [];
  const ignored: string[] = [];
  let seen = 0;

  const visit = async (folder: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name, 'en'),
    );
    const files: Found[] = [];
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) continue; // never followed: it could point anywhere
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) subfolders.push(path);
        continue;
      }
      if (!entry.isFile()) continue;
      if (++seen > MAX_FILES) throw new Error(`more than ${MAX_FILES} files`);
      const rel = relative(dir, path);
      if (MEDIA_EXTENSIONS.test(entry.name)) continue;
      const { size } = await lstat(path);
      if (size === 0) continue;
      const importer = await detectFormat({ path, displayName: rel });
      files.push({ path, rel, size, importer });
    }
    const display = (f: Found): string => `${displayRoot}/${f.rel}`;
    const input = (f: Found): InputFile => ({ path: f.path, displayName: display(f), size: f.size });

    const telegramJson = files.filter((f) => f.importer?.format === 'telegram-json');
    const htmlPages = files
      .filter((f) => f.importer?.format === 'telegram-html' && htmlPageNumber(basename(f.path)) !== null)
      .sort((a, b) => (htmlPageNumber(basename(a.path)) ?? 0) - (htmlPageNumber(basename(b.path)) ?? 0));
    if (telegramJson.length > 0) {
      // The JSON export is the complete one; HTML pages beside it are the same messages again.
      for (const f of telegramJson)
        units.push({ displayName: display(f), importer: f.importer!, file: input(f), root: folder });
      return;
    }
    if (htmlPages.length > 0) {
      const [first, ...rest] = htmlPages;
      const file = input(first!);
      file.parts = rest.map(input);
      units.push({ displayName: display(first!), importer: first!.importer!, file, root: folder });
      return;
    }
    for (const f of files) {
      if (f.importer)
        units.push({ displayName: display(f), importer: f.importer, file: input(f), root: folder });
      else ignored.push(display(f));
    }
    for (const sub of subfolders) await visit(sub);
  };

  await visit(dir);
  return { units, ignored };
}
