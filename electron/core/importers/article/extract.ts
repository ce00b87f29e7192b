// Main-text extraction from a saved web page (also used for WARC captures): Readability over a
// linkedom DOM finds the story; a boilerplate pass removes the teaser, comment-form and
// next/previous lines that sites put inside the story's container; the result is sanitized and
// turned into plain text with one blank line between paragraphs.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../html-text';
import { sanitizeHtml } from '../sanitize';
import { parseLooseDate } from '../loose-date';
import { httpUrl, primaryLanguage, readMetadata, type PageMetadata } from './metadata';

export interface ExtractedArticle extends PageMetadata {
  /** Sanitized HTML of the main content. */
  html: string;
  /** Plain text of the main content, paragraphs separated by blank lines. */
  text: string;
}

export interface ExtractOptions {
  /** The page's address when it is known from outside the page (a WARC record's target URI). */
  url?: string | null;
}

/**
 * Lines sites put around or inside a story that are not part of it. Matched against a whole short
 * block's text, so a paragraph that merely mentions "read more" is kept.
 */
const BOILERPLATE = [
  /^read more\b/i,
  /^(?:see|read) also\b/i,
  /^related(?: (?:articles?|stories|posts|news))?\s*:?$/i,
  /^more (?:stories|on this story|from)\b/i,
  /^leave a (?:reply|comment)\b/i,
  /^(?:\d+\s+)?comments?\s*:?$/i,
  /^your email address will not be published\b/i,
  /^(?:previous|next) (?:story|article|post)\b/i,
  /^(?:share|follow us) (?:this|on)\b/i,
  /^sign up (?:for|to)\b/i,
  /^advertisement$/i,
  /^we use cookies\b/i,
  /^(?:читайте|смотрите) (?:также|еще|ещё)\b/i,
  /^(?:читайте|дивіться) (?:також|ще)\b/i,
  /^(?:предыдущая|следующая) (?:статья|новость)\b/i,
  /^(?:попередня|наступна) (?:стаття|новина)\b/i,
  /^(?:реклама|комментарии|коментарі)$/i,
];

const BLOCKS = 'p, div, aside, section, nav, li, h2, h3, h4, h5, h6, blockquote, figure, footer, header';

/** Blocks longer than this are story text even if they start like boilerplate. */
const BOILERPLATE_MAX_CHARS = 400;

interface DomElement {
  textContent: string | null;
  remove(): void;
}

interface DomRoot {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

function isBoilerplate(text: string): boolean {
  const normalized = text.replace(/\s+/g, ' ').trim();
  if (!normalized || normalized.length > BOILERPLATE_MAX_CHARS) return false;
  return BOILERPLATE.some((pattern) => pattern.test(normalized));
}

/**
 * Takes the byline line ("By Staff Reporter · 26 December 2023") out of the story: the author is
 * kept as a field. Returns its text for pages whose metadata names no author.
 */
function takeByline(root: DomRoot): string | null {
  let byline: string | null = null;
  for (const node of Array.from(
    root.querySelectorAll('[class*="byline"], [rel="author"], [itemprop="author"], [class="author"]'),
  )) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 200) continue; // a container that happens to carry the class, not the line
    byline ??= text || null;
    node.remove();
  }
  return byline;
}

/** Drops a leading heading that only repeats the title (it is stored as the title). */
function dropTitleHeading(
  root: DomRoot & { querySelector(selector: string): DomElement | null },
  title: string | null,
): void {
  if (!title) return;
  const heading = root.querySelector('h1, h2');
  const normalize = (value: string): string => value.replace(/\s+/g, ' ').trim().toLowerCase();
  if (heading && normalize(heading.textContent ?? '') === normalize(title)) heading.remove();
}

/**
 * Removes short blocks that read as boilerplate. A container whose text merely starts like it
 * (a cookie banner just before a short story, in one wrapper) stays when it holds a paragraph
 * that is not boilerplate; the banner itself goes as its own block.
 */
function removeBoilerplate(root: DomRoot): void {
  const blocks = Array.from(root.querySelectorAll(BLOCKS)) as (DomElement & DomRoot)[];
  for (const block of blocks) {
    if (!isBoilerplate(block.textContent ?? '')) continue;
    const paragraphs = Array.from(block.querySelectorAll('p'));
    const holdsStory = paragraphs.some((p) => {
      const text = (p.textContent ?? '').trim();
      return text !== '' && !isBoilerplate(text);
    });
    if (!holdsStory) block.remove();
  }
}

/** The address in the comment browsers write at the top of a saved page (`<!-- saved from url=(0042)https://… -->`). */
export function savedFromUrl(html: string): string | null {
  const match = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return httpUrl(match?.[1]);
}

/** The page's body without the parts that are never content, for pages Readability cannot score. */
function fallbackContent(doc: ReturnType<typeof parseHTML>['document']): string {
  const body = doc.body;
  if (!body) return '';
  for (const node of Array.from(
    body.querySelectorAll(
      'script, style, noscript, template, nav, header, footer, aside, iframe, [class*="cookie"], [class*="menu"], [id*="menu"], [class*="comment"]',
    ),
  )) {
    node.remove();
  }
  return body.innerHTML;
}

export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const urlHint = httpUrl(options.url) ?? savedFromUrl(html);
  const { document } = parseHTML(html);
  const metadata = readMetadata(document, urlHint);

  // Boilerplate is removed before Readability too, so its scoring is not swayed by it.
  removeBoilerplate(document as unknown as DomRoot);
  const bylineLine = takeByline(document as unknown as DomRoot);
  const reader = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false });
  let parsed: ReturnType<typeof reader.parse> = null;
  try {
    parsed = reader.parse();
  } catch {
    parsed = null; // Readability gives up on some odd DOMs; the fallback below still finds the text.
  }
  let content = parsed?.content ?? '';
  if (!htmlToText(content).trim()) {
    const { document: again } = parseHTML(html);
    removeBoilerplate(again as unknown as DomRoot);
    takeByline(again as unknown as DomRoot);
    content = fallbackContent(again);
  }

  const { document: contentDoc } = parseHTML(`<!DOCTYPE html><html><body>${content}</body></html>`);
  removeBoilerplate(contentDoc as unknown as DomRoot);
  const title = metadata.title ?? (parsed?.title?.trim() || null);
  dropTitleHeading(
    contentDoc as unknown as DomRoot & { querySelector(selector: string): DomElement | null },
    title,
  );
  const cleanHtml = sanitizeHtml(contentDoc.body?.innerHTML ?? '', { baseUrl: metadata.url ?? urlHint });

  const byline =
    (parsed?.byline ?? bylineLine ?? '')
      .replace(/^\s*by\s+/i, '')
      .split(/\s[·|•]\s/)[0]
      ?.trim() || null;
  const readabilityTime = parseLooseDate(parsed?.publishedTime ?? null);
  return {
    ...metadata,
    title,
    author: metadata.author ?? byline,
    siteName: metadata.siteName ?? (parsed?.siteName?.trim() || null),
    publishedAt: metadata.publishedAt ?? readabilityTime?.ms ?? null,
    publishedZoneKnown:
      metadata.publishedAt !== null ? metadata.publishedZoneKnown : (readabilityTime?.zoneKnown ?? true),
    lang: metadata.lang ?? primaryLanguage(parsed?.lang),
    html: cleanHtml,
    text: htmlToText(cleanHtml),
  };
}
