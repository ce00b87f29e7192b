// Browser mode over real HTTP: a real Core on a temp workspace, a real server on 127.0.0.1, and
// raw node:http requests so every header (Host, Origin) is exactly what a test says.
import { request } from 'node:http';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../core/core';
import { startServer, type RunningServer } from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

let dir: string;
let core: Core;
let server: RunningServer;
const MAX_UPLOAD = 64 * 1024;

function send(
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunks?: Buffer[];
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as ReturnType<Reply['json']>,
          });
        });
      },
    );
    req.on('error', reject);
    if (options.chunks) for (const chunk of options.chunks) req.write(chunk);
    req.end(options.body);
  });
}

function api(method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sifter-token': server.token, ...headers },
    body: JSON.stringify(body),
  });
}

function upload(relativePath: string, body: Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  return send('/api/upload', {
    method: 'POST',
    headers: {
      'x-sifter-token': server.token,
      'x-sifter-path': encodeURIComponent(relativePath),
      ...headers,
    },
    body,
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sifter-server-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(
    join(renderer, 'index.html'),
    '<!doctype html><title>Sifter</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(dir, 'secret.txt'), 'outside the served folders');
  core = new Core({ mode: 'browser', workspaceDir: join(dir, 'ws'), version: '9.9.9', recentFile: null });
  server = await startServer({
    core,
    rendererDir: renderer,
    maxUploadBytes: MAX_UPLOAD,
    maxJsonBytes: 16 * 1024,
    heartbeatMs: 50,
  });
});

afterEach(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('API calls', () => {
  it('answers a good call with the Result of the handler map', async () => {
    const reply = await api('app.info', {});
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({
      ok: true,
      value: { version: '9.9.9', mode: 'browser', workspace: join(dir, 'ws') },
    });
    expect(server.appUrl).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
  });

  it('answers an unknown method with INVALID and HTTP 400', async () => {
    const reply = await api('nothing.here', {});
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('Unknown method') },
    });
  });

  it('answers a request that breaks the schema with INVALID and HTTP 400', async () => {
    const reply = await api('workspace.open', { dir: 42 });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('answers malformed JSON with INVALID and HTTP 400', async () => {
    const reply = await send('/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sifter-token': server.token },
      body: '{"half":',
    });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('Malformed JSON') },
    });
  });

  it('refuses a body over the size cap', async () => {
    const reply = await api('settings.update', { patch: { timeZone: 'x'.repeat(20 * 1024) } });
    expect(reply.status).toBe(413);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('refuses a form-encoded post (not application/json)', async () => {
    const reply = await send('/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-sifter-token': server.token },
      body: 'a=b',
    });
    expect(reply.status).toBe(400);
  });
});

