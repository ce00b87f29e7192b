// Translation memory, analyst edits, manual translation and background jobs, through the real
// store (a SQLite workspace in a temp folder) and the dispatcher, against a local engine server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobInfo } from '../../../shared/domain';
import type { ItemTranslation, TranslateJobResult } from '../../../shared/api/translate';
import { Core } from '../core';
import { dispatch } from '../api';
import { startContractServer, type ContractServer, type RecordedRequest } from './contract-server';
import { envSecretStore, useSecretStore } from './secrets';
import { insertItems } from './test-items';
import { translateItem } from './service';
import { startTranslateJob } from './job';

const KEY = 'libre-Key-4f1e2d3c-SECRET';
const DEEPL_KEY = 'deepl-0a1b2c3d-SECRET:fx';

const POST =
  'Срочно: в г. Белгороде объявлена ракетная опасность. Жителей просят укрыться.\nПодробности позже.';

let server: ContractServer | null = null;
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await server?.close();
  server = null;
});

function openCore(): Core {
  const dir = mkdtempSync(join(tmpdir(), 'sifter-translate-'));
  const core = new Core({ mode: 'cli', workspaceDir: join(dir, 'ws'), version: 'test', recentFile: null });
  useSecretStore(
    core,
    envSecretStore({ SIFTER_LIBRETRANSLATE_KEY: KEY, SIFTER_DEEPL_KEY: DEEPL_KEY }, join(dir, 'config')),
  );
  cores.push(core);
  return core;
}

/** LibreTranslate that translates "X" as "EN<X>", answering `poison` texts with a 400. */
function libre(options: { poison?: string } = {}) {
  return (req: RecordedRequest) => {
    const q = (req.body as { q: string[] }).q;
    if (options.poison && q.some((t) => t.includes(options.poison ?? '')))
      return { status: 400, json: { error: 'Invalid request: unprocessable text' } };
    return { json: { translatedText: q.map((t) => `EN<${t}>`) } };
  };
}

async function call<T>(core: Core, method: string, req: unknown): Promise<T> {
  const res = await dispatch(core, method, req);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

async function useLibre(core: Core, poison?: string): Promise<ContractServer> {
  server = await startContractServer({ 'POST /translate': libre({ poison }) });
  await call(core, 'settings.update', {
    patch: { translation: { engine: 'libretranslate', libretranslateUrl: server.url } },
  });
  return server;
}

/** Waits for a job to end, from the job.progress events. */
function jobEnd(core: Core, jobId: string): Promise<JobInfo> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((event, payload) => {
      const job = payload as JobInfo;
      if (event === 'job.progress' && job.id === jobId && job.state !== 'running') {
        stop();
        resolve(job);
      }
    });
  });
}

