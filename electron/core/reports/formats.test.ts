// Every report format built from the shared fixtures (imported by the real pipeline, tagged,
// clipped, annotated and translated in the test): exactly the expected items, in the expected
// order, with their citations and permalinks. Files are written by the real export path.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium as pw } from '@playwright/test';
import yauzl from 'yauzl';
import Papa from 'papaparse';
import { reportSpecSchema, type ReportFormat, type ReportSpecInput } from '../../../shared/api/reports';
import { exportReport } from './render';
import { findChromium } from './pdf';
import {
  reportFixture,
  tempDir,
  removeTempDirs,
  TAGGED_IN_ORDER,
  CHANNEL_USERNAME,
  type ReportFixture,
} from './testing';

let f: ReportFixture;
let out: string;

beforeAll(async () => {
  f = await reportFixture();
  out = tempDir('sifter-report-out-');
}, 120_000);

afterAll(async () => {
  await f.close();
  removeTempDirs();
});

const TWO_TAGS: ReportSpecInput = {
  title: 'Way Home: weekly',
  author: 'A. Analyst',
  summary: 'Wives of the mobilised keep asking for rotation.\n\nThis week: pickets.',
  tags: [{ path: 'Actors' }, { path: 'Topics/Rotation' }],
  show: { translation: 'after' },
};

async function exported(
  format: ReportFormat,
  spec: ReportSpecInput = TWO_TAGS,
  name = `report-${format}`,
): Promise<string> {
  const result = await exportReport(
    f.core,
    reportSpecSchema.parse(spec),
    format,
    join(out, `${name}.${format}`),
  );
  expect(result.items).toBe(5);
  expect(statSync(result.path).size).toBe(result.bytes);
  return result.path;
}

const expectedIds = (): number[] => TAGGED_IN_ORDER.map((n) => f.ids[n]!);

/** The t.me / site permalinks of the expected items, in order. */
const expectedPermalinks = (): string[] => [
  `https://t.me/${CHANNEL_USERNAME}/2`,
  `https://t.me/${CHANNEL_USERNAME}/3`,
  `https://t.me/${CHANNEL_USERNAME}/7`,
  'https://blog.example.net/post/1',
  'https://t.me/sample_news_ru/5501',
];

/** Positions of each needle in the haystack must increase (each found). */
function expectInOrder(haystack: string, needles: string[]): void {
  let at = -1;
  for (const needle of needles) {
    const next = haystack.indexOf(needle, at + 1);
    expect(next, `"${needle}" after position ${at}`).toBeGreaterThan(at);
    at = next;
  }
}

