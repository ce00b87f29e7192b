// Browser mode (DESIGN §2): the one handler map over HTTP. Routes:
//   POST /api/<method>        JSON request → the Result JSON of `dispatch`
//   GET  /api/events          Server-Sent Events of core.events
//   POST /api/upload          a dropped file's bytes → its server-side path (upload.ts)
//   GET  /api/media/<path>    a file of the workspace's media/ folder, read-only
//   GET  /…                   the built renderer (out/renderer)
// Every request must name this server in Host; every /api request must come from this server's own
// origin (when the browser says where it comes from) and carry the per-run token, in the
// X-Sifter-Token header or — for media, which <img src> loads without headers — `?token=`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../core/api';
import type { Core } from '../core/core';
import {
  TOKEN_HEADER,
  allowedHostNames,
  fetchSiteAllowed,
  hostAllowed,
  hostForUrl,
  newToken,
  originAllowed,
  tokenMatches,
  type AccessPolicy,
} from './access';
import { BodyError, header, readBody, sendError, sendResult } from './http-util';
import { serveMedia, serveStatic } from './files';
import { createSseHub } from './sse';
import { UploadBatches, handleUpload } from './upload';

export interface ServerOptions {
  core: Core;
  /** Folder of the built renderer (index.html and its bundles). */
  rendererDir: string;
  /** Interface to bind; 127.0.0.1 unless the user asks for another. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The secret; a fresh random one per run unless given (tests). */
  token?: string;
  /** Cap on a JSON request body. */
  maxJsonBytes?: number;
  /** Cap on one uploaded file. */
  maxUploadBytes?: number;
  heartbeatMs?: number;
}

export interface RunningServer {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  /** http://host:port — the origin pages are served from. */
  readonly origin: string;
  /** The address to open: the origin with the token in the fragment, where the page picks it up. */
  readonly appUrl: string;
  close(): Promise<void>;
}

export const DEFAULT_MAX_JSON_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;
const METHOD_NAME = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const maxJsonBytes = options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES;
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const { core } = options;
  const hub = createSseHub(core.events, options.heartbeatMs ?? 15_000);
  const batches = new UploadBatches();
  const policy: AccessPolicy = { port: 0, hostNames: allowedHostNames(host) };

  /**
   * The token from the header; for reading media only, also from `?token=`: an <img src> cannot
   * send headers. (The event stream is read with fetch, which can, so its URL never holds the token.)
   */
  function tokenOf(req: IncomingMessage, url: URL, route: string): string | undefined {
    const fromHeader = header(req, TOKEN_HEADER);
    if (fromHeader !== undefined) return fromHeader;
    const readsMedia = (req.method === 'GET' || req.method === 'HEAD') && route.startsWith('media/');
    return readsMedia ? (url.searchParams.get('token') ?? undefined) : undefined;
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    rawPath: string,
  ): Promise<void> {
    const route = rawPath.slice('/api/'.length);
    if (!originAllowed(policy, header(req, 'origin')) || !fetchSiteAllowed(header(req, 'sec-fetch-site'))) {
      sendError(res, 403, 'REFUSED', 'Refused: the request comes from another origin.');
      return;
    }
    if (!tokenMatches(token, tokenOf(req, url, route))) {
      sendError(
        res,
        403,
        'REFUSED',
        'Refused: a valid Sifter token is required (open the address `sifter serve` printed).',
      );
      return;
    }
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    if (route === 'events' && req.method === 'GET') return hub.attach(req, res);
    if (route.startsWith('media/') && isRead)
      return serveMedia(req, res, core.workspace.paths.media, route.slice('media/'.length));
    if (route === 'upload' && req.method === 'POST') {
      return handleUpload(req, res, { tmpDir: core.workspace.paths.tmp, maxBytes: maxUploadBytes, batches });
    }
    if (req.method !== 'POST') {
      sendError(
        res,
        405,
        'INVALID',
        `Use POST for API calls (got ${req.method ?? '?'} /api/${route.slice(0, 100)}).`,
      );
      return;
    }
    if (!METHOD_NAME.test(route)) {
      sendError(res, 400, 'INVALID', `Unknown method: ${route.slice(0, 100)}`);
      return;
    }
    // A JSON content type cannot be sent by a plain HTML form: one more fence against forged posts.
    if (!/^application\/json\b/i.test(header(req, 'content-type') ?? '')) {
      sendError(res, 400, 'INVALID', 'API calls must be sent as application/json.');
      return;
    }
    const body = await readBody(req, maxJsonBytes);
    let request: unknown = {};
    if (body.length > 0) {
      try {
        request = JSON.parse(body.toString('utf8')) as unknown;
      } catch (err) {
        sendError(
          res,
          400,
          'INVALID',
          `Malformed JSON in the request for ${route}: ${(err as Error).message}`,
        );
        return;
      }
    }
    sendResult(res, await dispatch(core, route, request));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(policy, header(req, 'host'))) {
      sendError(res, 403, 'REFUSED', 'Refused: the Host header does not name this server.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://sifter.invalid');
    // Decide on the raw path: `new URL` would resolve "/api/../x" before any guard could see it.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (rawPath === '/api' || rawPath.startsWith('/api/')) return handleApi(req, res, url, rawPath);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'INVALID', `Method ${req.method ?? '?'} is not allowed here.`);
      return;
    }
    return serveStatic(req, res, options.rendererDir, rawPath);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof BodyError) sendError(res, err.status, err.code, err.message);
      else sendError(res, 500, 'INTERNAL', `Internal error: ${(err as Error).message}`);
    });
  });
  // Uploads of big exports can take long; the defaults would cut them off mid-stream.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const port = (server.address() as AddressInfo).port;
  policy.port = port;
  // A wildcard bind has no address to open; the loopback one always works on this machine.
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : hostForUrl(host);
  const origin = `http://${shownHost}:${port}`;

  return {
    host,
    port,
    token,
    origin,
    appUrl: `${origin}/#token=${token}`,
    async close() {
      hub.clients.closeAll();
      await new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      });
    },
  };
}