describe('translating an item', () => {
  it('stores a translation aligned sentence by sentence, with offsets into both texts', async () => {
    const core = openCore();
    await useLibre(core);
    const [id] = insertItems(core, [{ text: POST, title: 'Белгород', lang: 'ru' }]);
    const updates: unknown[] = [];
    core.events.subscribe((event, payload) => void (event === 'translate.updated' && updates.push(payload)));
    const t = await call<ItemTranslation>(core, 'translate.item', { itemId: id, to: 'en' });
    expect(updates).toEqual([{ itemId: id, to: 'en' }]);
    expect(t.stored).toBe(true);
    expect(t.engine).toBe('libretranslate');
    expect(t.segments.map((s) => [s.paragraph, s.source, s.target])).toEqual([
      [
        0,
        'Срочно: в г. Белгороде объявлена ракетная опасность.',
        'EN<Срочно: в г. Белгороде объявлена ракетная опасность.>',
      ],
      [0, 'Жителей просят укрыться.', 'EN<Жителей просят укрыться.>'],
      [1, 'Подробности позже.', 'EN<Подробности позже.>'],
    ]);
    for (const s of t.segments) {
      expect(POST.slice(s.start, s.end)).toBe(s.source);
      expect(t.text.slice(s.targetStart, s.targetEnd)).toBe(s.target);
    }
    expect(t.text.split('\n')).toHaveLength(2);
    expect(t.title).toEqual({
      source: 'Белгород',
      target: 'EN<Белгород>',
      engine: 'libretranslate',
      edited: false,
    });
    // Reopening reads the same thing back.
    expect(await call<ItemTranslation>(core, 'translate.get', { itemId: id, to: 'en' })).toMatchObject({
      stored: true,
      text: t.text,
      segments: t.segments,
    });
  });

  it('asks the engine nothing the second time, nor for a repost of the same text', async () => {
    const core = openCore();
    const engine = await useLibre(core);
    const [first, repost] = insertItems(core, [
      { text: POST, lang: 'ru' },
      { text: `${POST.replace('ракетная', 'ракетная')}  `, lang: 'ru', externalId: 'repost' },
    ]);
    const one = await call<ItemTranslation>(core, 'translate.item', { itemId: first, to: 'en' });
    expect(one.stats).toEqual({ fromMemory: 0, fromEngine: 3, billedChars: expect.any(Number) });
    const requests = engine.requests.length;
    const again = await call<ItemTranslation>(core, 'translate.item', { itemId: first, to: 'en' });
    expect(again.stats).toEqual({ fromMemory: 3, fromEngine: 0, billedChars: 0 });
    const copy = await call<ItemTranslation>(core, 'translate.item', { itemId: repost, to: 'en' });
    expect(copy.stats?.fromEngine).toBe(0);
    expect(copy.text).toBe(one.text);
    expect(engine.requests.length).toBe(requests);
    const usage = await call<{ byEngine: { engine: string; sentences: number; billedChars: number }[] }>(
      core,
      'translate.usage',
      {},
    );
    const billed = one.segments.reduce((n, s) => n + s.source.length, 0); // LibreTranslate: characters sent
    expect(usage.byEngine).toEqual([{ engine: 'libretranslate', sentences: 3, billedChars: billed }]);
  });

  it('keeps an analyst-edited sentence through re-translation, even by another engine', async () => {
    const core = openCore();
    await useLibre(core);
    const [id] = insertItems(core, [{ text: POST, lang: 'ru' }]);
    await call(core, 'translate.item', { itemId: id, to: 'en' });
    const edited = await call<ItemTranslation>(core, 'translate.editSegment', {
      itemId: id,
      to: 'en',
      index: 1,
      text: ' Residents are asked to take shelter. ',
    });
    expect(edited.segments[1]).toMatchObject({
      target: 'Residents are asked to take shelter.',
      edited: true,
      engine: 'manual',
    });
    expect(edited.edited).toBe(true);

    // Re-translate with DeepL (a different memory key, so the engine is asked again).
    await server?.close();
    server = await startContractServer({
      'POST /v2/translate': (req) => ({
        json: { translations: (req.body as { text: string[] }).text.map((t) => ({ text: `DE<${t}>` })) },
      }),
    });
    const again = await translateItem(core, id ?? 0, 'en', { engine: 'deepl', url: server.url });
    expect(again.segments.map((s) => [s.target, s.edited])).toEqual([
      ['DE<Срочно: в г. Белгороде объявлена ракетная опасность.>', false],
      ['Residents are asked to take shelter.', true],
      ['DE<Подробности позже.>', false],
    ]);
    // The edited sentence was not even sent.
    expect((server.requests[0]?.body as { text: string[] }).text).toEqual([
      'Срочно: в г. Белгороде объявлена ракетная опасность.',
      'Подробности позже.',
    ]);
    expect(server.requests[0]?.headers.authorization).toBe(`DeepL-Auth-Key ${DEEPL_KEY}`);
  });

  it('keeps an edit made while the engine was still translating', async () => {
    const core = openCore();
    const [id] = insertItems(core, [{ text: POST, lang: 'ru' }]);
    server = await startContractServer({
      'POST /translate': async (req) => {
        // The analyst types sentence 0 while this request is in flight.
        await call(core, 'translate.editSegment', { itemId: id, to: 'en', index: 0, text: 'Typed by hand.' });
        return libre()(req);
      },
    });
    await call(core, 'settings.update', {
      patch: { translation: { engine: 'libretranslate', libretranslateUrl: server.url } },
    });
    const t = await call<ItemTranslation>(core, 'translate.item', { itemId: id, to: 'en' });
    expect(t.segments.map((s) => [s.target, s.edited])).toEqual([
      ['Typed by hand.', true],
      ['EN<Жителей просят укрыться.>', false],
      ['EN<Подробности позже.>', false],
    ]);
    expect(
      (await call<ItemTranslation>(core, 'translate.get', { itemId: id, to: 'en' })).segments[0]?.target,
    ).toBe('Typed by hand.');
  });

  it('with no engine configured, says how to set one up and lets the analyst type a translation', async () => {
    const core = openCore();
    const [id] = insertItems(core, [{ text: POST, lang: 'ru' }]);
    const skeleton = await call<ItemTranslation>(core, 'translate.get', { itemId: id, to: 'en' });
    expect(skeleton).toMatchObject({ stored: false, engine: null, text: '' });
    expect(skeleton.segments.map((s) => s.target)).toEqual(['', '', '']);

    const refused = await dispatch(core, 'translate.item', { itemId: id, to: 'en' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: expect.stringMatching(
          /^No translation engine is configured\. Choose one in Settings → Translation/,
        ),
      },
    });

    const typed = await call<ItemTranslation>(core, 'translate.editSegment', {
      itemId: id,
      to: 'en',
      index: 2,
      text: 'More later.',
    });
    expect(typed).toMatchObject({ stored: true, engine: 'manual', edited: true, text: 'More later.' });
    expect(typed.segments[2]).toMatchObject({ targetStart: 0, targetEnd: 11 });

    const engines = await call<{
      current: string;
      engines: { id: string; ready: boolean; problem: string | null; keySource: string | null }[];
    }>(core, 'translate.engines', {});
    expect(engines.current).toBe('none');
    expect(engines.engines.find((e) => e.id === 'deepl')).toMatchObject({
      ready: true,
      keySource: 'environment variable SIFTER_DEEPL_KEY',
    });
    expect(engines.engines.find((e) => e.id === 'apertium')).toMatchObject({
      ready: false,
      problem: expect.stringMatching(/needs the URL of an APY server/),
    });
    expect(JSON.stringify(engines)).not.toContain(DEEPL_KEY);
  });

  it('refuses bad requests clearly and changes nothing', async () => {
    const core = openCore();
    await useLibre(core);
    const [id] = insertItems(core, [{ text: 'Already English.', lang: 'en' }]);
    expect(await dispatch(core, 'translate.item', { itemId: 999, to: 'en' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no item 999 in this workspace.' },
    });
    expect(await dispatch(core, 'translate.item', { itemId: id, to: 'en' })).toEqual({
      ok: false,
      error: { code: 'INVALID', message: `Item ${id} was not translated: it is already in en.` },
    });
    expect(await dispatch(core, 'translate.item', { itemId: id, to: 'english' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('ISO 639-1') },
    });
    expect(
      await dispatch(core, 'translate.editSegment', { itemId: id, to: 'de', index: 7, text: 'x' }),
    ).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: `Item ${id} has no sentence 7 (it has 1).` },
    });
    expect(core.workspace.info().counts.translations).toBe(0);
    expect(server?.requests).toHaveLength(0);
  });
});

