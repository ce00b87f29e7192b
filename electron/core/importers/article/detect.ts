// Whether bytes are an HTML document, judged from the markup it starts with.
import { sniffBom } from '../encoding';

/** Elements an HTML document may open with (after a doctype, comments and whitespace). */
const FIRST_TAGS = /^<(?:html|head|body|meta|title|base|link)\b/i;

/** The head as text good enough to look at its markup (ASCII-compatible, or UTF-16 with a BOM). */
function headText(head: Uint8Array): string {
  const bom = sniffBom(head);
  const buffer = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bom?.encoding === 'utf-16le') return buffer.subarray(2).toString('utf16le');
  if (bom?.encoding === 'utf-16be') {
    const swapped = Buffer.from(buffer.subarray(2, buffer.length - (buffer.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  return buffer.subarray(bom?.length ?? 0).toString('latin1');
}

export function looksLikeHtml(head: Uint8Array): boolean {
  let text = headText(head).trimStart();
  // Skip an XML declaration (XHTML), comments (browsers' "saved from url") and the doctype.
  for (;;) {
    const skipped = text
      .replace(/^<\?xml[^>]*\?>/i, '')
      .replace(/^<!--[\s\S]*?-->/, '')
      .trimStart();
    if (skipped === text) break;
    text = skipped;
  }
  if (!/^<!doctype\s+html\b/i.test(text) && !FIRST_TAGS.test(text)) return false;
  return !isTelegramHtmlExport(text);
}

/** Telegram Desktop's HTML export pages are chats, not articles (their own importer reads them). */
function isTelegramHtmlExport(text: string): boolean {
  return (
    /<title>\s*Exported Data\s*<\/title>/i.test(text) &&
    /class="page_wrap"/.test(text) &&
    /class="history"/.test(text)
  );
}
