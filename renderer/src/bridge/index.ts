// The renderer's one way to the back end: `window.sifter` (the preload's IPC bridge) in the app,
// `httpBridge()` (sifter serve's HTTP API) in a browser. Features import from here only.
import type { SifterBridge } from '../../../shared/api';
import {
  BridgeError,
  createHttpBridge,
  encodePath,
  type FileSender,
  type HttpSifterBridge,
  type UploadProgress,
} from './http-bridge';
import type { StreamState } from './sse-stream';
import { droppedRoots } from './stage';
import { consumeToken } from './token';

export { BridgeError, type UploadProgress } from './http-bridge';
export type { StreamState } from './sse-stream';

declare global {
  interface Window {
    /** Set by the preload script in the Electron app; absent in a browser. */
    sifter?: SifterBridge;
  }
}

/** The custom protocol origin the app's pages and media are served from (electron/main/protocol). */
const APP_MEDIA_BASE = 'app://sifter/media/';

let http: HttpSifterBridge | null = null;
let streamState: StreamState = 'connecting';
const streamListeners = new Set<(state: StreamState, detail?: string) => void>();

/** Sends a file with XMLHttpRequest, the one browser API that reports upload progress. */
const xhrFileSender: FileSender = ({ url, headers, body, onProgress }) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => resolve(xhr.response as unknown);
    xhr.onerror = () => reject(new Error('the upload failed (network error)'));
    xhr.onabort = () => reject(new Error('the upload was aborted'));
    xhr.send(body);
  });

/** The bridge over HTTP to `sifter serve`, created once per page. */
export function httpBridge(): HttpSifterBridge {
  if (!http) {
    http = createHttpBridge({
      origin: window.location.origin,
      token: consumeToken(),
      fetch: window.fetch.bind(window),
      sendFile: xhrFileSender,
      onStreamState: (state, detail) => {
        streamState = state;
        for (const listener of streamListeners) listener(state, detail);
      },
    });
  }
  return http;
}

export function getBridge(): SifterBridge {
  return window.sifter ?? httpBridge();
}

/** True in the Electron app. */
export function isElectron(): boolean {
  return window.sifter !== undefined;
}

/**
 * A URL that <img>/<video> can load for a file under the workspace's media/ folder (a relative
 * path as stored on items). In the app it is the app:// protocol; in a browser, the server's
 * /api/media route with the token as a query parameter (an <img> cannot send headers).
 */
export function mediaUrl(relativePath: string): string {
  return isElectron() ? `${APP_MEDIA_BASE}${encodePath(relativePath)}` : httpBridge().mediaUrl(relativePath);
}

/**
 * Paths on the back end's disk for dropped files, ready for `import.start`: one per dropped file or
 * folder. In the app they are where the files already are; in a browser the files are uploaded
 * into the workspace's tmp/ folder first (progress through `onProgress`). Rejects with a
 * BridgeError that says what went wrong.
 */
export async function stageDroppedFiles(
  files: { file: File; relativePath: string }[],
  onProgress?: (progress: UploadProgress) => void,
): Promise<string[]> {
  const bridge = window.sifter;
  if (!bridge) return httpBridge().upload(files, onProgress);
  const located = files.map(({ file, relativePath }) => ({ path: bridge.pathForFile(file), relativePath }));
  const missing = located.find((f) => !f.path);
  if (missing) {
    throw new BridgeError({
      code: 'UNSUPPORTED',
      message: `"${missing.relativePath}" is not a file on this computer's disk and cannot be imported.`,
    });
  }
  return droppedRoots(located as { path: string; relativePath: string }[]);
}

/**
 * Follows the state of the browser-mode event stream ('refused' means the page must be reopened
 * from the address `sifter serve` printed). The app has no stream to lose: always 'open'.
 */
export function onStreamState(listener: (state: StreamState, detail?: string) => void): () => void {
  if (isElectron()) {
    listener('open');
    return () => {};
  }
  streamListeners.add(listener);
  listener(streamState);
  return () => streamListeners.delete(listener);
}
