import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from '../errors';
import { claims, collect, inputFile } from '../format-testing';
import { xArchiveImporter } from './importer';

/** Writes an archive folder (data/tweets.js, optionally data/account.js) and returns tweets.js. */
function archive(tweets: string, account?: string): { path: string; displayName: string; size: number } {
  const data = join(mkdtempSync(join(tmpdir(), 'sifter-x-')), 'data');
  mkdirSync(data);
  writeFileSync(join(data, 'tweets.js'), tweets);
  if (account) writeFileSync(join(data, 'account.js'), account);
  return { path: join(data, 'tweets.js'), displayName: 'data/tweets.js', size: tweets.length };
}

describe('X archive importer', () => {
  it('imports the 3 tweets with entities decoded, the thread reply and the retweet', async () => {
    const { sources, items } = await collect(xArchiveImporter, inputFile('x-archive/data/tweets.js'));
    expect(sources).toEqual([
      { key: 'x:archive', kind: 'x', name: 'X archive (account unknown)', username: null, url: null },
    ]);
    expect(items).toHaveLength(3);
    const [first, second, third] = items;

    expect(first).toMatchObject({
      kind: 'tweet',
      externalId: '1739000000000000001',
      url: 'https://x.com/i/web/status/1739000000000000001',
      publishedAt: Date.UTC(2023, 11, 26, 15, 10),
      lang: 'en',
      replyToExternalId: null,
      forwardedFrom: null,
      extra: { favoriteCount: 41, retweetCount: 12 },
    });
    // &quot; decoded, the t.co link replaced by the address it stands for.
    const url = 'https://news.example.com/world/furious-families-russian-troops-putin';
    expect(first!.text).toBe(
      `Relatives of mobilised Russian soldiers tell Putin to "go to the front line" — thread on the Way Home movement 🧵 ${url}`,
    );
    expect(first!.entities).toEqual([
      { type: 'link', offset: first!.text.indexOf(url), length: url.length, href: url },
    ]);

    expect(second).toMatchObject({
      externalId: '1739000000000000002',
      replyToExternalId: '1739000000000000001',
      extra: { favoriteCount: 9, retweetCount: 3 },
    });
    const tags = second!.entities!.map((e) => [e.type, second!.text.slice(e.offset, e.offset + e.length)]);
    expect(tags).toEqual([
      ['hashtag', '#Russia'],
      ['hashtag', '#WayHome'],
    ]);

    expect(third).toMatchObject({
      externalId: '1739000000000000003',
      lang: 'ru',
      forwardedFrom: '@sample_ru',
      publishedAt: Date.UTC(2023, 11, 27, 8),
    });
    expect(third!.text).toBe('RT @sample_ru: Жёны мобилизованных: «Вернуть мужей домой!»');
    expect(third!.entities).toEqual([
      { type: 'mention', offset: 3, length: 10, href: 'https://x.com/sample_ru' },
    ]);
  });

  it('imports the older tweet.js archive (window.YTD.tweet.part0)', async () => {
    const { items } = await collect(xArchiveImporter, inputFile('x-archive-2019/data/tweet.js'));
    expect(items.map((i) => [i.externalId, i.text, i.publishedAt, i.lang])).toEqual([
      [
        '1100000000000000001',
        'Monitoring Telegram channels is now part of our daily briefing.',
        Date.UTC(2019, 2, 1, 10),
        'en',
      ],
      ['1100000000000000002', 'Мониторинг & анализ: новый выпуск.', Date.UTC(2019, 2, 2, 11, 30), 'ru'],
    ]);
  });

  it('names the account from account.js and computes UTF-16 offsets from code-point indices', async () => {
    const file = archive(
      'window.YTD.tweets.part0 = [{"tweet":{"id_str":"5","created_at":"Mon Jan 01 00:00:00 +0000 2024","full_text":"😀 &lt;b&gt; @Bob &#x41; #тег https://t.co/x","lang":"ru",' +
        '"entities":{"user_mentions":[{"screen_name":"bob","indices":["6","10"]}],"hashtags":[{"text":"тег","indices":["13","17"]}],' +
        '"urls":[{"url":"https://t.co/x","expanded_url":"https://example.org/a?b=1","indices":["18","32"]}]}}}];\n',
      'window.YTD.account.part0 = [{"account":{"username":"Analyst_1","accountDisplayName":"Desk Analyst","accountId":"99"}}]',
    );
    const { sources, items } = await collect(xArchiveImporter, file);
    expect(sources[0]).toEqual({
      key: 'x:analyst_1',
      kind: 'x',
      name: 'Desk Analyst (@Analyst_1)',
      username: 'Analyst_1',
      url: 'https://x.com/Analyst_1',
      meta: { accountId: '99' },
    });
    const item = items[0]!;
    expect(item).toMatchObject({
      url: 'https://x.com/Analyst_1/status/5',
      author: '@Analyst_1',
      channel: 'Desk Analyst',
    });
    expect(item.text).toBe('😀 <b> @Bob A #тег https://example.org/a?b=1');
    expect(item.entities!.map((e) => item.text.slice(e.offset, e.offset + e.length))).toEqual([
      '@Bob',
      '#тег',
      'https://example.org/a?b=1',
    ]);
  });

  it('never executes the file: code in place of data is refused as malformed', async () => {
    const marker = join(tmpdir(), `sifter-x-executed-${process.pid}`);
    const file = archive(
      `window.YTD.tweets.part0 = [require("fs").writeFileSync(${JSON.stringify(marker)}, "x")]`,
    );
    const run = collect(xArchiveImporter, file);
    await expect(run).rejects.toBeInstanceOf(ImportError);
    await expect(run).rejects.toThrow(/^data\/tweets\.js: malformed archive data/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses truncated archive data', async () => {
    const file = archive(
      'window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"a"}}, {"tweet":{"id_',
    );
    await expect(collect(xArchiveImporter, file)).rejects.toThrow(
      /^data\/tweets\.js: malformed archive data/,
    );
  });

  it('claims tweet data files only', async () => {
    expect(await claims(xArchiveImporter, 'x-archive/data/tweets.js')).toBe(true);
    expect(await claims(xArchiveImporter, 'x-archive-2019/data/tweet.js')).toBe(true);
    expect(await claims(xArchiveImporter, 'hostile/not-an-archive.json')).toBe(false);
    const detect = (text: string): boolean =>
      xArchiveImporter.detect({ head: Buffer.from(text), name: 'x.js' });
    expect(detect('window.YTD.account.part0 = [{"account":{}}]')).toBe(false);
    expect(detect('window.YTD.tweets.part1 = [')).toBe(true);
    expect(detect('window.YTD.tweets.part0 = alert(1)')).toBe(false);
  });
});
