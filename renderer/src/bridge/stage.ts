// Turning dropped files into paths the back end can import. In the app the files are already on
// the back end's disk (their paths come from the preload's pathForFile); what was dropped is the
// file itself, or for a dropped folder the folder its relativePath starts from.

/**
 * The path of what was dropped, from one of its files' absolute path and its path relative to the
 * drop: ("/home/a/export/photos/1.jpg", "export/photos/1.jpg") → "/home/a/export".
 */
export function droppedRoot(absolutePath: string, relativePath: string): string {
  const depth = relativePath.split('/').filter((s) => s !== '').length;
  if (depth <= 1) return absolutePath;
  const parts = absolutePath.split(/(?=[\\/])/); // keep each separator with the segment after it
  return parts.slice(0, Math.max(1, parts.length - (depth - 1))).join('');
}

/** Distinct dropped roots, in drop order. */
export function droppedRoots(files: { path: string; relativePath: string }[]): string[] {
  return [...new Set(files.map((f) => droppedRoot(f.path, f.relativePath)))];
}
