// Plain text + entity spans (Telegram's bold, links, hashtags…) → runs the Reader renders as React
// elements. Never HTML: the text is archive content and is only ever placed as text nodes.
//
// Entities may nest or even cross (bold over half a link); cutting the text at every entity edge
// gives pieces that each carry a set of styles, and consecutive pieces inside the same link are
// grouped back into one run so that one link stays one <a>.
import type { ItemEntity } from '../../../../shared/domain';

export type TextStyle =
  'bold' | 'italic' | 'underline' | 'strikethrough' | 'code' | 'pre' | 'spoiler' | 'blockquote';

export type RunTarget =
  { kind: 'url'; href: string } | { kind: 'hashtag'; tag: string } | { kind: 'mention'; name: string };

export interface Piece {
  /** Offset of the piece in the plain text (for mapping selections back, see selection.ts). */
  start: number;
  text: string;
  styles: TextStyle[];
}

export interface Run {
  /** What the run links to, or null for plain (possibly styled) text. */
  target: RunTarget | null;
  pieces: Piece[];
}

const STYLES = new Set<string>([
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
  'pre',
  'spoiler',
  'blockquote',
]);
const LINKISH = new Set<string>([
  'link',
  'text_link',
  'email',
  'hashtag',
  'cashtag',
  'mention',
  'mention_name',
]);

/** An http(s) or mailto URL, normalised; null for anything else (javascript:, data:, file:, junk). */
export function safeHref(raw: string, allowMailto = true): string | null {
  let candidate = raw.trim();
  if (candidate === '') return null;
  // Telegram's "link" entities are the visible text, often without a scheme ("t.me/x").
  if (!/^[a-z][a-z0-9+.-]*:/i.test(candidate)) candidate = `https://${candidate}`;
  try {
    const url = new URL(candidate);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (allowMailto && url.protocol === 'mailto:') return url.href;
  } catch {
    // not a URL at all
  }
  return null;
}

function targetOf(entity: ItemEntity, text: string): RunTarget | null {
  const visible = text.slice(entity.offset, entity.offset + entity.length);
  switch (entity.type) {
    case 'link': {
      const href = safeHref(visible, false);
      return href ? { kind: 'url', href } : null;
    }
    case 'text_link': {
      const href = entity.href ? safeHref(entity.href) : null;
      return href ? { kind: 'url', href } : null;
    }
    case 'email': {
      const href = safeHref(`mailto:${visible.trim()}`);
      return href ? { kind: 'url', href } : null;
    }
    case 'hashtag':
    case 'cashtag':
      return { kind: 'hashtag', tag: visible.trim() };
    case 'mention':
    case 'mention_name':
      return { kind: 'mention', name: visible.trim() };
    default:
      return null;
  }
}

interface Span {
  start: number;
  end: number;
  entity: ItemEntity;
}

function sameTarget(a: RunTarget | null, b: RunTarget | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function entityRuns(text: string, entities: readonly ItemEntity[]): Run[] {
  const spans: Span[] = [];
  for (const e of entities) {
    if (!STYLES.has(e.type) && !LINKISH.has(e.type)) continue;
    const start = Math.max(0, Math.min(text.length, Math.floor(e.offset)));
    const end = Math.max(start, Math.min(text.length, Math.floor(e.offset + e.length)));
    if (end > start) spans.push({ start, end, entity: e });
  }
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    const styles = [
      ...new Set(covering.filter((s) => STYLES.has(s.entity.type)).map((s) => s.entity.type as TextStyle)),
    ].sort();
    // The innermost (shortest) link wins when links nest, which only happens in broken archives.
    const link = covering
      .filter((s) => LINKISH.has(s.entity.type))
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    const target = link ? targetOf(link.entity, text) : null;
    const piece: Piece = { start, text: text.slice(start, end), styles };
    const last = runs[runs.length - 1];
    if (last && sameTarget(last.target, target)) last.pieces.push(piece);
    else runs.push({ target, pieces: [piece] });
  }
  if (runs.length === 0) runs.push({ target: null, pieces: [{ start: 0, text, styles: [] }] });
  return runs;
}
