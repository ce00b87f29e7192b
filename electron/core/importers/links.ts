// Which link targets an imported item may carry. Archive text is hostile by default: a
// `javascript:` or `data:` href would run or load something when the analyst clicks it.

/** The URL when it is an absolute http(s) or mailto address; null for anything else. */
export function safeHref(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (value === '' || value.length > 4096) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
  return url.href;
}

/** A link written as bare text ("example.org/page") as Telegram auto-links it: http is assumed. */
export function hrefForLinkText(text: string): string | null {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return safeHref(trimmed);
  return safeHref(`http://${trimmed}`);
}