describe('HTML', () => {
  let html: string;
  beforeAll(async () => {
    html = readFileSync(await exported('html'), 'utf8');
  });

  test('holds exactly the tagged items, oldest first, numbered, with permalinks', () => {
    const ids = [...html.matchAll(/<article class="entry" id="item-(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(expectedIds());
    expect([...html.matchAll(/<span class="n">\[(\d+)\]<\/span>/g)].map((m) => Number(m[1]))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expectInOrder(
      html,
      expectedPermalinks().map((u) => `<a href="${u}"`),
    );
    expect(html).not.toContain('waithome_test/10'); // Topics/Other was not chosen
  });

  test('loads nothing: no external URL in any src, loader href or CSS url(), and a CSP that forbids loads', () => {
    const srcs = [...html.matchAll(/\s(?:src|srcset|poster|data|action|formaction)\s*=\s*"([^"]*)"/gi)].map(
      (m) => m[1]!,
    );
    expect(srcs.length).toBeGreaterThan(0); // the photo thumbnail
    expect(srcs.filter((s) => !s.startsWith('data:'))).toEqual([]);
    // href is fine only on <a> citations; on <link>, <base>, <use>, <image> it would load something.
    const loaderHrefs = [...html.matchAll(/<(?!a\s)([a-z]+)\b[^>]*\s(?:xlink:)?href\s*=/gi)].map((m) => m[1]);
    expect(loaderHrefs).toEqual([]);
    const cssUrls = [...html.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1]!);
    expect(cssUrls.filter((u) => !u.startsWith('data:'))).toEqual([]);
    expect(html).not.toMatch(/@import|<script|<iframe|<object|<embed|<link\b/i);
    // No style attribute either: the live preview runs under the app's CSP, which refuses them.
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).toContain(`content="default-src 'none'; img-src data:`);
  });

  test('shows the analyst’s words and the translation labelled with its engine, edits marked', () => {
    expect(html).toContain('<h1>Way Home: weekly</h1>');
    expect(html).toContain('By A. Analyst');
    expect(html).toContain('<p>This week: pickets.</p>');
    expect(html).toContain(
      'Machine translation into en (apertium); 1 sentence edited by the analyst, marked ✎',
    );
    expect(html).toContain(
      '<mark class="edited" title="edited by the analyst">✎ This channel was made by wives and mothers of mobilised men.</mark>',
    );
    expect(html).toContain('We demand our men be brought home.');
    expect(html).toContain(
      '<blockquote class="clip"><p>мы не экстремисты</p><footer>The channel denies extremism · Tags: Quotes</footer></blockquote>',
    );
    expect(html).toContain('First post of the channel.');
    expect(html).toMatch(
      /<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+" alt="photo_1@06-12-2023_08-45-00.jpg">/,
    );
  });

  test('prints times in UTC and in the analyst’s zone', () => {
    // Message 2: 2023-11-20 07:05 UTC = 09:05 in Kyiv (UTC+2 in winter).
    expect(html).toContain('2023-11-20 07:05 UTC');
    expect(html).toContain('2023-11-20 09:05 Europe/Kyiv (UTC+02:00)');
  });

  test('escapes every archive text: the =HYPERLINK( headline is text, not markup', () => {
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;Click&quot;)');
    expect(html).not.toContain('"http://evil.example"');
  });

  test('the overview counts per tag and per source and draws the timeline', () => {
    expect(html).toContain('5 items, 1 clip.');
    expect(html).toMatch(/Actors\/Way Home<\/td><td class="num">3</);
    expect(html).toMatch(/Topics\/Rotation<\/td><td class="num">2</);
    expect(html).toMatch(/<svg class="timeline"[^>]*role="img"/);
    expect(html).toContain('Items per day, 2023-11-20 to 2024-01-06; at most 1 in one day.');
  });
});

test('HTML grouped by tag: a heading per tag in tree order, an item under each of its chosen tags once in full', async () => {
  const html = readFileSync(await exported('html', { ...TWO_TAGS, groupBy: 'tag' }, 'by-tag'), 'utf8');
  const headings = [...html.matchAll(/<section class="group" id="group-\d+">\s*<h2>([^<]+)<\/h2>/g)].map(
    (m) => m[1],
  );
  expect(headings).toEqual(['Actors', 'Actors/Way Home', 'Topics/Rotation']);
  // tg:2 carries Way Home and Rotation: in full once, then a pointer back.
  expect(html.match(new RegExp(`id="item-${f.ids['tg:2']}"`, 'g'))).toHaveLength(1);
  expect(html).toContain(`Shown above: <a href="#item-${f.ids['tg:2']}">[`);
  expect(html).toContain('<nav class="toc"><h2>Contents</h2>');
});

