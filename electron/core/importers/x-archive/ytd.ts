// Reading the data files of an X/Twitter archive (`window.YTD.<name>.part0 = [ … ]`). They are
// JavaScript only by their first line: the assignment is stripped and the rest parsed as JSON —
// never executed. Large files (tweets.js runs to hundreds of megabytes) stream element by element.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import streamArray from 'stream-json/streamers/stream-array.js';
import { ImportError } from '../errors';
import type { ImporterContext, InputFile } from '../types';

/** The assignment an archive data file opens with; group 1 is the data name (tweets, tweet, account…). */
const YTD_PREFIX = /^\uFEFF?\s*window\.YTD\.([A-Za-z0-9_]+)\.part\d+\s*=\s*/;

/** The data name of a YTD file's head (`tweets` for `window.YTD.tweets.part0 = [`), or null. */
export function ytdName(head: string): string | null {
  const match = YTD_PREFIX.exec(head);
  if (!match) return null;
  // The value must be an array: anything else is not archive data.
  return head.slice(match[0].length).trimStart().startsWith('[') || head.length === match[0].length
    ? (match[1] ?? null)
    : null;
}

/**
 * The JSON text after the assignment, as a stream of strings: bytes decoded as strict UTF-8,
 * trailing semicolons and whitespace dropped.
 */
async function* jsonText(file: InputFile, ctx: ImporterContext): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let head = '';
  let inBody = false;
  let held = '';
  for await (const chunk of createReadStream(file.path, {
    signal: ctx.signal,
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportError(
        file.displayName,
        `invalid UTF-8 between bytes ${bytes} and ${bytes + chunk.length} (archive data must be UTF-8)`,
      );
    }
    bytes += chunk.length;
    ctx.reportBytes(bytes);
    if (!inBody) {
      head += text;
      if (head.length < 4096 && !head.includes('[')) continue;
      const match = YTD_PREFIX.exec(head);
      if (!match)
        throw new ImportError(
          file.displayName,
          'not X archive data (expected `window.YTD.tweets.part0 = [ … ]`)',
        );
      inBody = true;
      text = head.slice(match[0].length);
    }
    // Hold back a trailing run of whitespace/semicolons: it is dropped if it ends the file.
    const tail = /[\s;]*$/.exec(text)?.[0] ?? '';
    if (tail.length === text.length) {
      held += text;
      continue;
    }
    const body = held + text.slice(0, text.length - tail.length);
    held = tail;
    yield body;
  }
  if (!inBody)
    throw new ImportError(
      file.displayName,
      'not X archive data (expected `window.YTD.tweets.part0 = [ … ]`)',
    );
}

/** Streams the elements of a YTD data file's array. */
export async function* ytdElements(file: InputFile, ctx: ImporterContext): AsyncGenerator<unknown> {
  const input = Readable.from(jsonText(file, ctx), { objectMode: false, encoding: 'utf8' });
  const elements = streamArray.withParserAsStream();
  let inputError: unknown = null;
  input.on('error', (error) => {
    inputError = error;
    elements.destroy(error);
  });
  input.pipe(elements);
  try {
    for await (const entry of elements as AsyncIterable<{ key: number; value: unknown }>) {
      yield entry.value;
    }
  } catch (error) {
    if (inputError) throw inputError;
    if (error instanceof ImportError) throw error;
    throw new ImportError(file.displayName, `malformed archive data: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
}

/** A small YTD file parsed whole (account.js); null when it is absent or unreadable. */
export async function readSmallYtd(path: string): Promise<unknown[] | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  if (text.length > 1024 * 1024) return null;
  const match = YTD_PREFIX.exec(text);
  if (!match) return null;
  try {
    const value: unknown = JSON.parse(text.slice(match[0].length).replace(/[\s;]*$/, ''));
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}
