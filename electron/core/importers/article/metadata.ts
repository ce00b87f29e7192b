// Article metadata from a page's head: Open Graph and article:* meta tags, the usual name= tags,
// the canonical link and schema.org JSON-LD. Read before Readability runs, since it rewrites the DOM.
import { parseLooseDate } from '../loose-date';

export interface PageMetadata {
  url: string | null;
  title: string | null;
  author: string | null;
  siteName: string | null;
  publishedAt: number | null;
  /** False when the published time had no zone (read as UTC). */
  publishedZoneKnown: boolean;
  modifiedAt: number | null;
  /** ISO 639-1 code from `<html lang>`, when present. */
  lang: string | null;
  description: string | null;
}

interface QueryableDocument {
  documentElement: { getAttribute(name: string): string | null } | null;
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
  querySelector(
    selector: string,
  ): { getAttribute(name: string): string | null; textContent: string | null } | null;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report|ScholarlyArticle|WebPage)$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    return trimmed || null;
  }
  return null;
}

/** Every JSON-LD node of the page, @graph and arrays flattened; malformed blocks are ignored. */
function jsonLdNodes(doc: QueryableDocument): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      nodes.push(value);
      if (Array.isArray(value['@graph'])) value['@graph'].forEach(visit);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = scripts[i]?.textContent;
    if (!raw) continue;
    try {
      visit(JSON.parse(raw));
    } catch {
      // Broken JSON-LD is common on real pages and never a reason to refuse the page.
    }
  }
  return nodes;
}

function jsonLdArticle(doc: QueryableDocument): JsonObject | null {
  const nodes = jsonLdNodes(doc);
  const typed = (node: JsonObject): string[] => {
    const type = node['@type'];
    return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
  };
  return (
    nodes.find((node) => typed(node).some((t) => t !== 'WebPage' && ARTICLE_TYPES.test(t))) ??
    nodes.find((node) => typed(node).includes('WebPage')) ??
    null
  );
}

/** A person's or organisation's name from a JSON-LD author/publisher value. */
function ldName(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(ldName).filter((n): n is string => Boolean(n));
    return names.length ? names.join(', ') : null;
  }
  if (isObject(value)) return text(value.name);
  return text(value);
}

function ldUrl(value: unknown): string | null {
  if (isObject(value)) return text(value['@id']) ?? text(value.url);
  return text(value);
}

function isUrlLike(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** The primary language subtag of a BCP 47 tag ('en-GB' → 'en'), when it is a 2-letter code. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}

const TRACKING_PARAM = /^(?:utm_[a-z_]+|fbclid|gclid|dclid|yclid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl)$/i;

/**
 * Resolves `value` against `base` and keeps it only when it is an absolute http(s) URL, without
 * its fragment and tracking parameters.
 */
export function httpUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    // Campaign and click-tracking parameters do not change the page: the same story shared with
    // and without them is one address (one identity, and copies grouped by URL).
    for (const key of [...url.searchParams.keys()])
      if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
    return url.href;
  } catch {
    return null;
  }
}

export function readMetadata(doc: QueryableDocument, urlHint: string | null): PageMetadata {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const node =
        doc.querySelector(`meta[property="${key}"]`) ??
        doc.querySelector(`meta[name="${key}"]`) ??
        doc.querySelector(`meta[itemprop="${key}"]`);
      const value = text(node?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const ld = jsonLdArticle(doc);

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const url =
    httpUrl(canonical, urlHint) ??
    httpUrl(meta('og:url', 'twitter:url'), urlHint) ??
    httpUrl(ld ? (ldUrl(ld.mainEntityOfPage) ?? text(ld.url)) : null, urlHint) ??
    httpUrl(urlHint);

  const metaAuthor = meta(
    'author',
    'article:author',
    'dc.creator',
    'DC.creator',
    'byl',
    'sailthru.author',
    'parsely-author',
  );
  const author =
    (metaAuthor && !isUrlLike(metaAuthor) ? metaAuthor : null) ?? (ld ? ldName(ld.author) : null);

  const publishedText =
    meta(
      'article:published_time',
      'og:article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'publish-date',
      'date',
      'dc.date.issued',
      'DC.date.issued',
      'dcterms.created',
      'sailthru.date',
      'parsely-pub-date',
    ) ??
    (ld ? (text(ld.datePublished) ?? text(ld.dateCreated)) : null) ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const published = parseLooseDate(publishedText);
  const modified = parseLooseDate(
    meta('article:modified_time', 'og:updated_time', 'dateModified') ?? (ld ? text(ld.dateModified) : null),
  );

  const titleTag = text(doc.querySelector('title')?.textContent);
  return {
    url,
    title:
      meta('og:title', 'twitter:title') ?? (ld ? (text(ld.headline) ?? text(ld.name)) : null) ?? titleTag,
    author,
    siteName: meta('og:site_name', 'application-name') ?? (ld ? ldName(ld.publisher) : null),
    publishedAt: published?.ms ?? null,
    publishedZoneKnown: published?.zoneKnown ?? true,
    modifiedAt: modified?.ms ?? null,
    lang: primaryLanguage(
      doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang'),
    ),
    description:
      meta('og:description', 'description', 'twitter:description') ?? (ld ? text(ld.description) : null),
  };
}