describe('access control', () => {
  it('refuses a call without the token', async () => {
    const reply = await send('/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });

  it('refuses a call with a wrong token, and a token in the query string of a POST', async () => {
    expect((await api('app.info', {}, { 'x-sifter-token': `${server.token.slice(0, -1)}x` })).status).toBe(
      403,
    );
    const viaQuery = await send(`/api/app.info?token=${server.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(viaQuery.status).toBe(403);
  });

  it('refuses a call from a foreign Origin, even with the token', async () => {
    for (const origin of [
      'https://evil.example',
      'null',
      `http://127.0.0.1:${server.port + 1}`,
      `http://localhost.evil.example:${server.port}`,
    ]) {
      const reply = await api('app.info', {}, { origin });
      expect(reply.status, origin).toBe(403);
      expect(reply.json().error?.code).toBe('REFUSED');
    }
  });

  it('accepts the server’s own origin, by address or by localhost', async () => {
    expect((await api('app.info', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    expect(
      (
        await api(
          'app.info',
          {},
          { origin: `http://localhost:${server.port}`, host: `localhost:${server.port}` },
        )
      ).status,
    ).toBe(200);
  });

  it('refuses a cross-site request a browser labels as such, even without an Origin', async () => {
    const reply = await send(`/api/media/x.jpg?token=${server.token}`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(reply.status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding), for the API and the UI alike', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      `127.0.0.1.evil.example:${server.port}`,
    ]) {
      const call = await api('app.info', {}, { host });
      expect(call.status, host).toBe(403);
      expect(call.json()).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
      expect((await send('/', { headers: { host } })).status, host).toBe(403);
    }
  });
});

describe('events', () => {
  it('pushes core events over SSE, with heartbeats, and forgets a client that leaves', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { 'x-sifter-token': server.token },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected') && !text.includes('settings.changed')) {
              // A real call that emits an event: settings.update pushes settings.changed.
              void api('settings.update', { patch: { theme: 'dark' } });
            }
            if (text.includes('settings.changed') && text.includes(': ping')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', (err) => (err.message.includes('aborted') ? undefined : reject(err)));
      req.end();
    });
    const line = received.split('\n').find((l) => l.startsWith('data: ') && l.includes('settings.changed'));
    expect(JSON.parse(line!.slice('data: '.length))).toMatchObject({
      event: 'settings.changed',
      payload: { settings: { theme: 'dark' } },
    });
    // The server notices the disconnect: events after it go nowhere, and nothing breaks.
    await new Promise((r) => setTimeout(r, 100));
    expect((await api('settings.update', { patch: { theme: 'light' } })).status).toBe(200);
  });

  it('takes the token only from the header for the event stream, never from its URL', async () => {
    expect((await send(`/api/events?token=${server.token}`)).status).toBe(403);
    expect((await send('/api/events')).status).toBe(403);
  });
});

describe('uploads', () => {
  const tmp = () => core.workspace.paths.tmp;

  it('streams a dropped file into the workspace tmp folder and returns its server path', async () => {
    const reply = await upload('result.json', Buffer.from('{"name":"channel"}'));
    expect(reply.status).toBe(200);
    const { value } = reply.json() as { value: { path: string; root: string; batch: string } };
    expect(value.path.startsWith(join(tmp(), 'uploads', value.batch))).toBe(true);
    expect(value.root).toBe(value.path);
    expect(readFileSync(value.path, 'utf8')).toBe('{"name":"channel"}');
  });

  it('keeps a dropped folder together in one batch with its relative paths', async () => {
    const first = (await upload('ChatExport/result.json', Buffer.from('{}'))).json() as {
      value: { batch: string; root: string };
    };
    const second = await upload('ChatExport/photos/photo 1.jpg', Buffer.from([0xff, 0xd8]), {
      'x-sifter-batch': first.value.batch,
    });
    expect(second.status).toBe(200);
    const { value } = second.json() as { value: { path: string; root: string } };
    const batchDir = join(tmp(), 'uploads', first.value.batch);
    expect(value.root).toBe(join(batchDir, 'ChatExport'));
    expect(first.value.root).toBe(value.root);
    expect(value.path).toBe(join(batchDir, 'ChatExport', 'photos', 'photo 1.jpg'));
    expect(readdirSync(join(batchDir, 'ChatExport')).sort()).toEqual(['photos', 'result.json']);
  });

  it('refuses names that climb out, are absolute or carry NUL, and writes nothing', async () => {
    for (const name of [
      '../escape.txt',
      'a/../../escape.txt',
      '/etc/passwd',
      'C:/windows/x',
      'a\\..\\b',
      'nul\0byte',
      './a',
      'a//b',
      '',
    ]) {
      const reply = await upload(name, Buffer.from('x'));
      expect(reply.status, JSON.stringify(name)).toBe(400);
      expect(reply.json().error?.code).toBe('INVALID');
    }
    expect(existsSync(join(dir, 'ws', 'escape.txt'))).toBe(false);
    expect(existsSync(join(tmp(), 'escape.txt'))).toBe(false);
  });

  it('refuses a batch id it did not create', async () => {
    const reply = await upload('a.txt', Buffer.from('x'), { 'x-sifter-batch': '../../..' });
    expect(reply.status).toBe(400);
  });

  it('refuses an oversize file, declared or streamed, and leaves no partial file', async () => {
    const declared = await upload('big.bin', Buffer.alloc(MAX_UPLOAD + 1));
    expect(declared.status).toBe(413);
    expect(declared.json().error?.message).toContain('larger than the limit');

    // Chunked, without Content-Length: the cap is enforced while streaming.
    const streamed = await send('/api/upload', {
      method: 'POST',
      headers: {
        'x-sifter-token': server.token,
        'x-sifter-path': 'big2.bin',
        'transfer-encoding': 'chunked',
      },
      chunks: [Buffer.alloc(MAX_UPLOAD / 2), Buffer.alloc(MAX_UPLOAD / 2), Buffer.alloc(1024)],
    });
    expect(streamed.status).toBe(413);
    const uploads = join(tmp(), 'uploads');
    const leftovers = existsSync(uploads)
      ? readdirSync(uploads, { recursive: true }).filter((f) => String(f).endsWith('.bin'))
      : [];
    expect(leftovers).toEqual([]);
  });

  it('never overwrites a file already in the batch', async () => {
    const first = (await upload('a.txt', Buffer.from('first'))).json() as {
      value: { batch: string; path: string };
    };
    const again = await upload('a.txt', Buffer.from('second'), { 'x-sifter-batch': first.value.batch });
    expect(again.status).toBe(409);
    expect(readFileSync(first.value.path, 'utf8')).toBe('first');
  });

  it('requires the token', async () => {
    const reply = await send('/api/upload', {
      method: 'POST',
      headers: { 'x-sifter-path': 'a.txt' },
      body: 'x',
    });
    expect(reply.status).toBe(403);
  });
});

describe('static UI and media', () => {
  it('serves the built UI with the right MIME types and a strict CSP', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const script = await send('/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toBe('console.log("app");');
  });

  it('refuses paths that leave the UI folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const reply = await send(path);
      expect(reply.status, path).toBe(404);
      expect(reply.text).not.toContain('outside the served folders');
    }
  });

  it('serves workspace media read-only, with the token in the query, behind the path guard', async () => {
    const media = core.workspace.paths.media;
    mkdirSync(join(media, 'channel'), { recursive: true });
    writeFileSync(join(media, 'channel', 'photo 1.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    writeFileSync(
      join(media, 'evil.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    symlinkSync(join(dir, 'secret.txt'), join(media, 'link.txt'));

    const photo = await send(`/api/media/channel/photo%201.jpg?token=${server.token}`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(String(photo.headers['content-security-policy'])).toContain('sandbox');

    const range = await send(`/api/media/channel/photo%201.jpg?token=${server.token}`, {
      headers: { range: 'bytes=1-' },
    });
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe('bytes 1-2/3');

    const svg = await send(`/api/media/evil.svg?token=${server.token}`);
    expect(svg.headers['content-type']).toBe('application/octet-stream');
    expect(svg.headers['content-disposition']).toMatch(/^attachment/);

    expect((await send('/api/media/channel/photo%201.jpg')).status).toBe(403);
    for (const path of ['../sifter.db', '..%2fsifter.db', '..%2f..%2fsecret.txt', 'link.txt']) {
      const reply = await send(`/api/media/${path}?token=${server.token}`);
      expect(reply.status, path).toBe(404);
      expect(reply.text).not.toContain('outside the served folders');
    }
    // Read-only: the token in a query string counts for reading only, and no method can write.
    expect(
      (await send(`/api/media/channel/photo%201.jpg?token=${server.token}`, { method: 'DELETE' })).status,
    ).toBe(403);
    const del = await send('/api/media/channel/photo%201.jpg', {
      method: 'DELETE',
      headers: { 'x-sifter-token': server.token },
    });
    expect(del.status).toBe(405);
    expect(existsSync(join(media, 'channel', 'photo 1.jpg'))).toBe(true);
  });
});
