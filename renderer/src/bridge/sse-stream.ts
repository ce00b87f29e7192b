// A Server-Sent Events reader over fetch. EventSource cannot send headers, so it would need the
// secret token in the URL; fetch sends it in a header like every other call. Reconnects after a
// drop with a growing pause, and reports whether the stream is up.

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';

export interface SseOptions {
  url: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  onMessage: (data: string) => void;
  onState?: (state: StreamState, detail?: string) => void;
  /** First pause before reconnecting; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

/** Splits an SSE byte stream into the `data` of each event (comments and other fields ignored). */
export class SseParser {
  private buffer = '';
  private data: string[] = [];

  constructor(private readonly onData: (data: string) => void) {}

  push(text: string): void {
    this.buffer += text;
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.onData(this.data.join('\n'));
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return; // comment: heartbeat
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.data.push(value);
  }
}

/** Starts reading; the returned function stops it for good. */
export function openSseStream(options: SseOptions): () => void {
  const controller = new AbortController();
  const retryMs = options.retryMs ?? 1000;
  const maxRetryMs = options.maxRetryMs ?? 15_000;
  let stopped = false;

  const setState = (state: StreamState, detail?: string) => options.onState?.(state, detail);

  async function readOnce(): Promise<'ended' | 'refused'> {
    const response = await options.fetch(options.url, {
      headers: options.headers,
      signal: controller.signal,
    });
    if (response.status === 403) return 'refused';
    if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
    setState('open');
    const parser = new SseParser(options.onMessage);
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    return 'ended';
  }

  void (async () => {
    let pause = retryMs;
    setState('connecting');
    while (!stopped) {
      let outcome: 'ended' | 'refused' | 'failed';
      let detail: string | undefined;
      const startedAt = Date.now();
      try {
        outcome = await readOnce();
      } catch (err) {
        if (stopped) break;
        outcome = 'failed';
        detail = err instanceof Error ? err.message : String(err);
      }
      if (stopped) break;
      if (outcome === 'refused') {
        // The token is no longer accepted (the server restarted with a new one): retrying cannot help.
        setState(
          'refused',
          'The server refused the event stream; open the address `sifter serve` printed again.',
        );
        return;
      }
      // A stream that stayed up for a while was healthy: start the backoff over.
      if (Date.now() - startedAt > maxRetryMs) pause = retryMs;
      setState('reconnecting', detail);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, maxRetryMs);
    }
    setState('closed');
  })();

  return () => {
    stopped = true;
    controller.abort();
  };
}
