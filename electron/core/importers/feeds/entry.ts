// One feed entry (RSS item or Atom entry) as an item, and the feed as its source.
import { createHash } from 'node:crypto';
import { htmlToText } from '../html-text';
import { parseLooseDate } from '../loose-date';
import { sanitizeHtml } from '../sanitize';
import type { ItemRecord, SourceRecord } from '../types';
import { httpUrl, primaryLanguage } from '../article/metadata';

export interface FeedInfo {
  title: string | null;
  /** The feed's own address (atom:link rel="self"), when it gives one. */
  selfUrl: string | null;
  /** The site the feed belongs to. */
  siteUrl: string | null;
  description: string | null;
  lang: string | null;
}

export interface EntryFields {
  id: string | null;
  link: string | null;
  title: string | null;
  author: string | null;
  /** The date as written (pubDate, published, updated, dc:date). */
  published: string | null;
  updated: string | null;
  /** Body content: HTML to be sanitized, or plain text. */
  body: { value: string; isHtml: boolean } | null;
  categories: string[];
  lang: string | null;
  extra?: Record<string, unknown>;
}

/** Source key and record of a feed: `feed:<self link>`, else `feed:<title>`, else the site or file. */
export function feedSource(feed: FeedInfo, fallbackName: string): SourceRecord {
  const identity = feed.selfUrl ?? feed.title ?? feed.siteUrl ?? fallbackName;
  return {
    key: `feed:${identity}`,
    kind: 'feed',
    name: feed.title ?? feed.selfUrl ?? feed.siteUrl ?? fallbackName,
    url: feed.selfUrl ?? feed.siteUrl,
    meta: {
      ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}),
      ...(feed.description ? { description: feed.description } : {}),
      ...(feed.lang ? { lang: feed.lang } : {}),
    },
  };
}

/** A name from an RSS `author` value, which is an e-mail address with the name in parentheses. */
export function authorName(value: string | null): string | null {
  if (!value) return null;
  const inParens = /\(([^)]+)\)\s*$/.exec(value);
  return (inParens?.[1] ?? value).trim() || null;
}

export function entryItem(entry: EntryFields, feed: FeedInfo): ItemRecord | null {
  const url = httpUrl(entry.link, feed.siteUrl);
  const clean = entry.body?.isHtml ? sanitizeHtml(entry.body.value, { baseUrl: url ?? feed.siteUrl }) : null;
  const text = clean !== null ? htmlToText(clean) : (entry.body?.value ?? '').trim();
  // Plain-text descriptions are common in RSS; HTML is kept only when there is markup in it.
  const html = clean !== null && /<[a-z]/i.test(clean) ? clean : null;
  const title = entry.title ? htmlToText(entry.title) || null : null;
  if (!text && !title) return null;
  const date = parseLooseDate(entry.published) ?? parseLooseDate(entry.updated);
  const externalId =
    entry.id ??
    url ??
    `sha256:${createHash('sha256')
      .update(`${title ?? ''}\n${entry.published ?? ''}\n${text}`)
      .digest('hex')}`;
  const item: ItemRecord = {
    kind: 'feed-entry',
    externalId,
    url,
    title,
    author: entry.author,
    channel: feed.title,
    publishedAt: date?.ms ?? null,
    lang: primaryLanguage(entry.lang) ?? primaryLanguage(feed.lang),
    text,
    html,
    extra: {
      ...(entry.categories.length ? { categories: entry.categories } : {}),
      ...(entry.published && entry.updated && entry.updated !== entry.published
        ? { updated: parseLooseDate(entry.updated)?.ms ?? entry.updated }
        : {}),
      ...entry.extra,
    },
  };
  if (date && !date.zoneKnown) item.timeZoneUnknown = true;
  return item;
}
