// Streams a JSON file as stream-json tokens, chunk by chunk, never holding the file in memory.
// Bytes are decoded here with a fatal UTF-8 decoder so that invalid UTF-8 is reported (JSON must
// be UTF-8) instead of being silently replaced by U+FFFD.
import { createReadStream } from 'node:fs';
import { jsonParser } from 'stream-json/parser.js';
import type { Token } from 'stream-json/parser.js';
import { ImportError } from '../errors';
import type { InputFile } from '../types';

export type { Token };

const CHUNK_BYTES = 1 << 20;
/** stream-chain's registered symbols (the "no value" input that flushes, and a multi-value result). */
const none = Symbol.for('object-stream.none');
const manySymbol = Symbol.for('object-stream.many');

function isMany(out: unknown): out is { values: Token[] } {
  return typeof out === 'object' && out !== null && (out as Record<symbol, unknown>)[manySymbol] === 1;
}

/** Yields the tokens of each chunk; throws an ImportError naming the file on bad bytes or syntax. */
export async function* jsonTokens(
  file: InputFile,
  signal: AbortSignal,
  onBytes: (bytes: number) => void,
): AsyncGenerator<Token[]> {
  const parse = jsonParser({ packValues: true, streamValues: false });
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  const run = (input: string | typeof none): Token[] => {
    try {
      const out = parse(input as string) as unknown;
      if (out === none || out === undefined) return [];
      return isMany(out) ? out.values : [out as Token];
    } catch (err) {
      const why =
        input === none ? 'the JSON ends early (truncated file?)' : `malformed JSON near byte ${bytes}`;
      throw new ImportError(file.displayName, `${why}: ${(err as Error).message}`);
    }
  };
  const stream = createReadStream(file.path, { highWaterMark: CHUNK_BYTES, signal });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new ImportError(
          file.displayName,
          `invalid UTF-8 between bytes ${bytes} and ${bytes + chunk.length} (a JSON export must be UTF-8)`,
        );
      }
      bytes += chunk.length;
      onBytes(bytes);
      const tokens = run(text);
      if (tokens.length > 0) yield tokens;
    }
    try {
      const rest = decoder.decode();
      if (rest) {
        const tokens = run(rest);
        if (tokens.length > 0) yield tokens;
      }
    } catch {
      throw new ImportError(file.displayName, 'invalid UTF-8 at the end of the file (truncated?)');
    }
    const tokens = run(none);
    if (tokens.length > 0) yield tokens;
  } finally {
    stream.destroy();
  }
}

/** Builds plain values from tokens (like JSON.parse), one value at a time. */
export class ValueBuilder {
  private readonly stack: (Record<string, unknown> | unknown[])[] = [];
  private readonly keys: (string | null)[] = [];
  private key: string | null = null;
  /** Set when the value is complete. */
  done = false;
  value: unknown = undefined;

  get depth(): number {
    return this.stack.length;
  }

  private add(v: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.value = v;
      this.done = true;
      return;
    }
    if (Array.isArray(top)) top.push(v);
    else if (this.key !== null) {
      // Like JSON.parse, "__proto__" becomes an own property and never the prototype.
      if (this.key === '__proto__')
        Object.defineProperty(top, this.key, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else top[this.key] = v;
      this.key = null;
    }
  }

  consume(token: Token): void {
    switch (token.name) {
      case 'startObject':
      case 'startArray': {
        const container = token.name === 'startObject' ? {} : [];
        this.keys.push(this.key);
        this.key = null;
        this.stack.push(container);
        break;
      }
      case 'endObject':
      case 'endArray': {
        const container = this.stack.pop();
        this.key = this.keys.pop() ?? null;
        this.add(container);
        break;
      }
      case 'keyValue':
        this.key = token.value;
        break;
      case 'stringValue':
        this.add(token.value);
        break;
      case 'numberValue':
        this.add(Number(token.value));
        break;
      case 'nullValue':
        this.add(null);
        break;
      case 'trueValue':
        this.add(true);
        break;
      case 'falseValue':
        this.add(false);
        break;
      default:
        break;
    }
  }
}
