// Atom feed files: each entry an item; content preferred over summary (text, html or xhtml),
// the entry id is the identity (else its alternate link).
import { ImportError } from '../errors';
import type { Importer, ImportRecord } from '../types';
import { entryItem, feedSource, type EntryFields, type FeedInfo } from './entry';
import { attrOf, isNode, listOf, rawText, readXmlFile, rootElementName, textOf, type XmlNode } from './xml';

const ARRAYS = new Set(['entry', 'link', 'author', 'category', 'contributor']);

function linkWithRel(node: XmlNode, rel: string): string | null {
  for (const link of listOf(node.link)) {
    const linkRel = attrOf(link, 'rel') ?? 'alternate';
    if (linkRel === rel) return attrOf(link, 'href');
  }
  return null;
}

/** Atom text constructs (content, summary) were kept raw so XHTML survives; see xml.ts rawElements. */
function textConstruct(value: unknown): { value: string; isHtml: boolean } | null {
  const raw =
    typeof value === 'string'
      ? value
      : isNode(value) && typeof value['#text'] === 'string'
        ? value['#text']
        : null;
  if (raw === null) return null;
  const type = (attrOf(value, 'type') ?? 'text').toLowerCase();
  const isMarkup = type === 'xhtml';
  const text = rawText(raw, isMarkup);
  if (!text) return null;
  return { value: text, isHtml: type === 'html' || isMarkup || type === 'text/html' };
}

function names(value: unknown): string | null {
  const list = listOf(value)
    .map((author) => (isNode(author) ? textOf(author.name) : textOf(author)))
    .filter((name): name is string => Boolean(name));
  return list.length ? list.join(', ') : null;
}

function atomEntry(entry: XmlNode, feedAuthor: string | null): EntryFields {
  const content = textConstruct(entry.content);
  const summary = textConstruct(entry.summary);
  return {
    id: textOf(entry.id),
    link: linkWithRel(entry, 'alternate'),
    title: textOf(entry.title),
    author: names(entry.author) ?? feedAuthor,
    published: textOf(entry.published) ?? textOf(entry.issued),
    updated: textOf(entry.updated) ?? textOf(entry.modified),
    body: content ?? summary,
    categories: listOf(entry.category)
      .map((c) => attrOf(c, 'term') ?? attrOf(c, 'label'))
      .filter((c): c is string => Boolean(c)),
    lang: attrOf(entry, 'lang'),
    extra: content && summary ? { summary: summary.value } : {},
  };
}

export const atomImporter: Importer = {
  format: 'atom',
  label: 'Atom feed',
  detect: ({ head }) => {
    const root = rootElementName(head);
    return root === 'feed' || (root?.endsWith(':feed') ?? false);
  },
  async *parse(file, ctx): AsyncIterable<ImportRecord> {
    const doc = await readXmlFile(file, ctx, {
      arrays: ARRAYS,
      rawElements: ['feed.entry.content', 'feed.entry.summary'],
    });
    const root = doc.feed;
    if (!isNode(root))
      throw new ImportError(file.displayName, 'not an Atom feed (no <feed> document element)');
    const feed: FeedInfo = {
      title: textOf(root.title),
      selfUrl: linkWithRel(root, 'self'),
      siteUrl: linkWithRel(root, 'alternate'),
      description: textOf(root.subtitle),
      lang: attrOf(root, 'lang'),
    };
    const source = feedSource(feed, file.displayName);
    yield { type: 'source', source };
    const feedAuthor = names(root.author);
    for (const [index, raw] of listOf(root.entry).entries()) {
      ctx.signal.throwIfAborted();
      const item = isNode(raw) ? entryItem(atomEntry(raw, feedAuthor), feed) : null;
      if (item) yield { type: 'item', sourceKey: source.key, item };
      else yield { type: 'skipped', reason: `entry ${index + 1} has neither a title nor any text` };
    }
  },
};
