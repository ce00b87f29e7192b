// Turning an extracted article into import records. Shared by saved pages and WARC captures, which
// differ only in their source (the site, or the site as captured in a web archive).
import { createHash } from 'node:crypto';
import type { ItemRecord, SourceRecord } from '../types';
import type { ExtractedArticle } from './extract';

/** The site's host without a leading `www.`, so both spellings are one source. */
export function siteHost(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/** Identity of a page without an address: its title and text, so the same page saved twice is one item. */
export function contentId(article: Pick<ExtractedArticle, 'title' | 'text'>): string {
  return `sha256:${createHash('sha256')
    .update(`${article.title ?? ''}\n${article.text}`)
    .digest('hex')}`;
}

/** Key of the source of saved pages that carry no address of their own. */
export const UNKNOWN_SITE_KEY = 'site:unknown';

export function articleSource(article: ExtractedArticle, kind: 'site' | 'warc'): SourceRecord {
  if (!article.url) {
    return {
      key: kind === 'site' ? UNKNOWN_SITE_KEY : 'warc:unknown',
      kind,
      name: 'Pages without an address',
      url: null,
    };
  }
  const host = siteHost(article.url);
  const origin = new URL(article.url).origin;
  const name = article.siteName ?? host;
  return {
    key: `${kind}:${host}`,
    kind,
    name: kind === 'warc' ? `${name} (web archive)` : name,
    url: origin,
  };
}

export function articleItem(article: ExtractedArticle, extra: Record<string, unknown> = {}): ItemRecord {
  const item: ItemRecord = {
    kind: 'article',
    externalId: article.url ?? contentId(article),
    url: article.url,
    title: article.title,
    author: article.author,
    channel: article.siteName ?? (article.url ? siteHost(article.url) : null),
    publishedAt: article.publishedAt,
    lang: article.lang,
    text: article.text,
    html: article.html,
    extra: {
      ...(article.siteName ? { siteName: article.siteName } : {}),
      ...(article.description ? { description: article.description } : {}),
      ...(article.modifiedAt !== null ? { modifiedAt: article.modifiedAt } : {}),
      ...extra,
    },
  };
  if (article.publishedAt !== null && !article.publishedZoneKnown) item.timeZoneUnknown = true;
  return item;
}
