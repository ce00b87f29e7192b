// The whole window is a drop target. This module turns a drop (files and whole folders) into a
// flat list of files with their paths relative to what was dropped, and hands it to whichever
// feature registered for it (the Library registers the import). The overlay is in DropOverlay.tsx.

export interface DroppedFile {
  file: File;
  /** Path inside what was dropped, with "/" separators: "ChatExport/result.json". */
  relativePath: string;
}

export type DropHandler = (files: DroppedFile[]) => void | Promise<void>;

const handlers: DropHandler[] = [];

/**
 * Registers the handler for dropped files; the most recent registration wins while it lasts.
 * Returns the function that unregisters it.
 */
export function onFilesDropped(handler: DropHandler): () => void {
  handlers.push(handler);
  return () => {
    const at = handlers.lastIndexOf(handler);
    if (at !== -1) handlers.splice(at, 1);
  };
}

/** The handler that would receive files now, if any. */
export function currentDropHandler(): DropHandler | null {
  return handlers[handlers.length - 1] ?? null;
}

/** True when a drag carries files (not text or a link dragged from a page). */
export function dragHasFiles(dataTransfer: DataTransfer | null): boolean {
  return !!dataTransfer && Array.from(dataTransfer.types).includes('Files');
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries returns at most ~100 entries per call: read until it returns none. */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: DroppedFile[]): Promise<void> {
  const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), relativePath });
  } else if (entry.isDirectory) {
    for (const child of await readAll(entry as FileSystemDirectoryEntry))
      await walk(child, relativePath, out);
  }
}

/**
 * Collects everything a drop carries, folders recursively. Must be called during the drop event:
 * the browser empties DataTransfer.items once the handler returns, so the entries are taken
 * synchronously and only read afterwards.
 */
export function collectDroppedFiles(dataTransfer: DataTransfer): Promise<DroppedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(dataTransfer.files));
  return (async () => {
    const out: DroppedFile[] = loose.map((file) => ({
      file,
      relativePath: file.webkitRelativePath || file.name,
    }));
    for (const entry of entries) await walk(entry, '', out);
    return out;
  })();
}

/** Hands files to the registered handler; false when no feature takes dropped files yet. */
export async function deliverFiles(files: DroppedFile[]): Promise<boolean> {
  const handler = currentDropHandler();
  if (!handler) return false;
  await handler(files);
  return true;
}
