// The browser-mode bridge (renderer/src/bridge/http-bridge.ts) against a real `sifter serve`
// server on 127.0.0.1 with a real temp workspace: calls, pushed events, uploads, media URLs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { startServer, type RunningServer } from '../../electron/server/server';
import {
  createHttpBridge,
  type HttpSifterBridge,
  type UploadProgress,
} from '../../renderer/src/bridge/http-bridge';
import type { Method } from '../../shared/api';

let dir: string;
let core: Core;
let server: RunningServer;
let bridge: HttpSifterBridge;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sifter-bridge-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  core = new Core({ mode: 'browser', workspaceDir: join(dir, 'ws'), version: '1.2.3', recentFile: null });
  server = await startServer({ core, rendererDir: join(dir, 'renderer') });
  bridge = createHttpBridge({ origin: server.origin, token: server.token, fetch });
});

afterEach(async () => {
  bridge.close();
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function nextEvent<T>(subscribe: (resolve: (value: T) => void) => () => void): Promise<T> {
  return new Promise((resolve) => {
    const off = subscribe((value) => {
      off();
      resolve(value);
    });
  });
}

describe('httpBridge', () => {
  it('calls the back end and gets its Result', async () => {
    expect(await bridge.call('app.info', {})).toEqual({
      ok: true,
      value: { version: '1.2.3', mode: 'browser', workspace: join(dir, 'ws') },
    });
    const invalid = await bridge.call('unknown.method' as Method, {} as never);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('returns a refusal as data when the token is wrong, and never throws when the server is gone', async () => {
    const stranger = createHttpBridge({ origin: server.origin, token: 'not-the-token', fetch });
    expect(await stranger.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    const nowhere = createHttpBridge({ origin: 'http://127.0.0.1:1', token: server.token, fetch });
    expect(await nowhere.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('delivers pushed events to listeners of that event only', async () => {
    const states: string[] = [];
    const watched = createHttpBridge({
      origin: server.origin,
      token: server.token,
      fetch,
      onStreamState: (s) => states.push(s),
    });
    try {
      const others: unknown[] = [];
      watched.on('workspace.changed', (p) => others.push(p));
      const changed = nextEvent<unknown>((resolve) => watched.on('settings.changed', resolve));
      await waitFor(() => states.includes('open'));
      await watched.call('settings.update', { patch: { theme: 'dark' } });
      expect(await changed).toMatchObject({ settings: { theme: 'dark' } });
      expect(others).toEqual([]);
    } finally {
      watched.close();
    }
  });

  it('reconnects the event stream after the server comes back', async () => {
    const states: string[] = [];
    const watched = createHttpBridge({
      origin: server.origin,
      token: server.token,
      fetch,
      onStreamState: (s) => states.push(s),
    });
    try {
      const seen: unknown[] = [];
      watched.on('saved.changed', (p) => seen.push(p));
      await waitFor(() => states.includes('open'));
      const port = server.port;
      await server.close();
      await waitFor(() => states.includes('reconnecting'));
      server = await startServer({ core, rendererDir: join(dir, 'renderer'), port, token: server.token });
      await waitFor(() => states.lastIndexOf('open') > states.indexOf('reconnecting'));
      core.events.emit('saved.changed', {});
      await waitFor(() => seen.length === 1);
    } finally {
      watched.close();
    }
  });

  it('uploads a dropped folder and a file into one batch and returns what to import', async () => {
    const progress: UploadProgress[] = [];
    const files = [
      { file: new Blob(['{"messages":[]}']), relativePath: 'ChatExport/result.json' },
      { file: new Blob([new Uint8Array([0xff, 0xd8, 0xff])]), relativePath: 'ChatExport/photos/photo 1.jpg' },
      { file: new Blob(['<rss/>']), relativePath: 'feed.rss' },
    ];
    const paths = await bridge.upload(files, (p) => progress.push(p));
    expect(paths).toHaveLength(2);
    const [folder, feed] = paths as [string, string];
    expect(folder.startsWith(join(core.workspace.paths.tmp, 'uploads'))).toBe(true);
    expect(folder.endsWith('ChatExport')).toBe(true);
    expect(readFileSync(join(folder, 'result.json'), 'utf8')).toBe('{"messages":[]}');
    expect(readFileSync(join(folder, 'photos', 'photo 1.jpg'))).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(readFileSync(feed, 'utf8')).toBe('<rss/>');
    expect(join(feed, '..')).toBe(join(folder, '..')); // same batch
    const total = 15 + 3 + 6;
    expect(progress.at(-1)).toMatchObject({ loaded: total, total, index: 2, count: 3 });
    expect(progress.map((p) => p.loaded)).toEqual([...progress.map((p) => p.loaded)].sort((a, b) => a - b));
  });

  it('rejects an upload with a bad name with the server’s reason', async () => {
    await expect(
      bridge.upload([{ file: new Blob(['x']), relativePath: '../escape.txt' }]),
    ).rejects.toMatchObject({
      error: { code: 'INVALID', message: expect.stringContaining('..') },
    });
  });

  it('makes media URLs an <img> can load', async () => {
    mkdirSync(join(core.workspace.paths.media, 'ch'), { recursive: true });
    writeFileSync(join(core.workspace.paths.media, 'ch', 'photo #1.jpg'), Buffer.from([1, 2, 3]));
    const response = await fetch(bridge.mediaUrl('ch/photo #1.jpg'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
