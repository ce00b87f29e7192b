// The browser-mode bridge: SifterBridge over `sifter serve`'s HTTP API. Everything it needs from
// the page (where the server is, the token, fetch, how to send a file) is passed in, so it runs
// the same in Chromium and in a Node test against a real server.
import type {
  ApiError,
  ApiEvents,
  EventName,
  Method,
  Req,
  Res,
  Result,
  SifterBridge,
} from '../../../shared/api';
import { openSseStream, type StreamState } from './sse-stream';

export const TOKEN_HEADER = 'X-Sifter-Token';

/** What the server answers for one uploaded file (electron/server/upload.ts). */
export interface UploadAnswer {
  batch: string;
  /** The stored file's path on the server. */
  path: string;
  /** The server path of what was dropped: the file, or the top folder of a dropped folder. */
  root: string;
}

export interface UploadRequest {
  url: string;
  headers: Record<string, string>;
  body: Blob;
  /** Bytes of this file sent so far. */
  onProgress: (loaded: number) => void;
}

/** Sends one file and returns the parsed JSON answer (whatever its HTTP status). */
export type FileSender = (request: UploadRequest) => Promise<unknown>;

export interface HttpBridgeOptions {
  /** The server's origin, e.g. http://127.0.0.1:5173. */
  origin: string;
  token: string | null;
  fetch: typeof fetch;
  /** How to send a file; the default uses fetch, which reports progress only when a file is done. */
  sendFile?: FileSender;
  onStreamState?: (state: StreamState, detail?: string) => void;
}

export interface UploadProgress {
  /** Bytes sent so far over all files of this drop. */
  loaded: number;
  total: number;
  /** The file being sent now. */
  file: string;
  index: number;
  count: number;
}

export interface HttpSifterBridge extends SifterBridge {
  /** A URL for a file under the workspace's media/ folder that <img src> can load. */
  mediaUrl(relativePath: string): string;
  /** Uploads dropped files into one batch on the server; returns what to give `import.start`. */
  upload(
    files: { file: Blob; relativePath: string }[],
    onProgress?: (progress: UploadProgress) => void,
  ): Promise<string[]>;
  /** Stops the event stream (tests, page teardown). */
  close(): void;
}

/** An error from the back end, thrown only where a Result cannot be returned (uploads). */
export class BridgeError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'BridgeError';
  }
}

function unavailable(detail: string): ApiError {
  return {
    code: 'UNAVAILABLE',
    message: `The Sifter server could not be reached (${detail}). Is \`sifter serve\` still running?`,
  };
}

/** Checks that a parsed body has the Result shape; anything else is a transport failure. */
function asResult<T>(body: unknown, status: number): Result<T> {
  if (body && typeof body === 'object' && 'ok' in body) {
    const r = body as { ok: unknown; value?: unknown; error?: Partial<ApiError> };
    if (r.ok === true) return { ok: true, value: r.value as T };
    if (
      r.ok === false &&
      r.error &&
      typeof r.error.code === 'string' &&
      typeof r.error.message === 'string'
    ) {
      return { ok: false, error: { code: r.error.code, message: r.error.message } };
    }
  }
  return { ok: false, error: unavailable(`unexpected answer, HTTP ${status}`) };
}

/** Percent-encodes each segment of a '/'-separated relative path. */
export function encodePath(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}

/** The default sender: fetch, with progress reported once the file has been sent. */
export function fetchFileSender(fetchImpl: typeof fetch): FileSender {
  return async ({ url, headers, body, onProgress }) => {
    const response = await fetchImpl(url, { method: 'POST', headers, body });
    onProgress(body.size);
    return response.json().catch(() => ({ ok: false, error: unavailable(`HTTP ${response.status}`) }));
  };
}

/** Distinct values in first-seen order. */
function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function createHttpBridge(options: HttpBridgeOptions): HttpSifterBridge {
  const base = options.origin.replace(/\/+$/, '');
  const tokenHeaders: Record<string, string> = options.token ? { [TOKEN_HEADER]: options.token } : {};
  const sendFile = options.sendFile ?? fetchFileSender(options.fetch);
  const listeners = new Map<string, Set<(payload: never) => void>>();
  let stopStream: (() => void) | null = null;

  function deliver(data: string): void {
    let message: { event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return; // not ours
    }
    if (typeof message.event !== 'string') return;
    for (const listener of listeners.get(message.event) ?? []) {
      try {
        (listener as (payload: unknown) => void)(message.payload);
      } catch (err) {
        // One broken listener must not starve the others of events.
        console.error(`A listener for ${message.event} failed:`, err);
      }
    }
  }

  function ensureStream(): void {
    if (stopStream) return;
    stopStream = openSseStream({
      url: `${base}/api/events`,
      headers: tokenHeaders,
      fetch: options.fetch,
      onMessage: deliver,
      onState: options.onStreamState,
    });
  }

  return {
    async call<M extends Method>(method: M, req: Req<M>): Promise<Result<Res<M>>> {
      let response: Response;
      try {
        response = await options.fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { ...tokenHeaders, 'Content-Type': 'application/json' },
          body: JSON.stringify(req ?? {}),
        });
      } catch (err) {
        return { ok: false, error: unavailable(err instanceof Error ? err.message : String(err)) };
      }
      const body: unknown = await response.json().catch(() => null);
      return asResult<Res<M>>(body, response.status);
    },

    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const entry = listener as (payload: never) => void;
      set.add(entry);
      ensureStream();
      return () => {
        set.delete(entry);
      };
    },

    // Browser mode cannot see where a file lives on disk; dropped files are uploaded instead.
    pathForFile: () => null,

    mediaUrl(relativePath: string): string {
      // <img src> cannot send a header, so media URLs carry the token as a query parameter.
      const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
      return `${base}/api/media/${encodePath(relativePath)}${query}`;
    },

    async upload(files, onProgress) {
      const total = files.reduce((sum, f) => sum + f.file.size, 0);
      let before = 0;
      let batch: string | undefined;
      const roots: string[] = [];
      for (const [index, { file, relativePath }] of files.entries()) {
        const report = (loaded: number) =>
          onProgress?.({
            loaded: before + Math.min(loaded, file.size),
            total,
            file: relativePath,
            index,
            count: files.length,
          });
        report(0);
        let body: unknown;
        try {
          body = await sendFile({
            url: `${base}/api/upload`,
            headers: {
              ...tokenHeaders,
              'Content-Type': 'application/octet-stream',
              'X-Sifter-Path': encodePath(relativePath),
              ...(batch ? { 'X-Sifter-Batch': batch } : {}),
            },
            body: file,
            onProgress: report,
          });
        } catch (err) {
          throw new BridgeError(unavailable(err instanceof Error ? err.message : String(err)));
        }
        const result = asResult<UploadAnswer>(body, 0);
        if (!result.ok) throw new BridgeError(result.error);
        batch = result.value.batch;
        roots.push(result.value.root);
        report(file.size);
        before += file.size;
      }
      return unique(roots);
    },

    close() {
      stopStream?.();
      stopStream = null;
      listeners.clear();
    },
  };
}
