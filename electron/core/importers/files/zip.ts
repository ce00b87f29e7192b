// Safe extraction of a dropped zip into the workspace's tmp/ folder. A zip is hostile until proven
// otherwise: every entry is checked before anything is written (a name escaping the folder, an
// absolute path, a symlink, an encrypted entry, declared sizes over the caps), and while inflating
// the real bytes are counted against the caps on total size and on compression ratio — headers can
// lie. One bad entry refuses the whole archive, and the partial extraction is deleted by the caller.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ImportError } from '../errors';

export interface ZipLimits {
  /** Real decompressed bytes of the whole archive. */
  maxTotalBytes: number;
  /** Decompressed ÷ compressed bytes of one entry, enforced once it has inflated `ratioGraceBytes`. */
  maxRatio: number;
  ratioGraceBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 8 * 1024 ** 3,
  // Telegram JSON compresses about 10:1; text-only files up to ~40:1. 100:1 past 1 MiB is a bomb.
  maxRatio: 100,
  ratioGraceBytes: 1024 * 1024,
  maxEntries: 200_000,
};

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((res, rej) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) rej(err ?? new Error('cannot open'));
        else res(zip);
      },
    );
  });
}

/** Reads the central directory: every entry, or the first error (yauzl rejects bad names itself). */
function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((res, rej) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => res(entries));
    zip.once('error', rej);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((res, rej) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) rej(err ?? new Error('cannot read entry'));
      else res(stream);
    });
  });
}

/** Why an entry cannot be extracted, or null when it is fine. */
export function entryProblem(
  entry: Pick<yauzl.Entry, 'fileName' | 'externalFileAttributes' | 'versionMadeBy'> & {
    isEncrypted(): boolean;
  },
  dest: string,
): string | null {
  const name = entry.fileName;
  if (name.includes('\0')) return `entry "${name}" has a NUL in its name`;
  if (isAbsolute(name) || /^[a-zA-Z]:/.test(name) || name.startsWith('/') || name.startsWith('\\'))
    return `entry "${name}" has an absolute path`;
  if (name.split(/[\\/]/).includes('..')) return `entry "${name}" escapes the archive's folder`;
  const target = resolve(dest, name);
  if (target !== dest && !target.startsWith(dest + sep))
    return `entry "${name}" escapes the archive's folder`;
  // Unix mode bits live in the high 16 bits when the zip was made on Unix (versionMadeBy >> 8 === 3).
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) return `entry "${name}" is a symbolic link`;
  if (entry.isEncrypted()) return `entry "${name}" is encrypted`;
  return null;
}

/** Counts real bytes as they inflate and stops the stream once a cap is crossed. */
class ByteCap extends Transform {
  written = 0;
  constructor(private readonly check: (written: number) => string | null) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.written += chunk.length;
    const problem = this.check(this.written);
    if (problem) done(new CapError(problem));
    else done(null, chunk);
  }
}

class CapError extends Error {}

/**
 * Extracts `zipPath` into `dest` (which must exist and be empty). Throws an ImportError naming
 * `displayName` and the reason when the archive is refused; the caller deletes `dest` then.
 */
export async function extractZip(
  zipPath: string,
  displayName: string,
  dest: string,
  signal: AbortSignal,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<{ files: number; bytes: number }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (err) {
    throw new ImportError(displayName, `not a readable zip archive (${(err as Error).message})`);
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new ImportError(
        displayName,
        `the archive has ${zip.entryCount} entries (at most ${limits.maxEntries} are accepted)`,
      );
    let entries: yauzl.Entry[];
    try {
      entries = await listEntries(zip);
    } catch (err) {
      throw new ImportError(
        displayName,
        `refused: ${(err as Error).message.replace(/^invalid relative path/, "an entry escapes the archive's folder")}`,
      );
    }
    // First pass: names, kinds and declared sizes of every entry, before a byte is written.
    let declared = 0;
    for (const entry of entries) {
      const problem = entryProblem(entry, dest);
      if (problem) throw new ImportError(displayName, `refused: ${problem}`);
      declared += entry.uncompressedSize;
      if (declared > limits.maxTotalBytes)
        throw new ImportError(
          displayName,
          `refused: it would unpack to more than ${formatBytes(limits.maxTotalBytes)}`,
        );
      if (
        entry.uncompressedSize > limits.ratioGraceBytes &&
        entry.uncompressedSize > Math.max(1, entry.compressedSize) * limits.maxRatio
      ) {
        throw new ImportError(
          displayName,
          `refused: entry "${entry.fileName}" is a zip bomb (${formatBytes(entry.compressedSize)} inflating to ${formatBytes(entry.uncompressedSize)})`,
        );
      }
    }
    // Second pass: inflate, counting real bytes.
    let total = 0;
    let files = 0;
    for (const entry of entries) {
      signal.throwIfAborted();
      const target = resolve(dest, entry.fileName);
      if (entry.fileName.endsWith('/')) {
        await mkdir(target, { recursive: true });
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      const before = total;
      const cap = new ByteCap((written) => {
        total = before + written;
        if (total > limits.maxTotalBytes)
          return `refused: it unpacks to more than ${formatBytes(limits.maxTotalBytes)}`;
        if (
          written > limits.ratioGraceBytes &&
          written > Math.max(1, entry.compressedSize) * limits.maxRatio
        ) {
          return `refused: entry "${entry.fileName}" is a zip bomb (inflates more than ${limits.maxRatio}× its compressed size)`;
        }
        return null;
      });
      try {
        const source = await openEntry(zip, entry);
        await pipeline(source, cap, createWriteStream(target, { flags: 'wx' }), { signal });
      } catch (err) {
        if (err instanceof CapError) throw new ImportError(displayName, err.message);
        if ((err as Error).name === 'AbortError') throw err;
        throw new ImportError(
          displayName,
          `entry "${entry.fileName}" is damaged (${(err as Error).message})`,
        );
      }
      files++;
    }
    return { files, bytes: total };
  } finally {
    zip.close();
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** Whether a file starts like a zip archive (local file header, or an empty archive). */
export function looksLikeZip(head: Buffer): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06))
  );
}
