// A collected post (one NDJSON record) as an item. Collectors name fields differently; the first
// field present from each list below is used, and whatever is not mapped is kept in `extra`.
import { createHash } from 'node:crypto';
import { parseLooseDate, parseUnixTime } from '../loose-date';
import { httpUrl } from '../article/metadata';
import { languageCode } from '../csv/fields';
import type { ItemRecord, SourceRecord } from '../types';

type Json = Record<string, unknown>;

const KEYS = {
  id: ['id', 'message_id', 'msg_id', 'post_id', 'tweet_id', 'status_id'],
  channel: [
    'channel',
    'chat',
    'channel_username',
    'chat_username',
    'username',
    'peer',
    'account',
    'channel_name',
    'chat_name',
  ],
  author: ['author', 'from', 'from_name', 'sender', 'sender_name', 'user', 'post_author', 'signature'],
  unixDate: ['unix_timestamp', 'date_unixtime', 'timestamp_unix', 'unixtime'],
  date: ['date', 'timestamp', 'created_at', 'published_at', 'published', 'datetime', 'time', 'posted_at'],
  text: ['text', 'message', 'body', 'content', 'full_text', 'caption', 'post_text'],
  title: ['title', 'headline'],
  url: ['url', 'permalink', 'post_url', 'link', 'message_url'],
  forwardedFrom: [
    'forwarded_from',
    'fwd_from',
    'forward_from',
    'author_forwarded_from_name',
    'forwarded_from_name',
  ],
  replyTo: ['reply_to_message_id', 'reply_to_msg_id', 'reply_to_id', 'reply_to'],
  reactions: ['reactions'],
  lang: ['lang', 'language'],
  edited: ['edit_date', 'edited', 'edited_at', 'edit_date_unixtime'],
} as const;

/** Field names that make a JSON object look like a post (for detection). */
export const TEXT_KEYS: readonly string[] = KEYS.text;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): boolean {
  return (
    value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)
  );
}

/** The first present field of a list, and the key it came from. */
function pick(record: Json, keys: readonly string[], used: Set<string>): unknown {
  for (const key of keys) {
    if (key in record && nonEmpty(record[key])) {
      used.add(key);
      return record[key];
    }
  }
  return undefined;
}

function asName(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (isObject(value)) return asName(value.username ?? value.name ?? value.title ?? value.first_name);
  return null;
}

function asId(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (isObject(value)) return asId(value.message_id ?? value.id);
  return null;
}

/** Text as collectors write it: a string, or Telegram's array of strings and `{type, text}` parts. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value
      .map((part) =>
        typeof part === 'string' ? part : isObject(part) && typeof part.text === 'string' ? part.text : '',
      )
      .join('');
  return '';
}

function asDate(value: unknown): { ms: number; zoneKnown: boolean } | null {
  if (typeof value === 'number') {
    const ms = parseUnixTime(value);
    return ms === null ? null : { ms, zoneKnown: true };
  }
  return parseLooseDate(value);
}

/** Reactions as `"👍 120, 😢 8"`, `[{emoji, count}]` or `{ "👍": 120 }`. */
export function asReactions(value: unknown): { emoji: string; count: number }[] | null {
  const out: { emoji: string; count: number }[] = [];
  if (typeof value === 'string') {
    for (const part of value.split(/[,;]/)) {
      const match = /^\s*(\S+?)\s*[:x×]?\s*(\d+)\s*$/u.exec(part);
      if (match?.[1] && match[2]) out.push({ emoji: match[1], count: Number(match[2]) });
    }
  } else if (Array.isArray(value)) {
    for (const entry of value) {
      if (!isObject(entry)) continue;
      const emoji = asName(entry.emoji ?? entry.reaction);
      const count = Number(entry.count);
      if (emoji && Number.isFinite(count)) out.push({ emoji, count });
    }
  } else if (isObject(value)) {
    for (const [emoji, count] of Object.entries(value))
      if (typeof count === 'number') out.push({ emoji, count });
  }
  return out.length ? out : null;
}

const TELEGRAM_USERNAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

export function postSource(channel: string | null, fileName: string): SourceRecord {
  if (!channel) return { key: `ndjson:${fileName}`, kind: 'ndjson', name: fileName };
  return {
    key: `ndjson:${channel}`,
    kind: 'ndjson',
    name: channel,
    username: TELEGRAM_USERNAME.test(channel) ? channel : null,
  };
}

export function postChannel(record: Json): string | null {
  return asName(pick(record, KEYS.channel, new Set()));
}

export function postItem(record: Json, lineText: string): ItemRecord | null {
  const used = new Set<string>();
  const id = asId(pick(record, KEYS.id, used));
  const channel = asName(pick(record, KEYS.channel, used));
  const author = asName(pick(record, KEYS.author, used));
  const unix = pick(record, KEYS.unixDate, used);
  const dateValue = unix !== undefined ? unix : pick(record, KEYS.date, used);
  // The zone-less local time beside a unix timestamp is the same instant: keep it as written.
  if (unix !== undefined) pick(record, KEYS.date, new Set());
  const date = asDate(typeof unix === 'string' ? Number(unix) : dateValue);
  const text = asText(pick(record, KEYS.text, used)).trim();
  const title = asName(pick(record, KEYS.title, used));
  if (!text && !title) return null;
  const rawUrl = asName(pick(record, KEYS.url, used));
  const forwarded = asName(pick(record, KEYS.forwardedFrom, used));
  const replyTo = asId(pick(record, KEYS.replyTo, used));
  const reactions = asReactions(pick(record, KEYS.reactions, used));
  const lang = languageCode(asName(pick(record, KEYS.lang, used)));
  const edited = asDate(pick(record, KEYS.edited, used));
  // Collected channel posts with a numeric id are Telegram messages: t.me/<channel>/<id>.
  const url =
    httpUrl(rawUrl) ??
    (channel && id && /^\d+$/.test(id) && TELEGRAM_USERNAME.test(channel)
      ? `https://t.me/${channel}/${id}`
      : null);

  const extra: Json = {};
  for (const [key, value] of Object.entries(record)) {
    if (!used.has(key) && nonEmpty(value)) extra[key] = value;
  }
  const item: ItemRecord = {
    kind: 'post',
    externalId: id ?? `sha256:${createHash('sha256').update(lineText).digest('hex')}`,
    url,
    title,
    author,
    channel,
    publishedAt: date?.ms ?? null,
    lang,
    text: text || (title ?? ''),
    forwardedFrom: forwarded,
    replyToExternalId: replyTo,
    reactions,
    editedAt: edited?.ms ?? null,
    extra,
  };
  if (date && !date.zoneKnown) item.timeZoneUnknown = true;
  return item;
}
