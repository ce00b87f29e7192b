// RSS 2.0 (and RSS 1.0/RDF) feed files: each item an entry; content:encoded is preferred over
// description, dc:creator over author, guid is the identity (else the link).
import { ImportError } from '../errors';
import type { Importer, ImportRecord } from '../types';
import { authorName, entryItem, feedSource, type EntryFields, type FeedInfo } from './entry';
import { attrOf, isNode, listOf, readXmlFile, rootElementName, textOf, type XmlNode } from './xml';

const ARRAYS = new Set(['item', 'link', 'category', 'creator', 'enclosure']);

/** The plain `<link>` text of a channel or item (atom:link elements share the name once prefixes go). */
function plainLink(node: XmlNode): string | null {
  for (const link of listOf(node.link)) {
    if (typeof link === 'string' && link.trim()) return link.trim();
    if (isNode(link) && typeof link['#text'] === 'string' && !link['@_href'])
      return link['#text'].trim() || null;
  }
  return null;
}

function selfLink(node: XmlNode): string | null {
  for (const link of listOf(node.link)) {
    if (isNode(link) && attrOf(link, 'rel') === 'self') return attrOf(link, 'href');
  }
  return null;
}

function rssEntry(item: XmlNode): EntryFields {
  const encoded = textOf(item.encoded);
  const description = textOf(item.description);
  const body = encoded ?? description;
  const enclosures = listOf(item.enclosure)
    .map((e) => ({ url: attrOf(e, 'url'), type: attrOf(e, 'type'), length: attrOf(e, 'length') }))
    .filter((e) => e.url);
  return {
    id: textOf(item.guid) ?? attrOf(item, 'about'),
    link: plainLink(item),
    title: textOf(item.title),
    author: listOf(item.creator).map(textOf).filter(Boolean).join(', ') || authorName(textOf(item.author)),
    published: textOf(item.pubDate) ?? textOf(item.date),
    updated: null,
    body: body ? { value: body, isHtml: true } : null,
    categories: listOf(item.category)
      .map(textOf)
      .filter((c): c is string => Boolean(c)),
    lang: textOf(item.language),
    extra: {
      ...(encoded && description ? { summary: description } : {}),
      ...(enclosures.length ? { enclosures } : {}),
      ...(textOf(item.comments) ? { comments: textOf(item.comments) } : {}),
    },
  };
}

export const rssImporter: Importer = {
  format: 'rss',
  label: 'RSS feed',
  detect: ({ head }) => {
    const root = rootElementName(head);
    return root === 'rss' || root === 'rdf:RDF' || root === 'RDF';
  },
  async *parse(file, ctx): AsyncIterable<ImportRecord> {
    const doc = await readXmlFile(file, ctx, { arrays: ARRAYS });
    const rss = doc.rss;
    const rdf = doc.RDF;
    const root = isNode(rss) ? rss : isNode(rdf) ? rdf : null;
    if (!root)
      throw new ImportError(file.displayName, 'not an RSS feed (no <rss> or <rdf:RDF> document element)');
    const channel = isNode(root.channel) ? root.channel : null;
    if (!channel) throw new ImportError(file.displayName, 'the RSS feed has no <channel>');
    const feed: FeedInfo = {
      title: textOf(channel.title),
      selfUrl: selfLink(channel),
      siteUrl: plainLink(channel),
      description: textOf(channel.description),
      lang: textOf(channel.language),
    };
    const source = feedSource(feed, file.displayName);
    yield { type: 'source', source };
    // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
    const items = [...listOf(channel.item), ...listOf(root.item)];
    for (const [index, raw] of items.entries()) {
      ctx.signal.throwIfAborted();
      const item = isNode(raw) ? entryItem(rssEntry(raw), feed) : null;
      if (item) yield { type: 'item', sourceKey: source.key, item };
      else yield { type: 'skipped', reason: `item ${index + 1} has neither a title nor any text` };
    }
  },
};
