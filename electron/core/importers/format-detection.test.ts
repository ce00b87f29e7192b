// Detection is by content: every fixture of the non-Telegram formats is claimed by its importer
// through the registry, and none of these importers claims a file of another format.
import { FIXTURES, inputFile } from './format-testing';
import { detectFormat } from './registry';
import { articleImporter } from './article/importer';
import { atomImporter } from './feeds/atom';
import { opmlImporter } from './feeds/opml';
import { rssImporter } from './feeds/rss';
import { csvImporter } from './csv/importer';
import { ndjsonImporter } from './ndjson/importer';
import { warcImporter } from './warc/importer';
import { xArchiveImporter } from './x-archive/importer';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FORMATS: [string, string][] = [
  ['articles/furious-families-front-line.html', 'article'],
  ['articles/cp1251-wives-kremlin.html', 'article'],
  ['articles/koi8r-relatives-duma.html', 'article'],
  ['hostile/xss-article.html', 'article'],
  ['feeds/world.rss', 'rss'],
  ['feeds/es-noticias.rss', 'rss'],
  ['hostile/billion-laughs.rss', 'rss'],
  ['hostile/xxe.rss', 'rss'],
  ['feeds/ru-news.atom', 'atom'],
  ['feeds/subscriptions.opml', 'opml'],
  ['x-archive/data/tweets.js', 'x-archive'],
  ['x-archive-2019/data/tweet.js', 'x-archive'],
  ['warc/sample.warc', 'warc'],
  ['warc/sample.warc.gz', 'warc'],
  ['csv/media-monitoring-export.csv', 'csv'],
  ['ndjson/telegram-collector.ndjson', 'ndjson'],
  ['hostile/invalid-utf8.ndjson', 'ndjson'],
];

const MINE = [
  articleImporter,
  rssImporter,
  atomImporter,
  opmlImporter,
  xArchiveImporter,
  warcImporter,
  csvImporter,
  ndjsonImporter,
];

/** Files of other formats (Telegram, zips) and files that are no archive at all. */
const NOT_MINE = [
  'telegram/channel-export/result.json',
  'telegram/full-account-export/result.json',
  'telegram/old-export-2019/result.json',
  'telegram/html-export/messages.html',
  'telegram/html-export/messages2.html',
  'telegram/channel-export.zip',
  'telegram/channel-export/photos/photo_1@06-12-2023_08-45-00.jpg',
  'hostile/not-an-archive.json',
  'hostile/truncated-result.json',
  'hostile/xss-channel/result.json',
  'hostile/zip-bomb.zip',
  'hostile/zip-slip.zip',
  'hostile/zip-symlink.zip',
  'README.md',
];

describe('format detection', () => {
  it.each(FORMATS)('%s is %s', async (path, format) => {
    expect((await detectFormat(inputFile(path)))?.format).toBe(format);
  });

  it.each(FORMATS)('%s is still %s under a misleading name', async (path, format) => {
    const renamed = join(mkdtempSync(join(tmpdir(), 'sifter-detect-')), 'export.txt');
    copyFileSync(join(FIXTURES, path), renamed);
    expect((await detectFormat({ path: renamed, displayName: 'export.txt' }))?.format).toBe(format);
  });

  it.each(NOT_MINE)(
    '%s is claimed by none of the article, feed, X, WARC, CSV and NDJSON importers',
    async (path) => {
      expect(await detectFormat(inputFile(path), MINE)).toBeNull();
    },
  );

  it('leaves JSON that is no archive to no importer at all', async () => {
    expect(await detectFormat(inputFile('hostile/not-an-archive.json'))).toBeNull();
  });
});
