// NDJSON read line by line, as bytes: each line is decoded with a fatal UTF-8 decoder, so invalid
// bytes are reported with their line number instead of being silently replaced, then parsed.
import { createReadStream } from 'node:fs';
import { ImportError } from '../errors';
import type { ImporterContext, InputFile } from '../types';

/** One JSON line can be large (a post with a long text), but not unbounded. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface JsonLine {
  /** 1-based line number in the file. */
  line: number;
  value: Record<string, unknown>;
  /** The line's text, for a stable identity when a record has no id. */
  text: string;
}

function decodeLine(bytes: Buffer, line: number, file: InputFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: line !== 1 }).decode(bytes);
  } catch {
    // Say where: the first byte that does not decode.
    let offset = 0;
    for (let end = 1; end <= bytes.length; end++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
        offset = end;
      } catch {
        break;
      }
    }
    throw new ImportError(
      file.displayName,
      `line ${line} is not valid UTF-8 (bad byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte ${offset + 1} of the line); NDJSON must be UTF-8`,
    );
  }
}

function parseLine(bytes: Buffer, line: number, file: InputFile): JsonLine | null {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const text = decodeLine(bytes.subarray(0, end), line, file).trim();
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportError(file.displayName, `line ${line} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportError(
      file.displayName,
      `line ${line} is not a JSON object (each NDJSON line must be one record)`,
    );
  }
  return { line, value: value as Record<string, unknown>, text };
}

/** Streams the records of an NDJSON file; blank lines are passed over. */
export async function* jsonLines(file: InputFile, ctx: ImporterContext): AsyncGenerator<JsonLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(file.path, {
    signal: ctx.signal,
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    ctx.reportBytes(bytes);
    let start = 0;
    for (let newline = chunk.indexOf(0x0a, start); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      line++;
      const piece = chunk.subarray(start, newline);
      const full = pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      const record = parseLine(full, line, file);
      if (record) yield record;
      start = newline + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES)
        throw new ImportError(
          file.displayName,
          `line ${line + 1} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB`,
        );
    }
  }
  if (pending.length) {
    const record = parseLine(Buffer.concat(pending), line + 1, file);
    if (record) yield record;
  }
}
