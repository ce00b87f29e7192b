// The upload endpoint for files dropped on the page in browser mode. The browser cannot tell the
// server where a dropped file lives, so it sends the bytes; they are streamed (never buffered)
// into the workspace's tmp/uploads/<batch>/ folder, and the answer is the server-side path to give
// to `import.start`.
//
//   POST /api/upload
//   X-Sifter-Path:  percent-encoded relative path ("export/photos/a.jpg" for a dropped folder)
//   X-Sifter-Batch: the batch id of an earlier answer, to keep one drop's files together (optional)
//   body:           the file's bytes
//   → { ok: true, value: { batch, path, root } }   root = the dropped file or folder itself
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { header, sendError, sendJson } from './http-util';
import { PathRefused, decodeUrlPath, isInside, sanitizeRelativePath } from './paths';

export const PATH_HEADER = 'x-sifter-path';
export const BATCH_HEADER = 'x-sifter-batch';

export interface UploadAnswer {
  batch: string;
  /** Absolute path of the stored file on the server. */
  path: string;
  /** Absolute path of what was dropped: the file itself, or the top folder of a dropped folder. */
  root: string;
}

class TooLarge extends Error {}

/** Upload batches this server created; a client cannot invent a folder name of its own. */
export class UploadBatches {
  private readonly dirs = new Map<string, string>();

  create(tmpDir: string): { id: string; dir: string } {
    const id = randomBytes(12).toString('hex');
    const dir = join(tmpDir, 'uploads', id);
    mkdirSync(dir, { recursive: true });
    this.dirs.set(id, dir);
    return { id, dir };
  }

  get(id: string): string | undefined {
    return this.dirs.get(id);
  }
}

export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  options: { tmpDir: string; maxBytes: number; batches: UploadBatches },
): Promise<void> {
  const rawName = header(req, PATH_HEADER);
  const name = rawName === undefined ? null : decodeUrlPath(rawName);
  if (name === null) {
    sendError(
      res,
      400,
      'INVALID',
      `Upload refused: the ${PATH_HEADER} header with the file's relative path is missing or badly encoded.`,
    );
    return;
  }
  let segments: string[];
  try {
    segments = sanitizeRelativePath(name);
  } catch (err) {
    if (err instanceof PathRefused) {
      sendError(res, 400, 'INVALID', `Upload of "${name.slice(0, 200)}" refused: ${err.message}`);
      return;
    }
    throw err;
  }
  const declared = Number(header(req, 'content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    sendError(
      res,
      413,
      'INVALID',
      `Upload of "${name.slice(0, 200)}" refused: it is larger than the limit of ${options.maxBytes} bytes.`,
    );
    return;
  }

  const batchId = header(req, BATCH_HEADER);
  let batch: { id: string; dir: string };
  if (batchId === undefined) {
    batch = options.batches.create(options.tmpDir);
  } else {
    const dir = options.batches.get(batchId);
    if (!dir) {
      sendError(res, 400, 'INVALID', 'Upload refused: unknown upload batch.');
      return;
    }
    batch = { id: batchId, dir };
  }

  const target = join(batch.dir, ...segments);
  // Defence in depth: the segments were checked one by one, and the joined path is checked again.
  if (!isInside(batch.dir, target) || target === batch.dir) {
    sendError(
      res,
      400,
      'INVALID',
      `Upload of "${name.slice(0, 200)}" refused: the path leaves the upload folder.`,
    );
    return;
  }
  mkdirSync(join(target, '..'), { recursive: true });

  let received = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > options.maxBytes) done(new TooLarge());
      else done(null, chunk);
    },
  });
  try {
    // The request is piped rather than put in the pipeline: a pipeline error would destroy the
    // socket with it, and the client would get a reset instead of the 413 that says why.
    // 'wx': a file of the same name in the same batch is never overwritten.
    const written = pipeline(cap, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    req.on('error', (err) => cap.destroy(err));
    req.on('close', () => {
      if (!req.complete) cap.destroy(new Error('The upload was interrupted.'));
    });
    req.pipe(cap);
    await written;
  } catch (err) {
    const exists = (err as NodeJS.ErrnoException).code === 'EEXIST';
    if (!exists) rmSync(target, { force: true }); // no half-written file is left for an import to find
    if (res.headersSent || res.destroyed) return;
    if (err instanceof TooLarge) {
      sendError(
        res,
        413,
        'INVALID',
        `Upload of "${name.slice(0, 200)}" refused: it is larger than the limit of ${options.maxBytes} bytes.`,
      );
    } else if (exists) {
      sendError(
        res,
        409,
        'CONFLICT',
        `Upload of "${name.slice(0, 200)}" refused: this batch already holds a file of that name.`,
      );
    } else if (req.destroyed || req.readableAborted) {
      res.destroy(); // the client went away; nobody is listening for an answer
    } else {
      throw err;
    }
    return;
  }
  const answer: UploadAnswer = { batch: batch.id, path: target, root: join(batch.dir, segments[0] ?? '') };
  sendJson(res, 200, { ok: true, value: answer });
}
