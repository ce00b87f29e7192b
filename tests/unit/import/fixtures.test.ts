// Every fixture of tests/fixtures (hostile ones aside: see pipeline.test.ts) through the whole
// pipeline, each into its own fresh workspace: detected by content, with the expected counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Core } from '../../../electron/core/core';
import { importPaths } from '../../../electron/core/importers/pipeline';
import type { ImportFileReport } from '../../../shared/domain';
import { fixture, tempDir } from './helpers';

interface Expected {
  path: string;
  format: string;
  added: number;
  skipped?: number;
  /** Sources the import recorded (OPML subscriptions are sources without items). */
  sources?: number;
}

const TABLE: Expected[] = [
  { path: 'telegram/channel-export', format: 'telegram-json', added: 23, skipped: 2, sources: 1 },
  { path: 'telegram/channel-export.zip', format: 'telegram-json', added: 23, skipped: 2, sources: 1 },
  { path: 'telegram/full-account-export/result.json', format: 'telegram-json', added: 5, sources: 2 },
  { path: 'telegram/old-export-2019/result.json', format: 'telegram-json', added: 3, sources: 1 },
  { path: 'telegram/html-export', format: 'telegram-html', added: 6, skipped: 0, sources: 1 },
  { path: 'articles/furious-families-front-line.html', format: 'article', added: 1 },
  { path: 'articles/cp1251-wives-kremlin.html', format: 'article', added: 1 },
  { path: 'articles/koi8r-relatives-duma.html', format: 'article', added: 1 },
  { path: 'feeds/world.rss', format: 'rss', added: 3 },
  { path: 'feeds/ru-news.atom', format: 'atom', added: 2 },
  { path: 'feeds/es-noticias.rss', format: 'rss', added: 2 },
  { path: 'feeds/subscriptions.opml', format: 'opml', added: 0, sources: 2 },
  { path: 'x-archive', format: 'x-archive', added: 3 },
  { path: 'x-archive-2019', format: 'x-archive', added: 2 },
  { path: 'warc/sample.warc', format: 'warc', added: 2 },
  { path: 'warc/sample.warc.gz', format: 'warc', added: 2 },
  { path: 'csv/media-monitoring-export.csv', format: 'csv', added: 3 },
  { path: 'ndjson/telegram-collector.ndjson', format: 'ndjson', added: 2 },
  { path: 'hostile/xss-channel', format: 'telegram-json', added: 1 },
  { path: 'hostile/xss-article.html', format: 'article', added: 1 },
];

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

async function importInto(
  dir: string,
  paths: string[],
): Promise<{ reports: ImportFileReport[]; core: Core }> {
  const core = new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
  const report = await core.jobs.run('import', 'fixture', (job) => importPaths(core, paths, {}, job));
  return { reports: report.imports, core };
}

describe('every fixture imports', () => {
  it.each(TABLE.map((t, i) => [t.path, t, i] as const))('%s', async (_name, expected, index) => {
    const { reports, core } = await importInto(join(tmp.dir, `ws${index}`), [fixture(expected.path)]);
    try {
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({
        format: expected.format,
        added: expected.added,
        duplicates: 0,
        error: null,
      });
      if (expected.skipped !== undefined) expect(reports[0]!.skipped).toBe(expected.skipped);
      const counts = core.workspace.info().counts;
      expect(counts.items).toBe(expected.added);
      if (expected.sources !== undefined) expect(counts.sources).toBe(expected.sources);
      // Importing the same thing again adds nothing.
      const again = await core.jobs.run('import', 'again', (job) =>
        importPaths(core, [fixture(expected.path)], {}, job),
      );
      expect(again.imports[0]).toMatchObject({ added: 0, duplicates: expected.added });
    } finally {
      await core.close();
    }
  });

  it('all of them together, as one dropped folder set', async () => {
    const { reports, core } = await importInto(
      join(tmp.dir, 'all'),
      TABLE.filter((t) => t.path !== 'telegram/channel-export.zip').map((t) => fixture(t.path)),
    );
    try {
      expect(reports.filter((r) => r.error)).toEqual([]);
      // The plain and the gzipped WARC capture the same pages: the second adds nothing.
      expect(reports.find((r) => r.file === 'sample.warc.gz')).toMatchObject({ added: 0, duplicates: 2 });
      const total = TABLE.filter(
        (t) => t.path !== 'telegram/channel-export.zip' && t.path !== 'warc/sample.warc.gz',
      ).reduce((n, t) => n + t.added, 0);
      expect(core.workspace.info().counts.items).toBe(total);
      // Records sharing a URL across sources are grouped, never merged: the saved article, its WARC
      // capture, its feed entry and the CSV row about it.
      const story = core.workspace.db
        .prepare(
          "SELECT items.kind, s.kind AS sk, copy_group AS g FROM items JOIN sources s ON s.id = items.source_id WHERE items.url = 'https://news.example.com/world/furious-families-russian-troops-putin' ORDER BY items.kind",
        )
        .all() as { kind: string; sk: string; g: number | null }[];
      expect(story.map((s) => s.sk).sort()).toEqual(['csv', 'feed', 'site', 'warc']);
      expect(new Set(story.map((s) => s.g)).size).toBe(1);
      expect(story[0]!.g).not.toBeNull();
    } finally {
      await core.close();
    }
  });
});
