// Whole-file reads for formats that are parsed as one document (a saved page, a feed), with a
// size cap so a mislabelled multi-gigabyte file is refused instead of exhausting memory.
import { createReadStream } from 'node:fs';
import { ImportError } from './errors';
import type { ImporterContext, InputFile } from './types';

const MB = 1024 * 1024;

/** Reads a file into memory, refusing it when it is bigger than `maxBytes`; reports progress. */
export async function readLimited(
  file: InputFile,
  ctx: ImporterContext,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  if (file.size > maxBytes) {
    throw new ImportError(
      file.displayName,
      `${Math.ceil(file.size / MB)} MB is too large for ${what} (the limit is ${Math.floor(maxBytes / MB)} MB)`,
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of createReadStream(file.path, { signal: ctx.signal })) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    // The size on disk can change between stat and read; the cap holds on what was really read.
    if (total > maxBytes)
      throw new ImportError(
        file.displayName,
        `the file is too large for ${what} (the limit is ${Math.floor(maxBytes / MB)} MB)`,
      );
    chunks.push(buffer);
    ctx.reportBytes(total);
  }
  return Buffer.concat(chunks, total);
}
