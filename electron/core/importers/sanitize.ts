// Sanitizing of imported HTML (articles, feed entries) before it is stored. Imported HTML is
// hostile by default: it must never run script, submit a form, or load anything remote when the
// reader shows it — not even a tracking pixel or a CSS background. DOMPurify does the parsing-level
// work (on jsdom here, since core runs in plain Node); the config below narrows it to plain
// document structure, and the hooks make links absolute http(s)/mailto or drop them.
import createDOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';

/**
 * Elements removed: active, embedding, form and remote-loading ones. Their text stays only where it
 * can be content (a <label>'s or <button>'s does not: see FORBID_CONTENTS).
 */
// prettier-ignore
const FORBID_TAGS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'portal', 'form', 'input', 'button', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'output',
  'label', 'fieldset', 'legend', 'img', 'picture', 'source', 'video', 'audio', 'track', 'map', 'area',
  'link', 'meta', 'base', 'canvas', 'dialog', 'svg', 'math', 'image',
];

/**
 * Removed elements whose text goes too: UI rather than content (a cookie banner's "Accept" button…).
 * Not <form>: some sites (ASP.NET WebForms) wrap the whole page in one.
 */
// prettier-ignore
const FORBID_CONTENTS = [
  'button', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'output', 'label', 'object',
  'embed', 'applet', 'canvas', 'dialog', 'map', 'picture',
];

/**
 * Attributes removed everywhere: anything that loads a resource (src, srcset, poster, background,
 * CSS in style), submits (action, formaction), pings, or lets archive CSS/DOM ids leak into the app.
 */
// prettier-ignore
const FORBID_ATTR = [
  'style', 'src', 'srcset', 'poster', 'background', 'action', 'formaction', 'ping', 'longdesc', 'lowsrc',
  'dynsrc', 'usemap', 'xlink:href', 'class', 'id', 'name', 'target', 'download', 'srcdoc',
];

/** Link targets kept: absolute web and mail links only (no javascript:, data:, file:, relative). */
const ALLOWED_URI = /^(?:https?:\/\/|mailto:)/i;

type Purifier = ReturnType<typeof createDOMPurify>;

let purifier: Purifier | null = null;
/** Base URL of the document being sanitized; set only for the duration of one synchronous call. */
let currentBase: string | null = null;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // A bare jsdom window: no scripts run and no resources load in it (jsdom's defaults).
  const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>');
  const instance = createDOMPurify(window as unknown as WindowLike);
  instance.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'href' || data.attrName === 'cite') {
      data.attrValue = absoluteLink(data.attrValue, currentBase) ?? '';
      if (!data.attrValue) data.keepAttr = false;
    }
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    // Links open outside the app, without telling the site where they came from.
    if (node.nodeName === 'A' && node.hasAttribute('href'))
      node.setAttribute('rel', 'noopener noreferrer nofollow');
  });
  purifier = instance;
  return instance;
}

/** A link made absolute against the page's URL; null when it is not an http(s) or mailto link. */
export function absoluteLink(value: string, base: string | null): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
  return url.href;
}

export interface SanitizeOptions {
  /** The page's URL, to make relative links absolute (they are dropped without it). */
  baseUrl?: string | null;
}

/** Sanitized HTML safe to store and to show without script, forms or remote loads. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const instance = getPurifier();
  currentBase = options.baseUrl ?? null;
  try {
    const clean = instance.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS,
      ADD_FORBID_CONTENTS: FORBID_CONTENTS,
      FORBID_ATTR,
      ALLOWED_URI_REGEXP: ALLOWED_URI,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      KEEP_CONTENT: true,
      WHOLE_DOCUMENT: false,
      RETURN_TRUSTED_TYPE: false,
    });
    return collapseEmpty(String(clean));
  } finally {
    currentBase = null;
  }
}

/** Removes paragraphs and blocks left empty once their forbidden content was taken out. */
function collapseEmpty(html: string): string {
  let previous: string;
  let current = html;
  do {
    previous = current;
    current = current.replace(/<(p|div|span|section|figure|figcaption)>\s*<\/\1>/g, '');
  } while (current !== previous);
  return current.trim();
}
