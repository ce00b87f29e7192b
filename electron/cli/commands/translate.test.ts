// End to end with a real engine: Debian's apertium-apy (apertium-eng-spa) on 127.0.0.1, the Spanish
// feed fixture's items in a real workspace, `sifter translate` run through the CLI entry.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { XMLParser } from 'fast-xml-parser';
import { runCli } from '../main';
import { Core } from '../../core/core';
import { dispatch } from '../../core/api';
import type { ItemTranslation, TranslateJobResult } from '../../../shared/api/translate';
import { startApertium, type ApertiumServer } from '../../../tests/helpers/apertium';
import { startContractServer } from '../../core/translate/contract-server';

const FEED = join(import.meta.dirname, '../../../tests/fixtures/feeds/es-noticias.rss');

let apy: ApertiumServer;
beforeAll(async () => {
  apy = await startApertium();
});
afterAll(async () => {
  await apy?.stop();
});

/** The feed's entries (guid, title, description) as the fixture has them. */
function feedEntries(): { guid: string; title: string; text: string }[] {
  const xml = new XMLParser({ processEntities: false }).parse(readFileSync(FEED, 'utf8')) as {
    rss: { channel: { item: { title: string; description: string; guid: string }[] } };
  };
  return xml.rss.channel.item.map((i) => ({ guid: i.guid, title: i.title, text: i.description }));
}

/** A new workspace with the Spanish feed imported by `sifter import`; item ids in feed order. */
async function workspaceWithFeed(): Promise<{ dir: string; ids: number[] }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'sifter-cli-translate-')), 'ws');
  const imported = await sifter(['import', '--workspace', dir, FEED, '--json']);
  expect(imported.code).toBe(0);
  const core = new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
  try {
    const ids = feedEntries().map((entry) => {
      const row = core.workspace.db
        .prepare('SELECT id, lang, text, title FROM items WHERE external_id = ?')
        .get(entry.guid) as
        { id: number; lang: string | null; text: string; title: string | null } | undefined;
      // The importer keeps the feed's language and the entry's description as the text.
      expect(row).toMatchObject({ lang: 'es', title: entry.title });
      expect(row?.text).toContain(entry.text);
      return row?.id ?? 0;
    });
    return { dir, ids };
  } finally {
    await core.close();
  }
}

async function sifter(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    {},
  );
  return { code, stdout, stderr };
}

function itemText(dir: string, id: number): string {
  const db = new DatabaseSync(join(dir, 'sifter.db'), { readOnly: true });
  try {
    return (db.prepare('SELECT text FROM items WHERE id = ?').get(id) as { text: string }).text;
  } finally {
    db.close();
  }
}

async function stored(dir: string, itemId: number, to: string): Promise<ItemTranslation> {
  const core = new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
  try {
    const res = await dispatch(core, 'translate.get', { itemId, to });
    if (!res.ok) throw new Error(res.error.message);
    return res.value as ItemTranslation;
  } finally {
    await core.close();
  }
}

