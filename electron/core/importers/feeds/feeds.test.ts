import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ImportError } from '../errors';
import { collect, inputFile } from '../format-testing';
import { atomImporter } from './atom';
import { opmlImporter } from './opml';
import { rssImporter } from './rss';

function tempFile(
  name: string,
  content: string | Buffer,
): { path: string; displayName: string; size: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'sifter-feed-')), name);
  writeFileSync(path, content);
  return { path, displayName: name, size: Buffer.byteLength(content) };
}

describe('RSS importer', () => {
  it('imports every item of an RSS 2.0 feed, preferring content:encoded', async () => {
    const { sources, items } = await collect(rssImporter, inputFile('feeds/world.rss'));
    expect(sources).toEqual([
      {
        key: 'feed:Example Daily — World',
        kind: 'feed',
        name: 'Example Daily — World',
        url: 'https://news.example.com/world',
        meta: { siteUrl: 'https://news.example.com/world', description: 'World news', lang: 'en-gb' },
      },
    ]);
    expect(items.map((i) => [i.externalId, i.title, i.publishedAt])).toEqual([
      [
        'ed-1837462',
        "Furious families of Russian troops tell Vladimir Putin: 'Go to the front line and die'",
        Date.UTC(2023, 11, 26, 14, 5),
      ],
      [
        'https://news.example.com/politics/italy-albania-migrant-deal',
        "Britain 'snubbed' as Italy secures Rwanda-style migrant deal with Albania",
        Date.UTC(2023, 11, 26, 11, 0),
      ],
      [
        'https://news.example.com/world/kremlin-payoffs-soldiers-wives',
        "Kremlin 'offered payoffs' to silence soldiers' wives, says Ministry of Defence",
        Date.UTC(2023, 11, 9, 9, 30),
      ],
    ]);
    const first = items[0]!;
    expect(first).toMatchObject({
      kind: 'feed-entry',
      sourceKey: 'feed:Example Daily — World',
      url: 'https://news.example.com/world/furious-families-russian-troops-putin',
      author: 'Staff Reporter',
      channel: 'Example Daily — World',
      lang: 'en',
      text: 'Relatives of Russian troops released a heartfelt message pleading with Vladimir Putin to bring their loved ones home and challenging him to personally take part in the war he started.\n\nThe group has gained attention through the Telegram channel Way Home.',
      extra: {
        categories: ['Russia', 'Ukraine war'],
        summary:
          'Relatives of Russian troops released a heartfelt message pleading with Vladimir Putin to bring their loved ones home.',
      },
    });
    expect(first.html).toBe(
      '<p>Relatives of Russian troops released a heartfelt message pleading with Vladimir Putin to bring their loved ones home and challenging him to personally take part in the war he started.</p><p>The group has gained attention through the Telegram channel Way Home.</p>',
    );
    expect(items[1]).toMatchObject({
      text: 'Italy has agreed a deal with Albania to process migrants offshore.',
      html: null,
      author: null,
    });
  });

  it('imports the Spanish feed with its language', async () => {
    const { sources, items } = await collect(rssImporter, inputFile('feeds/es-noticias.rss'));
    expect(sources[0]?.key).toBe('feed:Ejemplo Noticias — Internacional');
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.externalId)).toEqual(['es-0001', 'es-0002']);
    expect(items[1]).toMatchObject({
      lang: 'es',
      title: 'El Ministerio de Defensa británico habla de pagos para silenciar a las familias',
      publishedAt: Date.UTC(2023, 11, 28, 9, 15),
      text: 'Según la inteligencia británica, el Kremlin intentó silenciar a las familias con dinero. Las mujeres dicen que no se callarán.',
    });
  });

  it('refuses an entity-expansion bomb without expanding it', async () => {
    const run = collect(rssImporter, inputFile('hostile/billion-laughs.rss'));
    await expect(run).rejects.toBeInstanceOf(ImportError);
    await expect(run).rejects.toThrow(
      /^hostile\/billion-laughs\.rss: the XML declares its own entities in a DOCTYPE/,
    );
  });

  it('refuses an external entity (XXE) without reading it', async () => {
    await expect(collect(rssImporter, inputFile('hostile/xxe.rss'))).rejects.toThrow(
      /^hostile\/xxe\.rss: the XML declares an external entity/,
    );
  });

  it('refuses malformed XML with the line of the problem', async () => {
    const file = tempFile(
      'broken.rss',
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>\n<item><title>a</item></channel></rss>',
    );
    await expect(collect(rssImporter, file)).rejects.toThrow(/^broken\.rss: not well-formed XML: .*\(line 3/);
  });

  it('decodes a windows-1251 feed by its XML declaration and keys it by its self link', async () => {
    const xml =
      '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>' +
      '<title>Лента</title><link>https://ru.example.org/</link><atom:link href="https://ru.example.org/rss.xml" rel="self"/>' +
      '<item><title>Новость</title><description>&lt;p&gt;Текст &amp;amp; ещё&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>' +
      '<link>/news/1</link><pubDate>Sat, 06 Jan 2024 15:00:00 +0300</pubDate></item></channel></rss>';
    const { sources, items } = await collect(
      rssImporter,
      tempFile('feed.xml', iconv.encode(xml, 'windows-1251')),
    );
    expect(sources[0]).toMatchObject({
      key: 'feed:https://ru.example.org/rss.xml',
      name: 'Лента',
      url: 'https://ru.example.org/rss.xml',
    });
    expect(items[0]).toMatchObject({
      title: 'Новость',
      url: 'https://ru.example.org/news/1',
      externalId: 'https://ru.example.org/news/1',
      text: 'Текст & ещё',
      html: '<p>Текст &amp; ещё</p>',
      publishedAt: Date.UTC(2024, 0, 6, 12, 0),
    });
  });
});