describe('translation jobs', () => {
  it('translates many items in pooled requests, skipping and reporting per item', async () => {
    const core = openCore();
    const engine = await useLibre(core);
    const ids = insertItems(core, [
      { text: 'Первый пост. Второе предложение.', lang: 'ru' },
      { text: 'Перший допис.', lang: 'uk' },
      { text: 'Первый пост. Второе предложение.', lang: 'ru', externalId: 'dup' },
      { text: 'English already.', lang: 'en' },
      { text: 'Третий пост.', lang: 'ru' },
    ]);
    const { jobId, items } = await call<{ jobId: string; items: number }>(core, 'translate.start', {
      ids: [...ids, 404],
      to: 'en',
    });
    expect(items).toBe(6);
    const ended = await jobEnd(core, jobId);
    expect(ended.state).toBe('done');
    const result = ended.result as TranslateJobResult;
    expect(result).toMatchObject({ items: 6, translated: 4, skipped: 1, fromEngine: 4, fromMemory: 2 });
    expect(result.failed).toEqual([{ itemId: 404, error: 'There is no item 404 in this workspace.' }]);
    // One request per source language (ru, uk), each sentence sent once.
    expect(engine.requests.map((r) => (r.body as { q: string[]; source: string }).source).sort()).toEqual([
      'ru',
      'uk',
    ]);
    expect(engine.requests.flatMap((r) => (r.body as { q: string[] }).q)).toHaveLength(4);
    expect(core.workspace.info().counts.translations).toBe(4);
  });

  it('batches DeepL requests within its 50-text limit across items, and counts billed characters', async () => {
    const core = openCore();
    server = await startContractServer({
      'POST /v2/translate': (req) => ({
        json: {
          translations: (req.body as { text: string[] }).text.map((t) => ({
            detected_source_language: 'RU',
            text: `EN<${t}>`,
            billed_characters: t.length,
          })),
        },
      }),
    });
    // 12 items of 10 distinct sentences each: 120 sentences.
    const ids = insertItems(
      core,
      Array.from({ length: 12 }, (_, i) => ({
        text: Array.from({ length: 10 }, (_, j) => `Пост ${i}, предложение ${j}.`).join(' '),
        lang: 'ru',
      })),
    );
    const { done } = startTranslateJob(core, ids, 'en', { engine: 'deepl', url: server.url });
    const result = await done;
    expect(result).toMatchObject({ translated: 12, fromEngine: 120, failed: [] });
    const sizes = server.requests.map((r) => (r.body as { text: string[] }).text.length);
    expect(sizes.every((n) => n <= 50)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(120);
    expect(sizes.length).toBe(3);
    expect(result.engineRequests).toBe(3);
    const chars = (await call<{ totalBilledChars: number }>(core, 'translate.usage', {})).totalBilledChars;
    expect(chars).toBe(result.billedChars);
    expect(chars).toBe(server.requests.flatMap((r) => (r.body as { text: string[] }).text).join('').length);
  });

  it('reports a failing item, finishes the others, and translates it on retry', async () => {
    const core = openCore();
    await useLibre(core, 'ЯД');
    const ids = insertItems(core, [
      { text: 'Хороший пост.', lang: 'ru' },
      { text: 'Пост с ЯД внутри.', lang: 'ru' },
      { text: 'Ещё пост.', lang: 'ru' },
    ]);
    const { jobId } = await call<{ jobId: string }>(core, 'translate.start', { ids, to: 'en' });
    const result = (await jobEnd(core, jobId)).result as TranslateJobResult;
    expect(result.translated).toBe(2);
    expect(result.failed).toEqual([
      { itemId: ids[1], error: expect.stringContaining('LibreTranslate answered HTTP 400') },
    ]);

    await server?.close();
    await useLibre(core);
    const retry = await call<{ jobId: string }>(core, 'translate.start', {
      ids: result.failed.map((f) => f.itemId),
      to: 'en',
    });
    const again = (await jobEnd(core, retry.jobId)).result as TranslateJobResult;
    expect(again).toMatchObject({ translated: 1, failed: [] });
  });

  it('ends the job on a bad key with a clear message that never carries the key', async () => {
    const core = openCore();
    server = await startContractServer({
      'POST /translate': (req) => ({
        status: 403,
        json: { error: `Invalid API key ${(req.body as { api_key: string }).api_key}` },
      }),
    });
    await call(core, 'settings.update', {
      patch: { translation: { engine: 'libretranslate', libretranslateUrl: server.url } },
    });
    const seen: unknown[] = [];
    core.events.subscribe((event, payload) => seen.push({ event, payload }));
    const logged: unknown[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args) => void logged.push(args)),
    );
    try {
      const ids = insertItems(core, [
        { text: 'Один.', lang: 'ru' },
        { text: 'Два.', lang: 'ru' },
      ]);
      const { jobId } = await call<{ jobId: string }>(core, 'translate.start', { ids, to: 'en' });
      const ended = await jobEnd(core, jobId);
      expect(ended.state).toBe('failed');
      expect(ended.error).toBe(
        'LibreTranslate refused the request (HTTP 403: Invalid API key [redacted]). Check SIFTER_LIBRETRANSLATE_KEY.',
      );
      const direct = await dispatch(core, 'translate.item', { itemId: ids[0], to: 'en' });
      expect(direct).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
      const everything = JSON.stringify({
        seen,
        logged,
        direct,
        jobs: core.jobs.list(),
        settings: core.settings.get(),
      });
      expect(everything).not.toContain(KEY);
      expect(everything).not.toContain(DEEPL_KEY);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('can be cancelled while the engine is working', async () => {
    const core = openCore();
    let arrived: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    server = await startContractServer({
      'POST /translate': () => {
        arrived();
        return { hang: true };
      },
    });
    await call(core, 'settings.update', {
      patch: { translation: { engine: 'libretranslate', libretranslateUrl: server.url } },
    });
    const ids = insertItems(core, [{ text: 'Один.', lang: 'ru' }]);
    const { jobId } = await call<{ jobId: string }>(core, 'translate.start', { ids, to: 'en' });
    const ended = jobEnd(core, jobId);
    await reached;
    expect(await call(core, 'jobs.cancel', { id: jobId })).toEqual({ cancelled: true });
    expect((await ended).state).toBe('cancelled');
    expect(core.workspace.info().counts.translations).toBe(0);
  });

  it('translates the items of a tag (with its sub-tags)', async () => {
    const core = openCore();
    await useLibre(core);
    const ids = insertItems(core, [
      { text: 'Один.', lang: 'ru' },
      { text: 'Два.', lang: 'ru' },
      { text: 'Три.', lang: 'ru' },
    ]);
    const db = core.workspace.db;
    const now = Date.now();
    const parent = Number(
      db.prepare("INSERT INTO tags(name, created_at) VALUES ('Actors', ?)").run(now).lastInsertRowid,
    );
    const child = Number(
      db.prepare("INSERT INTO tags(name, parent_id, created_at) VALUES ('Way Home', ?, ?)").run(parent, now)
        .lastInsertRowid,
    );
    db.prepare('INSERT INTO item_tags(item_id, tag_id, created_at) VALUES (?, ?, ?), (?, ?, ?)').run(
      ids[0] ?? 0,
      parent,
      now,
      ids[2] ?? 0,
      child,
      now,
    );
    const { jobId, items } = await call<{ jobId: string; items: number }>(core, 'translate.start', {
      tag: 'actors',
      to: 'en',
    });
    expect(items).toBe(2);
    expect(((await jobEnd(core, jobId)).result as TranslateJobResult).translated).toBe(2);
    expect(await dispatch(core, 'translate.start', { tag: 'Nope', to: 'en' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no tag "Nope" in this workspace.' },
    });
    expect(await dispatch(core, 'translate.start', { ids: [1], tag: 'Actors', to: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
  });
});
