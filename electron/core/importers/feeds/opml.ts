// OPML subscription lists: every outline with an xmlUrl is a feed Sifter records as a source
// (nested folders are walked); there are no items. The source keys match what those feeds give
// when they are imported later with a self link: `feed:<xmlUrl>`.
import { ImportError } from '../errors';
import type { Importer, ImportRecord, SourceRecord } from '../types';
import { attrOf, isNode, listOf, readXmlFile, rootElementName, textOf } from './xml';

const ARRAYS = new Set(['outline']);

export const opmlImporter: Importer = {
  format: 'opml',
  label: 'OPML subscription list',
  detect: ({ head }) => rootElementName(head) === 'opml',
  async *parse(file, ctx): AsyncIterable<ImportRecord> {
    const doc = await readXmlFile(file, ctx, { arrays: ARRAYS });
    const root = doc.opml;
    if (!isNode(root))
      throw new ImportError(file.displayName, 'not an OPML file (no <opml> document element)');
    const body = isNode(root.body) ? root.body : null;
    if (!body) throw new ImportError(file.displayName, 'the OPML file has no <body>');
    const listTitle = isNode(root.head) ? textOf(root.head.title) : null;

    const seen = new Set<string>();
    const subscriptions: SourceRecord[] = [];
    const walk = (outlines: unknown[], folder: string[]): void => {
      for (const outline of outlines) {
        if (!isNode(outline)) continue;
        const name = attrOf(outline, 'title') ?? attrOf(outline, 'text');
        const xmlUrl = attrOf(outline, 'xmlUrl') ?? attrOf(outline, 'xmlurl');
        if (xmlUrl && !seen.has(xmlUrl)) {
          seen.add(xmlUrl);
          const htmlUrl = attrOf(outline, 'htmlUrl');
          subscriptions.push({
            key: `feed:${xmlUrl}`,
            kind: 'feed',
            name: name ?? xmlUrl,
            url: xmlUrl,
            meta: {
              subscribed: true,
              ...(htmlUrl ? { siteUrl: htmlUrl } : {}),
              ...(folder.length ? { folder: folder.join('/') } : {}),
              ...(listTitle ? { list: listTitle } : {}),
              ...(attrOf(outline, 'type') ? { type: attrOf(outline, 'type') } : {}),
            },
          });
        }
        walk(listOf(outline.outline), name && !xmlUrl ? [...folder, name] : folder);
      }
    };
    walk(listOf(body.outline), []);
    if (subscriptions.length === 0)
      throw new ImportError(
        file.displayName,
        'the OPML file lists no feed subscriptions (no outline has an xmlUrl)',
      );
    for (const source of subscriptions) {
      ctx.signal.throwIfAborted();
      yield { type: 'source', source };
    }
  },
};
