// Writing an export so that the file appears whole or not at all: a temporary file in the target
// folder (same filesystem, so the rename is atomic), written, flushed to disk (fsync), then renamed
// over the target. On any failure — a full disk, a cancelled job, a folder that vanished — the
// temporary file is removed and the error says why, naming the file.
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SifterError } from '../errors';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME_BYTES = 200;

/**
 * A safe file name from a report title or a user's name: no path separators, control characters,
 * characters Windows forbids, leading dots or trailing dots/spaces; not a reserved device name;
 * at most 200 UTF-8 bytes (the extension kept). Falls back to "report".
 */
export function sanitizeFileName(name: string, extension = ''): string {
  let base = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (base === '' || WINDOWS_RESERVED.test(base.split('.')[0] ?? ''))
    base = base === '' ? 'report' : `_${base}`;
  const ext = extension ? (extension.startsWith('.') ? extension : `.${extension}`) : '';
  const budget = MAX_NAME_BYTES - Buffer.byteLength(ext);
  while (Buffer.byteLength(base) > budget) base = Array.from(base).slice(0, -1).join('');
  return `${base.trimEnd() || 'report'}${ext}`;
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full (no space left on the device)';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the filesystem is read-only';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'the path is a folder';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

export type Chunks = Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

export interface AtomicWriteOptions {
  signal?: AbortSignal;
}

/** Writes `data` to `target` atomically; resolves with the bytes written. */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string | Chunks,
  options: AtomicWriteOptions = {},
): Promise<number> {
  const folder = dirname(target);
  const name = basename(target);
  try {
    const info = await stat(target);
    if (info.isDirectory()) throw new SifterError('INVALID', `Could not write ${target}: it is a folder.`);
  } catch (err) {
    if (err instanceof SifterError) throw err;
  }
  // Hidden, and with the target's name and extension, so a crash leaves something recognisable.
  const temp = join(
    folder,
    `.${name.slice(0, 100)}.${randomBytes(6).toString('hex')}.partial${extname(name)}`,
  );
  let handle;
  try {
    handle = await open(temp, 'wx', 0o644);
  } catch (err) {
    throw new SifterError('INVALID', `Could not write ${target}: ${describe(err)}.`, { cause: err });
  }
  let bytes = 0;
  try {
    const chunks: Chunks = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
    for await (const chunk of chunks) {
      options.signal?.throwIfAborted();
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let offset = 0;
      while (offset < buffer.length) {
        const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
        offset += bytesWritten;
      }
      bytes += buffer.length;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    options.signal?.throwIfAborted();
    await rename(temp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    if (options.signal?.aborted || (err as Error).name === 'AbortError') {
      throw new SifterError('CANCELLED', `Export cancelled: ${target} was not written.`, { cause: err });
    }
    if (err instanceof SifterError) throw err;
    throw new SifterError('INTERNAL', `Could not write ${target}: ${describe(err)}. Nothing was written.`, {
      cause: err,
    });
  }
  // The rename itself is durable only once the folder's entry is flushed too.
  try {
    const dir = await open(folder, 'r');
    await dir.sync().catch(() => undefined);
    await dir.close();
  } catch {
    // Some platforms cannot open a folder for reading; the file itself is already synced.
  }
  return bytes;
}
