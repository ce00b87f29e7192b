// Telegram Desktop HTML export: messages.html, messages2.html… of one chat, read as one import.
// Each page is parsed with linkedom (a DOM built as data: no script runs, nothing loads).
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import type { ImportRecord, Importer, ImporterContext, InputFile, ItemRecord, MediaRef } from '../types';
import { ImportError } from '../errors';
import { fromHtmlTitle } from '../telegram/dates';
import { mediaRef } from '../telegram/media';
import { htmlText, type NodeLike } from './text';

/** Telegram's HTML pages: "Exported Data" title, a page_wrap with a history of messages. */
export function looksLikeTelegramHtml(head: string): boolean {
  return (
    /<div class="page_wrap">/.test(head) &&
    /class="history"/.test(head) &&
    /class="message (?:default|service)/.test(head)
  );
}

/** The page number of messages.html (1), messages2.html (2)…; null for other names. */
export function htmlPageNumber(name: string): number | null {
  const m = /^messages(\d*)\.html?$/i.exec(name);
  if (!m) return null;
  return m[1] ? Number(m[1]) : 1;
}

export const telegramHtmlImporter: Importer = {
  format: 'telegram-html',
  label: 'Telegram Desktop export (HTML)',
  detect: ({ head }) => looksLikeTelegramHtml(head.toString('utf8')),
  parse: parseTelegramHtml,
};

type El = Element & NodeLike;

const MEDIA_CLASSES: [string, MediaRef['kind']][] = [
  ['photo_wrap', 'photo'],
  ['media_photo', 'photo'],
  ['video_file_wrap', 'video'],
  ['media_video', 'video'],
  ['video_message', 'video'],
  ['animated_wrap', 'animation'],
  ['media_voice_message', 'voice'],
  ['media_audio_file', 'audio'],
  ['sticker_wrap', 'sticker'],
  ['media_file', 'file'],
];

function kindOf(el: Element): MediaRef['kind'] {
  for (const [cls, kind] of MEDIA_CLASSES) if (el.classList.contains(cls)) return kind;
  return 'file';
}

function directChild(el: Element, cls: string): Element | null {
  for (const child of Array.from(el.children)) if (child.classList.contains(cls)) return child;
  return null;
}

const clean = (s: string | null | undefined): string | null => {
  const v = (s ?? '').replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
};

async function mediaOf(body: Element, ctx: ImporterContext): Promise<MediaRef[]> {
  const out: MediaRef[] = [];
  for (const wrap of Array.from(body.querySelectorAll('.media_wrap'))) {
    const link = wrap.querySelector('a[href]');
    const href = link?.getAttribute('href') ?? '';
    const target = link ?? wrap.querySelector('.media') ?? wrap;
    const kind = kindOf(target);
    if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#')) {
      let path = href;
      try {
        path = decodeURI(href);
      } catch {
        // a malformed %-escape: keep the reference as written
      }
      out.push(await mediaRef(kind, path, null, (rel) => ctx.copyMedia(rel)));
    } else {
      const media = wrap.querySelector('.media');
      if (media)
        out.push({
          kind: kindOf(media),
          path: null,
          name: clean(media.querySelector('.title')?.textContent),
          missing: true,
        });
    }
  }
  return out;
}

async function* parseTelegramHtml(file: InputFile, ctx: ImporterContext): AsyncGenerator<ImportRecord> {
  const pages = [file, ...(file.parts ?? [])];
  let source: { key: string; name: string } | null = null;
  let lastFrom: string | null = null;
  let bytes = 0;
  let posts = 0;
  for (const page of pages) {
    ctx.signal.throwIfAborted();
    const raw = await readFile(page.path);
    const html = new TextDecoder('utf-8').decode(raw);
    const { document } = parseHTML(html);
    if (!document.querySelector('.history'))
      throw new ImportError(page.displayName, 'not a page of a Telegram HTML export (no message history)');
    if (!source) {
      const name = clean(document.querySelector('.page_header .text')?.textContent) ?? 'Telegram chat';
      source = { key: `telegram-html:${name}`, name };
      const username = ctx.options.username ?? null;
      yield {
        type: 'source',
        source: {
          key: source.key,
          kind: 'telegram',
          name,
          username,
          url: username ? `https://t.me/${username}` : null,
          meta: { export: 'html' },
        },
      };
    }
    for (const el of Array.from(document.querySelectorAll('.history > .message')) as El[]) {
      const idMatch = /^message(-?\d+)$/.exec(el.id);
      if (!idMatch) continue;
      const id = idMatch[1]!;
      if (el.classList.contains('service')) {
        // Negative ids are the exporter's date separators, not messages of the chat.
        if (!id.startsWith('-')) yield { type: 'skipped', reason: 'service message' };
        continue;
      }
      const body = directChild(el, 'body');
      if (!body) continue;
      const time = fromHtmlTitle(body.querySelector('.date.details')?.getAttribute('title'));
      const fromEl = directChild(body, 'from_name');
      if (fromEl) {
        // "via @bot" and the forward date live in nested spans: the sender is the first text.
        lastFrom =
          clean(
            Array.from(fromEl.childNodes)
              .filter((n) => n.nodeType === 3)
              .map((n) => n.textContent)
              .join(' '),
          ) ?? clean(fromEl.textContent);
      } else if (!el.classList.contains('joined')) {
        lastFrom = null;
      }
      const forwarded = directChild(body, 'forwarded');
      const textHolder = forwarded ?? body;
      const textEl = directChild(textHolder, 'text') as El | null;
      const flat = textEl ? htmlText(textEl) : { text: '', entities: [], droppedLinks: 0 };
      if (flat.droppedLinks > 0)
        yield {
          type: 'warning',
          message: `${page.displayName} message ${id}: ${flat.droppedLinks} link(s) with an unsafe address dropped`,
        };
      const replyHref = directChild(body, 'reply_to')?.querySelector('a')?.getAttribute('href') ?? '';
      const replyTo = /go_to_message(\d+)/.exec(replyHref)?.[1] ?? null;
      const forwardedFrom = forwarded
        ? clean(
            Array.from(directChild(forwarded, 'from_name')?.childNodes ?? [])
              .filter((n) => n.nodeType === 3)
              .map((n) => n.textContent)
              .join(' '),
          )
        : null;
      const username = ctx.options.username ?? null;
      const item: ItemRecord = {
        kind: 'post',
        externalId: id,
        url: username ? `https://t.me/${username}/${id}` : null,
        author: lastFrom,
        channel: source.name,
        publishedAt: time?.at ?? null,
        timeZoneUnknown: time?.zoneUnknown ?? false,
        text: flat.text,
        entities: flat.entities,
        media: await mediaOf(textHolder, ctx),
        replyToExternalId: replyTo,
        forwardedFrom,
        extra: { page: page.displayName },
      };
      posts++;
      yield { type: 'item', sourceKey: source.key, item };
    }
    bytes += raw.length;
    ctx.reportBytes(bytes);
  }
  if (posts === 0 && !source) throw new ImportError(file.displayName, 'no messages found');
}
