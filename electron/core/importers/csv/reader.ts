// Streaming CSV: the file's encoding detected from its head (BOM, valid UTF-8, else chardet, so
// an Excel export in windows-1251 reads right), decoded as a stream, and split into rows by
// papaparse, which also guesses the delimiter (comma, semicolon, tab, pipe).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { decodeBytes, decoderStream, detectEncoding, type DetectedEncoding } from '../encoding';
import { ImportError } from '../errors';
import type { ImporterContext, InputFile } from '../types';

const HEAD_BYTES = 64 * 1024;

export async function readFileHead(path: string, bytes = HEAD_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function csvEncoding(head: Uint8Array, truncated: boolean): DetectedEncoding {
  return detectEncoding(head, { truncated });
}

/** The first rows of a CSV head (the last, possibly cut, line dropped when the head is partial). */
export function sampleRows(
  head: Uint8Array,
  truncated: boolean,
  limit = 6,
): { rows: string[][]; delimiter: string } {
  let text = decodeBytes(head, csvEncoding(head, truncated).encoding);
  if (truncated) {
    const lastBreak = text.lastIndexOf('\n');
    text = lastBreak === -1 ? text : text.slice(0, lastBreak);
  }
  const parsed = Papa.parse<string[]>(text, { preview: limit, skipEmptyLines: 'greedy' });
  return { rows: parsed.data, delimiter: parsed.meta.delimiter };
}

/** Whether a head looks like a delimited table with a header row. */
export function looksLikeCsv(head: Uint8Array): boolean {
  const truncated = head.length >= HEAD_BYTES;
  const text = decodeBytes(head.subarray(0, 4096), csvEncoding(head, truncated).encoding).trimStart();
  // JSON, XML/HTML, archives' JavaScript and binary files are other formats.
  if (!text || /^[{[<]/.test(text) || /^window\./.test(text) || text.includes('\u0000')) return false;
  const { rows } = sampleRows(head, truncated);
  const header = rows[0];
  if (!header || header.length < 2 || rows.length < 2) return false;
  if (header.some((cell) => cell.length > 200) || header.every((cell) => /^\s*[\d.,-]*\s*$/.test(cell)))
    return false;
  const body = rows.slice(1);
  return body.every((row) => row.length === header.length);
}

/** Streams the rows of a CSV file (the header row first) as arrays of cells. */
export async function* csvRows(file: InputFile, ctx: ImporterContext): AsyncGenerator<string[]> {
  const head = await readFileHead(file.path);
  const { encoding } = csvEncoding(head, file.size > head.length);
  const source = createReadStream(file.path, { signal: ctx.signal, highWaterMark: 1 << 20 });
  let bytes = 0;
  source.on('data', (chunk) => {
    bytes += chunk.length;
    ctx.reportBytes(bytes);
  });
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: 'greedy' });
  const decoder = decoderStream(encoding);
  const fail = (error: Error): void => {
    parser.destroy(error);
  };
  source.on('error', fail);
  decoder.on('error', fail);
  source.pipe(decoder).pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<string[]>) yield row;
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    throw new ImportError(file.displayName, `the CSV could not be read: ${(error as Error).message}`);
  } finally {
    source.destroy();
  }
}