describe('feed character data', () => {
  it('decodes character references, keeps CDATA literal and tolerates a bare ampersand', async () => {
    const file = tempFile(
      'sloppy.rss',
      '<rss version="2.0"><channel><title>Q&A &#8212; news</title><item><guid>1</guid><title>Tom & Jerry &#x416;&amp;&lt;</title>' +
        '<description><![CDATA[<p>Use &lt;b&gt; tags &amp; more</p>]]></description></item></channel></rss>',
    );
    const { sources, items } = await collect(rssImporter, file);
    expect(sources[0]?.name).toBe('Q&A — news');
    expect(items[0]).toMatchObject({
      title: 'Tom & Jerry Ж&<',
      text: 'Use <b> tags & more',
      html: '<p>Use &lt;b&gt; tags &amp; more</p>',
    });
  });
});

describe('Atom importer', () => {
  it('imports both entries with summary and HTML content', async () => {
    const { sources, items } = await collect(atomImporter, inputFile('feeds/ru-news.atom'));
    expect(sources).toEqual([
      {
        key: 'feed:Пример: лента новостей',
        kind: 'feed',
        name: 'Пример: лента новостей',
        url: 'https://ru.example.org/',
        meta: { siteUrl: 'https://ru.example.org/', lang: 'ru' },
      },
    ]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      kind: 'feed-entry',
      externalId: 'urn:uuid:8f0c1f5e-9d7e-4d4e-a0d7-000000000002',
      url: 'https://ru.example.org/2024/01/06/wives-kremlin',
      title: 'Жёны мобилизованных вышли к Кремлю',
      author: 'Редакция',
      publishedAt: Date.UTC(2024, 0, 6, 12, 0),
      lang: 'ru',
      text: 'Около двадцати женщин возложили цветы к Вечному огню и потребовали демобилизации мужей.',
      html: null,
    });
    expect(items[1]).toMatchObject({
      externalId: 'urn:uuid:8f0c1f5e-9d7e-4d4e-a0d7-000000000003',
      title: 'Минобороны ответило на обращение родственников',
      publishedAt: Date.UTC(2024, 0, 9, 7, 0),
      text: 'Ответ министерства родственники назвали отпиской.',
      html: '<p>Ответ министерства родственники назвали <b>отпиской</b>.</p>',
    });
  });

  it('keeps XHTML content as sanitized markup', async () => {
    const file = tempFile(
      'x.atom',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link rel="self" href="https://a.example/feed"/>' +
        '<entry><id>e1</id><title type="html">A &lt;b&gt;bold&lt;/b&gt; title</title><published>2024-01-01T10:00:00Z</published>' +
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One <a href="https://b.example/" onclick="x()">link</a></p><p>Two</p></div></content></entry></feed>',
    );
    const { sources, items } = await collect(atomImporter, file);
    expect(sources[0]?.key).toBe('feed:https://a.example/feed');
    expect(items[0]).toMatchObject({
      externalId: 'e1',
      title: 'A bold title',
      text: 'One link\n\nTwo',
      publishedAt: Date.UTC(2024, 0, 1, 10),
    });
    expect(items[0]?.html).toContain(
      '<a href="https://b.example/" rel="noopener noreferrer nofollow">link</a>',
    );
    expect(items[0]?.html).not.toContain('onclick');
  });
});

describe('OPML importer', () => {
  it('records the two nested subscriptions as feed sources and no items', async () => {
    const { sources, items } = await collect(opmlImporter, inputFile('feeds/subscriptions.opml'));
    expect(items).toEqual([]);
    expect(sources).toEqual([
      {
        key: 'feed:https://news.example.com/world/rss',
        kind: 'feed',
        name: 'Example Daily — World',
        url: 'https://news.example.com/world/rss',
        meta: {
          subscribed: true,
          siteUrl: 'https://news.example.com/world',
          folder: 'English',
          list: 'Monitoring feeds',
          type: 'rss',
        },
      },
      {
        key: 'feed:https://ru.example.org/feed.atom',
        kind: 'feed',
        name: 'Пример: лента новостей',
        url: 'https://ru.example.org/feed.atom',
        meta: { subscribed: true, folder: 'Russian', list: 'Monitoring feeds', type: 'rss' },
      },
    ]);
  });

  it('refuses an OPML file without subscriptions', async () => {
    const file = tempFile(
      'empty.opml',
      '<opml version="2.0"><head/><body><outline text="Folder"/></body></opml>',
    );
    await expect(collect(opmlImporter, file)).rejects.toThrow(
      /^empty\.opml: the OPML file lists no feed subscriptions/,
    );
  });
});

describe('feed detection', () => {
  const head = (text: string): Buffer => Buffer.from(text);
  it('judges by the document element, whatever the name', () => {
    expect(
      rssImporter.detect({
        head: head('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">'),
        name: 'feed.txt',
      }),
    ).toBe(true);
    expect(rssImporter.detect({ head: head('<rdf:RDF xmlns:rdf="x">'), name: 'x' })).toBe(true);
    expect(
      atomImporter.detect({ head: head('\uFEFF<feed xmlns="http://www.w3.org/2005/Atom">'), name: 'a.xml' }),
    ).toBe(true);
    expect(
      opmlImporter.detect({ head: head('<?xml version="1.0"?><opml version="2.0">'), name: 'x.xml' }),
    ).toBe(true);
    expect(rssImporter.detect({ head: head('<html><body><rss>'), name: 'feed.rss' })).toBe(false);
    expect(atomImporter.detect({ head: head('{"feed": []}'), name: 'feed.atom' })).toBe(false);
  });
});
