// Links, hashtags and mentions in a translated sentence. Engine output is untrusted plain text
// with no entities of its own, so they are found again in the text and rendered as React
// elements (never HTML): http(s) links open outside the app, hashtags and mentions search.
import { safeHref, type RunTarget } from '../reader/entities';

export interface LinkRun {
  /** Offset of the run within the text it was cut from. */
  start: number;
  text: string;
  target: RunTarget | null;
}

// A URL with a scheme, or a bare t.me / www. address; then a #hashtag or an @mention that does
// not follow a letter (so "user@example.org" is no mention and "C#" no hashtag).
const PATTERN =
  /(\bhttps?:\/\/[^\s<>"']+|\b(?:t\.me|www\.)[^\s<>"']+)|((?<![\p{L}\p{N}_&/])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)|((?<![\p{L}\p{N}_.@/])@[A-Za-z][A-Za-z0-9_]{2,31}\b)/gu;

/** Punctuation that ends a sentence rather than the link it follows ("see https://x.org/a."). */
const TRAILING = /[.,;:!?…)\]»"'”’]+$/u;

export function linkify(text: string): LinkRun[] {
  const runs: LinkRun[] = [];
  let at = 0;
  const plain = (end: number) => {
    if (end > at) runs.push({ start: at, text: text.slice(at, end), target: null });
  };
  for (const match of text.matchAll(PATTERN)) {
    const index = match.index;
    let found = match[0];
    let target: RunTarget | null = null;
    if (match[1]) {
      // Keep a closing bracket when the link itself opened one (Wikipedia-style addresses).
      const trimmed = found.replace(TRAILING, '');
      found = /\([^)]*$/.test(trimmed) && found.startsWith(`${trimmed})`) ? `${trimmed})` : trimmed;
      const href = safeHref(found, false);
      target = href ? { kind: 'url', href } : null;
    } else if (match[2]) {
      target = { kind: 'hashtag', tag: found };
    } else if (match[3]) {
      target = { kind: 'mention', name: found };
    }
    if (!target || found === '') continue;
    plain(index);
    runs.push({ start: index, text: found, target });
    at = index + found.length;
  }
  plain(text.length);
  return runs;
}

/**
 * Links hidden behind words of the original sentence [start, end) — Telegram's text links
 * ("details" pointing somewhere) — which a translation cannot carry as text. The column shows them
 * after the translated sentence so they stay one click away. http(s) only, each once.
 */
export function hiddenLinks(
  entities: readonly { type: string; offset: number; length: number; href?: string }[],
  start: number,
  end: number,
): string[] {
  const links: string[] = [];
  for (const e of entities) {
    if (e.type !== 'text_link' || !e.href || e.offset < start || e.offset >= end) continue;
    const href = safeHref(e.href, false);
    if (href && !links.includes(href)) links.push(href);
  }
  return links;
}
