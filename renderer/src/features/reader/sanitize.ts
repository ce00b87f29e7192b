// The renderer's own pass over article HTML before it reaches the page. The importers already
// sanitized it (DESIGN §5); this second, stricter pass is the one that guards the page: archives
// are hostile input, and the store may hold HTML from an older, laxer Sifter.
//
// Rules: no scripts, no event handlers, no forms or embedded frames, no styles (CSS can load URLs),
// and nothing that loads from the network — remote images keep their alt text and lose their
// source. Links are http(s)/mailto only and open outside the app.
import createDOMPurify from 'dompurify';
import type { Config, DOMPurify, WindowLike } from 'dompurify';
import { safeHref } from './entities';

const FORBID_TAGS = [
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'portal',
  'noscript',
  'template',
  'dialog',
];
const FORBID_ATTR = [
  'style',
  'srcset',
  'poster',
  'background',
  'ping',
  'action',
  'formaction',
  'xlink:href',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'usemap',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

/** Inline images embedded in the HTML itself load nothing from the network; keep those. */
const INLINE_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif);base64,/i;

export interface ArticleSanitizer {
  /** Sanitized HTML as a string (for tests and previews). */
  toHtml(html: string): string;
  /** Sanitized HTML as nodes owned by the page's document, ready to append — no re-parsing. */
  toFragment(html: string): DocumentFragment;
}

function installHooks(purify: DOMPurify): void {
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (typeof el.getAttribute !== 'function') return;
    const tag = el.tagName.toLowerCase();

    if (el.hasAttribute('href')) {
      const href = safeHref(el.getAttribute('href') ?? '');
      // Relative links point into a site the archive does not hold: keep the text, drop the link.
      if (href && /^(https?|mailto):/i.test(el.getAttribute('href')?.trim() ?? '')) {
        el.setAttribute('href', href);
        if (tag === 'a') {
          el.setAttribute('target', '_blank');
          el.setAttribute('rel', 'noopener noreferrer');
        }
      } else {
        el.removeAttribute('href');
      }
    }

    if (tag === 'img') {
      const src = el.getAttribute('src') ?? '';
      if (!INLINE_IMAGE.test(src.trim())) {
        el.removeAttribute('src');
        el.setAttribute('data-remote-image', 'blocked');
        if (!el.getAttribute('alt')) el.setAttribute('alt', 'Remote image not loaded');
      }
    } else if (el.hasAttribute('src')) {
      el.removeAttribute('src');
    }
  });
}

export function createArticleSanitizer(root?: WindowLike): ArticleSanitizer {
  const purify = root ? createDOMPurify(root) : createDOMPurify();
  installHooks(purify);
  return {
    toHtml: (html) => purify.sanitize(html, CONFIG),
    toFragment: (html) => purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }),
  };
}

let pageSanitizer: ArticleSanitizer | null = null;

/** The sanitizer bound to the page's window (created on first use). */
export function articleSanitizer(): ArticleSanitizer {
  pageSanitizer ??= createArticleSanitizer();
  return pageSanitizer;
}