describe('sifter translate (Apertium, real engine)', () => {
  it('listens on the loopback address only', () => {
    expect(apy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The kernel's socket tables: every listening socket on APY's port is bound to 127.0.0.1.
    const port = apy.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = ['/proc/net/tcp', '/proc/net/tcp6']
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${port}`) && cols[3] === '0A')
      .map((cols) => cols[1]?.split(':')[0]);
    expect(listening).toEqual(['0100007F']);
  });

  it('translates a Spanish feed item to English with its sentences aligned', async () => {
    const { dir, ids } = await workspaceWithFeed();
    const first = ids[0] ?? 0;
    const run = await sifter([
      'translate',
      '--workspace',
      dir,
      '--ids',
      String(first),
      '--to',
      'en',
      '--engine',
      'apertium',
      '--engine-url',
      apy.url,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as TranslateJobResult;
    expect(result).toMatchObject({
      to: 'en',
      items: 1,
      translated: 1,
      failed: [],
      fromMemory: 0,
      fromEngine: 3,
    });

    const t = await stored(dir, first, 'en');
    expect(t).toMatchObject({ stored: true, engine: 'apertium', from: 'es', to: 'en' });
    const text = itemText(dir, first);
    expect(t.segments.map((s) => s.source)).toEqual([
      'Las familias de los soldados rusos movilizados piden al presidente que los traiga a casa.',
      'El grupo publica sus mensajes en un canal de Telegram.',
    ]);
    for (const s of t.segments) {
      expect(text.slice(s.start, s.end)).toBe(s.source);
      expect(t.text.slice(s.targetStart, s.targetEnd)).toBe(s.target);
      expect(s.engine).toBe('apertium');
    }
    // Apertium's English for each sentence, sentence against sentence.
    expect(t.segments[0]?.target).toMatch(/^The families of the Russian soldiers .*president/);
    expect(t.segments[1]?.target).toMatch(/group .*messages .*Telegram/i);
    expect(t.segments[0]?.target).not.toContain('*'); // unknown words are not starred
    expect(t.title?.target).toMatch(/wives .*soldiers/i);
  });

  it('costs no engine call the second time, keeps an edited sentence, and translates by tag', async () => {
    const { dir, ids } = await workspaceWithFeed();
    const args = [
      'translate',
      '--workspace',
      dir,
      '--to',
      'en',
      '--engine',
      'apertium',
      '--engine-url',
      apy.url,
      '--json',
    ];
    expect((await sifter([...args, '--ids', ids.join(',')])).code).toBe(0);

    const core = new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
    await dispatch(core, 'translate.editSegment', {
      itemId: ids[1],
      to: 'en',
      index: 1,
      text: 'The women say they will not keep quiet.',
    });
    const db = core.workspace.db;
    const now = Date.now();
    const tag = Number(
      db.prepare("INSERT INTO tags(name, created_at) VALUES ('Mobilisation', ?)").run(now).lastInsertRowid,
    );
    for (const id of ids)
      db.prepare('INSERT INTO item_tags(item_id, tag_id, created_at) VALUES (?, ?, ?)').run(id, tag, now);
    await core.close();

    const again = await sifter([...args, '--tag', 'Mobilisation']);
    expect(again.code).toBe(0);
    const result = JSON.parse(again.stdout) as TranslateJobResult;
    expect(result).toMatchObject({ items: 2, translated: 2, fromEngine: 0, engineRequests: 0 });
    const second = await stored(dir, ids[1] ?? 0, 'en');
    expect(second.segments[1]).toMatchObject({
      target: 'The women say they will not keep quiet.',
      edited: true,
    });
    expect(second.segments[0]?.target).toMatch(/British/);
  });

  it('translates the results of a search query, and the translation is searchable in English', async () => {
    const { dir, ids } = await workspaceWithFeed();
    const run = await sifter([
      'translate',
      '--workspace',
      dir,
      '--query',
      'Kremlin',
      '--to',
      'en',
      '--engine',
      'apertium',
      '--engine-url',
      apy.url,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ items: 1, translated: 1 });
    expect((await stored(dir, ids[1] ?? 0, 'en')).stored).toBe(true);
    expect((await stored(dir, ids[0] ?? 0, 'en')).stored).toBe(false);

    // "intelligence" is only in the English translation of item 2.
    const core = new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
    try {
      const found = await dispatch(core, 'search.query', { query: 'intelligence' });
      expect(found).toMatchObject({
        ok: true,
        value: { total: 1, hits: [{ id: ids[1], matchedIn: 'translation' }] },
      });
    } finally {
      await core.close();
    }
  });

  it("lists Apertium's pairs in ISO 639-1 for Settings", async () => {
    const { dir } = await workspaceWithFeed();
    const core = new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
    try {
      await dispatch(core, 'settings.update', {
        patch: { translation: { engine: 'apertium', apertiumUrl: apy.url } },
      });
      const res = await dispatch(core, 'translate.engines', {});
      expect(res).toMatchObject({ ok: true, value: { current: 'apertium', pairsError: null } });
      const value = (
        res as { value: { pairs: unknown[]; engines: { id: string; ready: boolean; endpoint: string }[] } }
      ).value;
      expect(value.pairs).toEqual(
        expect.arrayContaining([
          { from: 'es', to: 'en' },
          { from: 'en', to: 'es' },
        ]),
      );
      expect(value.engines.find((e) => e.id === 'apertium')).toMatchObject({
        ready: true,
        endpoint: apy.url,
      });
    } finally {
      await core.close();
    }
  });

  it('reports a pair Apertium does not have, per item, with the pairs it has', async () => {
    const { dir, ids } = await workspaceWithFeed();
    const run = await sifter([
      'translate',
      '--workspace',
      dir,
      '--ids',
      ids.join(','),
      '--to',
      'ru',
      '--engine',
      'apertium',
      '--engine-url',
      apy.url,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Translated 0 of 2 items to ru.');
    expect(run.stdout).toMatch(
      /item \d+ failed: Apertium has no es→ru pair installed \(installed: es→en, en→es\)\./,
    );
    expect(run.stdout).toContain(`Run again with --ids ${ids.join(',')} to retry the failed items.`);
  });

  it('explains usage mistakes and an engine that is not there', async () => {
    const { dir } = await workspaceWithFeed();
    const noSelection = await sifter(['translate', '--workspace', dir, '--to', 'en']);
    expect(noSelection.code).toBe(2);
    expect(noSelection.stderr).toContain('give exactly one of --ids, --query or --tag');
    const badLang = await sifter(['translate', '--workspace', dir, '--ids', '1', '--to', 'English']);
    expect(badLang.code).toBe(2);
    expect(badLang.stderr).toContain('ISO 639-1');
    const noEngine = await sifter(['translate', '--workspace', dir, '--ids', '1', '--to', 'en']);
    expect(noEngine.code).toBe(1);
    expect(noEngine.stderr).toContain('No translation engine is configured');
    const gone = await sifter([
      'translate',
      '--workspace',
      dir,
      '--ids',
      '1',
      '--to',
      'en',
      '--engine',
      'apertium',
      '--engine-url',
      'http://127.0.0.1:9',
    ]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/Could not reach Apertium at http:\/\/127\.0\.0\.1:9\/listPairs/);
  });
});

describe('sifter translate with a keyed engine', () => {
  const KEY = 'cli-deepl-key-8c1d0e:fx';

  it('reads the key from the environment and never prints it, even when the service echoes it', async () => {
    const { dir, ids } = await workspaceWithFeed();
    const deepl = await startContractServer({
      'POST /v2/translate': (req) =>
        req.headers.authorization === `DeepL-Auth-Key ${KEY}`
          ? { status: 456, json: { message: `Quota exceeded for ${KEY}` } }
          : { status: 403, json: { message: `Wrong key ${String(req.headers.authorization)}` } },
    });
    const before = process.env.SIFTER_DEEPL_KEY;
    process.env.SIFTER_DEEPL_KEY = KEY;
    try {
      const args = [
        'translate',
        '--workspace',
        dir,
        '--ids',
        ids.join(','),
        '--to',
        'en',
        '--engine',
        'deepl',
        '--engine-url',
        deepl.url,
      ];
      const quota = await sifter(args);
      expect(quota.code).toBe(1);
      expect(quota.stderr).toMatch(
        /^sifter translate: DeepL: the character quota of this API key is used up \(HTTP 456\)/,
      );
      process.env.SIFTER_DEEPL_KEY = 'another-wrong-key:fx';
      const bad = await sifter(args);
      expect(bad.stderr).toContain(
        'sifter translate: DeepL refused the API key (HTTP 403). Check SIFTER_DEEPL_KEY.',
      );
      for (const out of [quota.stdout, quota.stderr, bad.stdout, bad.stderr]) {
        expect(out).not.toContain(KEY);
        expect(out).not.toContain('another-wrong-key');
      }
      expect(deepl.requests[0]?.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    } finally {
      if (before === undefined) delete process.env.SIFTER_DEEPL_KEY;
      else process.env.SIFTER_DEEPL_KEY = before;
      await deepl.close();
    }
  });
});
