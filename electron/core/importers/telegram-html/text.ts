// The `.text` block of a Telegram HTML export message → plain text and entity spans. The markup is
// read as data (linkedom builds a tree, nothing runs); only the formatting Telegram writes is kept.
import type { TextEntity } from '../types';
import { hrefForLinkText, safeHref } from '../links';

/** The DOM node shape we walk (linkedom nodes satisfy it). */
export interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?(name: string): string | null;
  classList?: { contains(name: string): boolean };
}

const TAG_ENTITY: Record<string, TextEntity['type']> = {
  STRONG: 'bold',
  B: 'bold',
  EM: 'italic',
  I: 'italic',
  U: 'underline',
  S: 'strikethrough',
  STRIKE: 'strikethrough',
  DEL: 'strikethrough',
  CODE: 'code',
  PRE: 'pre',
  BLOCKQUOTE: 'blockquote',
};

export interface HtmlText {
  text: string;
  entities: TextEntity[];
  droppedLinks: number;
}

export function htmlText(root: NodeLike): HtmlText {
  let text = '';
  const entities: TextEntity[] = [];
  let droppedLinks = 0;

  const walk = (node: NodeLike): void => {
    if (node.nodeType === 3) {
      text += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (tag === 'BR') {
      text += '\n';
      return;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'IFRAME' || tag === 'OBJECT' || tag === 'EMBED')
      return;
    const start = text.length;
    for (const child of Array.from(node.childNodes)) walk(child);
    const length = text.length - start;
    if (length === 0) return;
    const piece = text.slice(start);
    let type: TextEntity['type'] | undefined = TAG_ENTITY[tag];
    let href: string | undefined;
    if (tag === 'SPAN' && node.classList?.contains('spoiler')) type = 'spoiler';
    if (tag === 'A') {
      const rawHref = node.getAttribute?.('href') ?? '';
      const onclick = node.getAttribute?.('onclick') ?? '';
      if (/^#/.test(piece) && (rawHref === '' || /ShowHashtag/.test(onclick))) type = 'hashtag';
      else if (/^\$/.test(piece) && /ShowCashtag/.test(onclick)) type = 'cashtag';
      else if (/^@\w/.test(piece)) type = 'mention';
      else if (/^\/\w/.test(piece) && /SendCommand|ShowBotCommand/.test(onclick)) type = 'bot_command';
      else if (/^mailto:/i.test(rawHref)) {
        type = 'email';
        href = safeHref(rawHref) ?? undefined;
      } else if (/^tel:/i.test(rawHref)) type = 'phone';
      else {
        const safe = safeHref(rawHref);
        if (!safe) {
          if (rawHref !== '') droppedLinks++;
          return; // words kept, unsafe or empty target dropped
        }
        const same = hrefForLinkText(piece) === safe || piece.trim() === rawHref.trim();
        type = same ? 'link' : 'text_link';
        href = safe;
      }
    }
    if (type) entities.push(href ? { type, offset: start, length, href } : { type, offset: start, length });
  };
  for (const child of Array.from(root.childNodes)) walk(child);

  // The exporter indents block contents; trim and shift the spans to match.
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const spans = entities
    .map((e) => {
      const startAt = Math.max(0, e.offset - lead);
      const endAt = Math.min(trimmed.length, e.offset + e.length - lead);
      return { ...e, offset: startAt, length: endAt - startAt };
    })
    .filter((e) => e.length > 0)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: trimmed, entities: spans, droppedLinks };
}
