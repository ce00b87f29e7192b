// Telegram's `text` (a string, or an array of strings and entity objects) and `text_entities`
// (an array of typed parts) flattened to plain text plus entity spans. Offsets are UTF-16 code
// units, the unit JavaScript strings and the renderer use, so an emoji counts as two.
import type { TextEntity } from '../types';
import { hrefForLinkText, safeHref } from '../links';

/** Telegram entity types that become spans; anything else (plain, unknown) is plain text. */
const SPAN_TYPES: ReadonlySet<string> = new Set<TextEntity['type']>([
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
  'pre',
  'spoiler',
  'blockquote',
  'link',
  'text_link',
  'hashtag',
  'cashtag',
  'mention',
  'mention_name',
  'email',
  'phone',
  'bot_command',
  'custom_emoji',
]);

export interface FlatText {
  text: string;
  entities: TextEntity[];
  /** Links dropped because their target was not http(s)/mailto (e.g. `javascript:`). */
  droppedLinks: number;
}

type Part =
  string | { type?: unknown; text?: unknown; href?: unknown; collapsed?: unknown } | null | undefined;

function partText(part: Part): string {
  if (typeof part === 'string') return part;
  if (part && typeof part === 'object' && typeof part.text === 'string') return part.text;
  return '';
}

/** Flattens a list of parts (the `text` array or `text_entities`) into text and spans. */
export function flattenParts(parts: readonly Part[]): FlatText {
  let text = '';
  const entities: TextEntity[] = [];
  let droppedLinks = 0;
  for (const part of parts) {
    const piece = partText(part);
    const offset = text.length;
    text += piece;
    if (typeof part !== 'object' || part === null || piece.length === 0) continue;
    const type = typeof part.type === 'string' ? part.type : 'plain';
    if (type === 'plain' || !SPAN_TYPES.has(type)) continue;
    const entity: TextEntity = { type: type as TextEntity['type'], offset, length: piece.length };
    if (type === 'text_link') {
      const href = safeHref(typeof part.href === 'string' ? part.href : null);
      if (!href) {
        droppedLinks++;
        continue; // the words stay as plain text; the unsafe target is gone
      }
      entity.href = href;
    } else if (type === 'link') {
      const href = hrefForLinkText(piece);
      if (!href) {
        droppedLinks++;
        continue;
      }
      entity.href = href;
    } else if (type === 'email') {
      const href = safeHref(`mailto:${piece.trim()}`);
      if (href) entity.href = href;
    }
    entities.push(entity);
  }
  return { text, entities, droppedLinks };
}

/**
 * A message's text and spans. `text_entities` (newer exports) is preferred when it is present and
 * says anything; otherwise `text` is used, whether a string or an array.
 */
export function flattenMessageText(text: unknown, textEntities: unknown): FlatText {
  if (Array.isArray(textEntities) && textEntities.length > 0) {
    const flat = flattenParts(textEntities as Part[]);
    if (flat.text.length > 0) return flat;
  }
  if (typeof text === 'string') return { text, entities: [], droppedLinks: 0 };
  if (Array.isArray(text)) return flattenParts(text as Part[]);
  return { text: '', entities: [], droppedLinks: 0 };
}
