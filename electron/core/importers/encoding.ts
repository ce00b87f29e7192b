// Character-encoding detection and decoding for formats that may arrive in legacy encodings
// (saved web pages, CSV exports, XML feeds). Order of evidence, strongest first: a byte-order mark,
// a charset the transport declared (WARC's HTTP header), a charset the document declares itself,
// then valid UTF-8, and only then a statistical guess (chardet). Decoding goes through iconv-lite,
// which knows windows-1251, KOI8-R and the other Cyrillic code pages analysts meet.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type EncodingEvidence = 'bom' | 'transport' | 'declared' | 'utf8' | 'guess' | 'default';

export interface DetectedEncoding {
  /** An encoding name iconv-lite understands, e.g. 'utf-8', 'windows-1251', 'koi8-r'. */
  encoding: string;
  from: EncodingEvidence;
}

/** Labels that mean something else on the web (WHATWG Encoding Standard) or are common misspellings. */
const LABEL_ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-cp1251': 'windows-1251',
  'win-1251': 'windows-1251',
  cp1251: 'windows-1251',
  windows1251: 'windows-1251',
  koi8r: 'koi8-r',
  koi: 'koi8-r',
  koi8: 'koi8-r',
  'koi8-ru': 'koi8-u',
  // Browsers decode these as windows-1252; so must we, or curly quotes turn into C1 controls.
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
};

/** A charset label normalised to a name iconv-lite can decode, or null when it is unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!cleaned) return null;
  const name = LABEL_ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(name) ? name : null;
}

/** The encoding a byte-order mark announces, with the BOM's length. */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Whether the bytes are valid UTF-8. `truncated` allows an incomplete sequence at the very end,
 * for when the bytes are only the head of a longer file.
 */
export function isValidUtf8(bytes: Uint8Array, truncated = false): boolean {
  let end = bytes.length;
  if (truncated) {
    // Step back over a trailing partial sequence (at most 3 bytes).
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
      const b = bytes[end - back] ?? 0;
      if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
      if (b >= 0xc0) {
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        if (need > back) end -= back;
      }
      break;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** chardet's guess normalised, or null when it has none worth using. */
export function guessEncoding(bytes: Uint8Array): string | null {
  const guess = chardet.detect(bytes);
  return normalizeCharset(guess);
}

/** The charset an HTML document declares in `<meta charset>` or `<meta http-equiv="Content-Type">`. */
export function declaredHtmlCharset(head: Uint8Array): string | null {
  // Meta tags are ASCII in every ASCII-compatible encoding, so a latin1 view finds them safely.
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  const metaTag = /<meta\b[^>]*>/gi;
  for (const match of text.matchAll(metaTag)) {
    const tag = match[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) {
      const name = normalizeCharset(direct[1]);
      if (name) return name;
    }
  }
  return null;
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="windows-1251"?>`). */
export function declaredXmlEncoding(head: Uint8Array): string | null {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 512)).toString('latin1');
  const match = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(
    text.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, ''),
  );
  return normalizeCharset(match?.[1]);
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return normalizeCharset(match?.[1]);
}

interface DetectOptions {
  /** A charset declared outside the document (an HTTP header in a WARC record). */
  transportCharset?: string | null;
  /** Finds a charset the document declares about itself (meta tag, XML declaration). */
  declared?: (head: Uint8Array) => string | null;
  /** Whether `head` is only the beginning of the file (a multi-byte character may be cut). */
  truncated?: boolean;
}

/** Decides a file's encoding from its first bytes (see the order of evidence above). */
export function detectEncoding(head: Uint8Array, options: DetectOptions = {}): DetectedEncoding {
  const bom = sniffBom(head);
  if (bom) return { encoding: bom.encoding, from: 'bom' };
  const transport = normalizeCharset(options.transportCharset);
  if (transport) return { encoding: transport, from: 'transport' };
  const declared = options.declared?.(head);
  if (declared) {
    // A page that says UTF-8 but is not (a common mistake of re-saved pages) is better guessed.
    if (declared !== 'utf-8' || isValidUtf8(head, options.truncated))
      return { encoding: declared, from: 'declared' };
  }
  if (isValidUtf8(head, options.truncated)) return { encoding: 'utf-8', from: 'utf8' };
  const guess = guessEncoding(head);
  if (guess) return { encoding: guess, from: 'guess' };
  return { encoding: 'windows-1252', from: 'default' };
}

/** Encoding detection for an HTML document (BOM, transport, meta charset/http-equiv, UTF-8, chardet). */
export function detectHtmlEncoding(
  head: Uint8Array,
  transportCharset?: string | null,
  truncated = false,
): DetectedEncoding {
  return detectEncoding(head, { transportCharset, declared: declaredHtmlCharset, truncated });
}

/** Decodes bytes in the given encoding; a leading BOM is dropped. */
export function decodeBytes(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: true,
  });
}

/** A streaming decoder (for CSV and other line-oriented files). */
export function decoderStream(encoding: string): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding, { stripBOM: true });
}
