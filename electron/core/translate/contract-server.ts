// Test helper: a local HTTP server on 127.0.0.1 that answers like a translation service, built from
// per-test route handlers, and records every request so tests can count engine calls.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON or form body (form: an object of the fields). */
  body: unknown;
  raw: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  /** Never answer (to test timeouts). */
  hang?: boolean;
}

export type Route = (req: RecordedRequest, nth: number) => Reply | Promise<Reply>;

export interface ContractServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests to one path. */
  calls(path: string): RecordedRequest[];
  close(): Promise<void>;
}

function parseBody(raw: string, type: string | undefined): unknown {
  if (raw === '') return undefined;
  if (type?.includes('application/json')) return JSON.parse(raw) as unknown;
  if (type?.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(raw));
  return raw;
}

export async function startContractServer(routes: Record<string, Route>): Promise<ContractServer> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const raw = Buffer.concat(chunks).toString('utf8');
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: parseBody(raw, req.headers['content-type']),
          raw,
        };
        requests.push(recorded);
        const route = routes[`${recorded.method} ${recorded.path}`] ?? routes[recorded.path];
        const reply: Reply = route
          ? await route(recorded, requests.filter((r) => r.path === recorded.path).length)
          : { status: 404, json: { message: 'Not found' } };
        if (reply.hang) {
          hanging.add(res);
          return;
        }
        const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
        res.writeHead(reply.status ?? 200, {
          'content-type': reply.json !== undefined ? 'application/json' : 'text/plain; charset=utf-8',
          ...reply.headers,
        });
        res.end(body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (path) => requests.filter((r) => r.path === path),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
