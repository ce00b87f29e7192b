// Saved web article: a page as a browser saves it (.html). Decoded in its own encoding, its story
// extracted, its metadata read; one item per page, identified by the page's address.
import { ImportError } from '../errors';
import { decodeBytes, detectHtmlEncoding } from '../encoding';
import { readLimited } from '../read-limited';
import type { Importer, ImportRecord } from '../types';
import { looksLikeHtml } from './detect';
import { extractArticle } from './extract';
import { articleItem, articleSource } from './records';

/** Saved pages are a few megabytes at most; anything far bigger is not one. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;

export const articleImporter: Importer = {
  format: 'article',
  label: 'Saved web article (HTML)',
  detect: ({ head }) => looksLikeHtml(head),
  async *parse(file, ctx): AsyncIterable<ImportRecord> {
    const bytes = await readLimited(file, ctx, MAX_PAGE_BYTES, 'a saved web page');
    if (!looksLikeHtml(bytes.subarray(0, 64 * 1024)))
      throw new ImportError(file.displayName, 'not an HTML page (no <html>, <head> or doctype at its start)');
    const encoding = detectHtmlEncoding(bytes);
    const article = extractArticle(decodeBytes(bytes, encoding.encoding));
    ctx.signal.throwIfAborted();
    if (!article.text.trim())
      throw new ImportError(file.displayName, 'no article text was found in the page');
    const source = articleSource(article, 'site');
    yield { type: 'source', source };
    yield {
      type: 'item',
      sourceKey: source.key,
      item: articleItem(article, { encoding: encoding.encoding }),
    };
  },
};