test('Markdown: the same entries in the same order, escaped, with citations', async () => {
  const md = readFileSync(await exported('md'), 'utf8');
  const numbers = [...md.matchAll(/^### \[(\d+)\]/gm)].map((m) => Number(m[1]));
  expect(numbers).toEqual([1, 2, 3, 4, 5]);
  expectInOrder(
    md,
    expectedPermalinks().map((u) => `<${u}>`),
  );
  expect(md).toContain('# Way Home: weekly');
  expect(md).toContain('> мы не экстремисты');
  expect(md).toContain('### [4] =HYPERLINK\\("http://evil.example","Click"\\)');
  expect(md).toContain(
    '*Machine translation into en \\(apertium\\); 1 sentence edited by the analyst, marked ✎*',
  );
  expect(md).toContain('## Sources cited');
});

describe('CSV', () => {
  test('UTF-8 with BOM, one row per item in order, the =HYPERLINK( headline neutralised', async () => {
    const bytes = readFileSync(await exported('csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    const rows = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: true,
      delimiter: ',',
    }).data;
    expect(rows.map((r) => Number(r.item_id))).toEqual(expectedIds());
    expect(rows.map((r) => r.permalink)).toEqual(expectedPermalinks());
    const hyperlink = rows[3]!;
    expect(hyperlink.title).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(rows[0]!.text).toContain('Здравствуйте. Этот канал создан жёнами');
    expect(rows[0]!.translation_engine).toBe('apertium, edited');
    expect(rows[0]!['published_Europe/Kyiv']).toBe('2023-11-20 09:05 Europe/Kyiv (UTC+02:00)');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('one row per clip', async () => {
    const path = await exported('csv', { ...TWO_TAGS, csvRows: 'clip' }, 'clips');
    const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
      delimiter: ',',
    }).data;
    expect(rows).toEqual([
      expect.objectContaining({
        item_id: String(f.ids['tg:3']),
        quote: 'мы не экстремисты',
        clip_note: 'The channel denies extremism',
        clip_tags: 'Quotes',
      }),
    ]);
  });
});

function zipEntries(path: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

test('DOCX: headings per entry in order, a table of contents, clips as quotes, citations hyperlinked', async () => {
  const files = await zipEntries(await exported('docx', { ...TWO_TAGS, groupBy: 'source' }, 'by-source'));
  const xml = files.get('word/document.xml')!;
  expect(xml).toBeTruthy();
  const paragraphText = (p: string): string =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  const styled = (style: string): string[] =>
    paragraphs.filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`)).map(paragraphText);
  expect(styled('Title')).toEqual(['Way Home: weekly']);
  // Grouped by source: sources by name, their entries oldest first.
  expect(styled('Heading1')).toEqual([
    'Contents',
    'Summary',
    'Overview',
    'Example Blog',
    'sample_news_ru',
    'Ждём домой (тестовый канал)',
    'Sources cited',
  ]);
  const entryHeadings = styled('Heading3');
  expect(entryHeadings.map((h) => h.match(/^\[(\d+)\]/)?.[1])).toEqual(['1', '2', '3', '4', '5']);
  expect(entryHeadings[0]).toContain('=HYPERLINK');
  expect(entryHeadings[2]).toContain('Здравствуйте');
  expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC /);
  expect(styled('IntenseQuote')).toEqual(['мы не экстремисты']);
  const rels = files.get('word/_rels/document.xml.rels')!;
  for (const url of expectedPermalinks()) expect(rels).toContain(`Target="${url}"`);
  expect(paragraphText(xml)).toContain('Machine translation into en (apertium)');
});

const chromium = findChromium();

test.skipIf(!chromium)(
  'PDF (Chromium print-to-PDF): text in order, page 1 renders',
  async () => {
    const path = await exported('pdf');
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Way Home: weekly');
    expectInOrder(text.replace(/\s+/g, ' '), [
      '[1] Здравствуйте',
      '[2] Напоминаем',
      '[3] Фото с пикета',
      '[4] =HYPERLINK',
      '[5] Родственники',
      'Sources cited',
    ]);
    expect(text).toContain(`t.me/${CHANNEL_USERNAME}/2`);
    const png = join(out, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', path, png]);
    const image = readFileSync(`${png}.png`);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(image.length).toBeGreaterThan(2000); // a rendered page, not an empty canvas
  },
  120_000,
);

if (!chromium) {
  test('PDF is skipped: no Chromium at /usr/bin/chromium (or SIFTER_CHROMIUM) on this machine', () => {
    expect(existsSync('/usr/bin/chromium')).toBe(false);
  });
}

test.skipIf(!chromium)(
  'HTML opened in Chromium: no network request, readable on a phone (no sideways scrolling)',
  async () => {
    const path = await exported(
      'html',
      { ...TWO_TAGS, groupBy: 'tag', show: { translation: 'side-by-side' } },
      'phone',
    );
    const browser = await pw.launch({
      executablePath: chromium!,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(path).href);
      await page.waitForLoadState('networkidle');
      // The document itself, and data: images (which make no request) only.
      expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([pathToFileURL(path).href]);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      // Side by side becomes one column on a phone.
      const display = await page
        .locator('table.pair td')
        .first()
        .evaluate((td) => getComputedStyle(td).display);
      expect(display).toBe('block');
    } finally {
      await browser.close();
    }
  },
  60_000,
);
