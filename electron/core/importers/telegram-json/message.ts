// One message of a Telegram Desktop JSON export → one item record (or a skip for service messages).
import type { ImportRecord, ImporterContext, ItemRecord, MediaRef } from '../types';
import { flattenMessageText } from './text';
import { messageTime } from '../telegram/dates';
import { mediaKind, mediaRef } from '../telegram/media';

export interface ChatInfo {
  id: string;
  name: string;
  type: string;
  /** The source key items of this chat are stored under. */
  sourceKey: string;
  /** t.me username for permalinks, when the analyst gave one. */
  username: string | null;
}

/** Chat types whose messages have t.me/c/<id>/<msg> links (channels and supergroups). */
const LINKABLE = new Set(['public_channel', 'private_channel', 'public_supergroup', 'private_supergroup']);

export function permalink(chat: ChatInfo, messageId: string): string | null {
  if (chat.username) return `https://t.me/${chat.username}/${messageId}`;
  if (LINKABLE.has(chat.type) && /^\d+$/.test(chat.id)) return `https://t.me/c/${chat.id}/${messageId}`;
  return null;
}

type Raw = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function reactionsOf(raw: unknown): ItemRecord['reactions'] {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const out: { emoji: string; count: number }[] = [];
  for (const r of raw as Raw[]) {
    if (!r || typeof r !== 'object') continue;
    const count = num(r.count);
    if (count === undefined) continue;
    const emoji =
      str(r.emoji) ??
      (r.type === 'custom_emoji' ? '(custom)' : r.type === 'paid' ? '⭐' : String(r.type ?? '?'));
    out.push({ emoji, count });
  }
  return out.length > 0 ? out : null;
}

async function mediaOf(m: Raw, ctx: ImporterContext): Promise<MediaRef[]> {
  const media: MediaRef[] = [];
  const copy = (rel: string) => ctx.copyMedia(rel);
  const photo = str(m.photo);
  if (photo) {
    media.push(
      await mediaRef('photo', photo, null, copy, {
        width: num(m.width),
        height: num(m.height),
        mime: 'image/jpeg',
      }),
    );
  }
  const file = str(m.file);
  if (file) {
    const kind =
      m.media_type === undefined && str(m.mime_type)?.startsWith('image/')
        ? 'image'
        : mediaKind(m.media_type);
    media.push(
      await mediaRef(kind, file, str(m.file_name), copy, {
        mime: str(m.mime_type),
        width: num(m.width),
        height: num(m.height),
      }),
    );
  }
  return media;
}

/** Keys worth keeping in `extra` as they are (small, format-specific). */
const EXTRA_KEYS = [
  'poll',
  'from_id',
  'author',
  'via_bot',
  'saved_from',
  'location_information',
  'contact_information',
  'sticker_emoji',
  'duration_seconds',
  'media_type',
  'place_name',
  'address',
];

/** Maps one raw message. `warn` collects per-message notes for the import report. */
export async function messageRecord(
  m: Raw,
  chat: ChatInfo,
  ctx: ImporterContext,
  warn: (message: string) => void,
): Promise<ImportRecord> {
  const rawId = m.id;
  if (typeof rawId !== 'number' && typeof rawId !== 'string')
    return { type: 'skipped', reason: 'message without an id' };
  const id = String(rawId);
  if (m.type !== 'message')
    return { type: 'skipped', reason: `service message (${String(m.action ?? m.type)})` };
  const time = messageTime(m.date_unixtime, m.date);
  const edited = messageTime(m.edited_unixtime, m.edited);
  const flat = flattenMessageText(m.text, m.text_entities);
  if (flat.droppedLinks > 0)
    warn(
      `${chat.name} message ${id}: ${flat.droppedLinks} link(s) with an unsafe address (not http, https or mailto) dropped`,
    );
  const extra: Record<string, unknown> = {};
  for (const key of EXTRA_KEYS) if (m[key] !== undefined) extra[key] = m[key];
  const replyTo = m.reply_to_message_id;
  const item: ItemRecord = {
    kind: 'post',
    externalId: id,
    url: permalink(chat, id),
    author: str(m.from) ?? str(m.actor),
    channel: chat.name,
    publishedAt: time?.at ?? null,
    timeZoneUnknown: time?.zoneUnknown ?? false,
    text: flat.text,
    entities: flat.entities,
    media: await mediaOf(m, ctx),
    replyToExternalId: typeof replyTo === 'number' || typeof replyTo === 'string' ? String(replyTo) : null,
    forwardedFrom: str(m.forwarded_from),
    editedAt: edited?.at ?? null,
    reactions: reactionsOf(m.reactions),
    extra,
  };
  return { type: 'item', sourceKey: chat.sourceKey, item };
}
