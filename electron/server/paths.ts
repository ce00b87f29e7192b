// Path guards for everything the server reads or writes on behalf of a request: static files of the
// built UI, media files of the workspace, and uploaded files. A request names a path; these
// functions decide whether that path stays inside the folder it is meant for.
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Thrown when a client-supplied name or path is refused; the message says why. */
export class PathRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathRefused';
  }
}

const MAX_SEGMENT_BYTES = 255;
const MAX_DEPTH = 32;
// Characters Windows cannot store in a name; replaced, so an upload from any OS keeps a usable name.
const WINDOWS_RESERVED = /[<>:"|?*]/g;
// C0 controls, DEL and C1 controls: never part of a real file name, often part of an attack.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Checks and cleans the relative path of an uploaded file ("export/photos/a.jpg"). Refuses `..`,
 * `.`, empty segments, absolute paths, drive letters, backslashes, NUL and other control
 * characters instead of rewriting them: a name like that is an attack or a bug, not a file.
 * Returns the cleaned segments.
 */
export function sanitizeRelativePath(name: string): string[] {
  if (name.length === 0) throw new PathRefused('The file name is empty.');
  if (CONTROL.test(name)) throw new PathRefused('The file name contains NUL or control characters.');
  if (name.includes('\\')) throw new PathRefused('The file name contains a backslash.');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
    throw new PathRefused('The file name is an absolute path.');
  const segments = name.normalize('NFC').split('/');
  if (segments.length > MAX_DEPTH)
    throw new PathRefused(`The path is nested deeper than ${MAX_DEPTH} folders.`);
  return segments.map((segment) => {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new PathRefused(`The path "${name.slice(0, 200)}" contains an empty, "." or ".." segment.`);
    }
    const cleaned = segment.replace(WINDOWS_RESERVED, '_').replace(/[. ]+$/, '_');
    if (Buffer.byteLength(cleaned) > MAX_SEGMENT_BYTES)
      throw new PathRefused('A file or folder name is longer than 255 bytes.');
    return cleaned;
  });
}

/** True when `child` is `root` itself or lies inside it (both absolute, already resolved). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Resolves a URL path (already percent-decoded, '/'-separated) inside `root` for reading. Returns
 * null when it would leave `root`, including through a symlink, or when it names nothing.
 */
export function resolveForReading(root: string, urlPath: string): string | null {
  if (urlPath.includes('\0') || urlPath.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(join(base, urlPath));
  if (!isInside(base, target)) return null;
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(target);
    realRoot = realpathSync(base);
  } catch {
    return null; // missing
  }
  return isInside(realRoot, real) ? real : null;
}

/** Decodes a percent-encoded URL path; null when the encoding is broken. */
export function decodeUrlPath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
