// One tweet of an X/Twitter archive as an item. full_text arrives HTML-escaped (&amp; &lt; &gt;),
// its entity indices count code points (and, in archives, are not always exact), so each entity
// is located in the decoded text by what it must read (the t.co link, #tag, @name) nearest to
// the index the API gave, then t.co links are replaced by the addresses they stand for.
import { decodeBasicEntities } from '../html-text';
import { parseLooseDate } from '../loose-date';
import type { ItemRecord, MediaRef, TextEntity } from '../types';

export type Json = Record<string, unknown>;

export interface Account {
  username: string;
  displayName: string | null;
  id: string | null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function count(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isFinite(n) ? n : null;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The tweet object of an archive entry (`{ "tweet": { … } }`, or the bare object in old archives). */
export function tweetOf(entry: unknown): Json | null {
  if (!isObject(entry)) return null;
  return isObject(entry.tweet) ? entry.tweet : entry;
}

/** UTF-16 offset of the code point at `index` (API indices count code points). */
function utf16Offset(text: string, codePointIndex: number): number {
  let offset = 0;
  let seen = 0;
  for (const char of text) {
    if (seen >= codePointIndex) break;
    offset += char.length;
    seen++;
  }
  return offset;
}

interface Located {
  type: TextEntity['type'];
  start: number;
  end: number;
  href?: string;
  /** For t.co links: what the text should read instead. */
  replacement?: string;
  media?: true;
}

/** Finds `needle` in `text` (case-insensitively) at the free position nearest to `near`. */
function locate(text: string, needle: string, near: number, taken: Located[]): number | null {
  if (!needle) return null;
  const haystack = text.toLowerCase();
  const target = needle.toLowerCase();
  let best: number | null = null;
  for (let at = haystack.indexOf(target); at !== -1; at = haystack.indexOf(target, at + 1)) {
    const end = at + target.length;
    if (taken.some((t) => at < t.end && end > t.start)) continue;
    if (best === null || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

function firstIndex(entity: Json): number {
  const indices = Array.isArray(entity.indices) ? entity.indices : [];
  return count(indices[0]) ?? 0;
}

function httpHref(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Decoded text and its entities, with t.co links expanded and media links removed. */
export function tweetText(tweet: Json): { text: string; entities: TextEntity[] } {
  const raw = str(tweet.full_text) ?? str(tweet.text) ?? '';
  const text = decodeBasicEntities(raw);
  const entities = isObject(tweet.entities) ? tweet.entities : {};
  const extended = isObject(tweet.extended_entities) ? tweet.extended_entities : {};
  const found: Located[] = [];
  const place = (
    entity: Json,
    needle: string | null,
    make: (start: number, end: number) => Located,
  ): void => {
    if (!needle) return;
    const at = locate(text, needle, utf16Offset(text, firstIndex(entity)), found);
    if (at !== null) found.push(make(at, at + needle.length));
  };
  for (const url of list(entities.urls)) {
    const tco = str(url.url);
    const expanded = httpHref(str(url.expanded_url));
    place(url, tco, (start, end) => ({
      type: 'link',
      start,
      end,
      href: expanded ?? httpHref(tco) ?? undefined,
      replacement: expanded ?? undefined,
    }));
  }
  const media = [...list(extended.media), ...list(entities.media)];
  for (const item of media)
    place(item, str(item.url), (start, end) => ({ type: 'link', start, end, media: true }));
  for (const tag of list(entities.hashtags)) {
    const name = str(tag.text);
    place(tag, name && `#${name}`, (start, end) => ({ type: 'hashtag', start, end }));
  }
  for (const symbol of list(entities.symbols)) {
    const name = str(symbol.text);
    place(symbol, name && `$${name}`, (start, end) => ({ type: 'cashtag', start, end }));
  }
  for (const mention of list(entities.user_mentions)) {
    const name = str(mention.screen_name);
    place(mention, name && `@${name}`, (start, end) => ({
      type: 'mention',
      start,
      end,
      href: name ? `https://x.com/${name}` : undefined,
    }));
  }

  // Rebuild the text left to right, replacing t.co links and dropping media links.
  found.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  const result: TextEntity[] = [];
  for (const entity of found) {
    out += text.slice(cursor, entity.start);
    cursor = entity.end;
    if (entity.media) continue;
    const surface = entity.replacement ?? text.slice(entity.start, entity.end);
    const offset = out.length;
    out += surface;
    const record: TextEntity = { type: entity.type, offset, length: surface.length };
    if (entity.href) record.href = entity.href;
    result.push(record);
  }
  out += text.slice(cursor);
  const trimmed = out.replace(/\s+$/, '');
  return { text: trimmed, entities: result.filter((e) => e.offset + e.length <= trimmed.length) };
}

const MEDIA_KINDS: Record<string, MediaRef['kind']> = {
  photo: 'photo',
  video: 'video',
  animated_gif: 'animation',
};

/** The tweet's media, as the archive's tweets_media/ folder (beside tweets.js) names them. */
export async function tweetMedia(
  tweet: Json,
  id: string,
  copy: (relative: string) => Promise<string | null>,
): Promise<MediaRef[]> {
  const extended = isObject(tweet.extended_entities)
    ? tweet.extended_entities
    : isObject(tweet.entities)
      ? tweet.entities
      : {};
  const refs: MediaRef[] = [];
  for (const media of list(extended.media)) {
    const remote = str(media.media_url_https) ?? str(media.media_url);
    const base = remote?.split('/').pop()?.split('?')[0] ?? null;
    if (!base || !/^[\w.-]+$/.test(base)) continue;
    const name = `${id}-${base}`;
    const stored = await copy(`tweets_media/${name}`);
    refs.push({
      kind: MEDIA_KINDS[str(media.type) ?? ''] ?? 'image',
      path: stored,
      name,
      missing: stored === null,
    });
  }
  return refs;
}

/** X's language tags that are not ISO 639-1 codes. */
const LANG_FIXES: Record<string, string> = { in: 'id', iw: 'he', ji: 'yi' };

export function tweetItem(tweet: Json, id: string, account: Account | null): ItemRecord {
  const { text, entities } = tweetText(tweet);
  const date = parseLooseDate(str(tweet.created_at));
  const lang = str(tweet.lang);
  const retweet = /^RT @(\w{1,15}):/.exec(text);
  const favorites = count(tweet.favorite_count);
  const retweets = count(tweet.retweet_count);
  const item: ItemRecord = {
    kind: 'tweet',
    externalId: id,
    url: account ? `https://x.com/${account.username}/status/${id}` : `https://x.com/i/web/status/${id}`,
    author: account ? `@${account.username}` : null,
    channel: account ? (account.displayName ?? `@${account.username}`) : null,
    publishedAt: date?.ms ?? null,
    lang: lang && /^[a-z]{2}$/.test(lang) ? (LANG_FIXES[lang] ?? lang) : null,
    text,
    entities,
    replyToExternalId: str(tweet.in_reply_to_status_id_str) ?? str(tweet.in_reply_to_status_id),
    forwardedFrom: retweet ? `@${retweet[1]}` : null,
    extra: {
      ...(favorites !== null ? { favoriteCount: favorites } : {}),
      ...(retweets !== null ? { retweetCount: retweets } : {}),
      ...(str(tweet.in_reply_to_screen_name) ? { inReplyToUser: str(tweet.in_reply_to_screen_name) } : {}),
      ...(retweet ? { retweet: true } : {}),
      ...(tweet.possibly_sensitive === true ? { possiblySensitive: true } : {}),
    },
  };
  if (date && !date.zoneKnown) item.timeZoneUnknown = true;
  return item;
}
