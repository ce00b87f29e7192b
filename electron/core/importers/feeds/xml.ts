// Safe XML for feed files. A DOCTYPE that declares entities is refused outright, before any
// parser sees the file: that is how entity-expansion bombs ("billion laughs") and external-entity
// reads (XXE) are built, and no real feed needs one. What remains is parsed by fast-xml-parser,
// which then only knows the five predefined entities and character references.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from '../errors';
import { decodeBytes, declaredXmlEncoding, detectEncoding, sniffBom } from '../encoding';
import { readLimited } from '../read-limited';
import type { ImporterContext, InputFile } from '../types';

export type XmlNode = Record<string, unknown>;

/** Feeds and OPML files are documents of a few megabytes; far bigger files are not feeds. */
const MAX_FEED_BYTES = 128 * 1024 * 1024;

/** The head of a file as text good enough to read its markup. */
function asciiView(head: Uint8Array): string {
  const bom = sniffBom(head);
  const buffer = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bom?.encoding === 'utf-16le') return buffer.subarray(2).toString('utf16le');
  return buffer.subarray(bom?.length ?? 0).toString('latin1');
}

/**
 * The name of the document element (namespace prefix kept), found after the XML declaration,
 * comments, processing instructions and a doctype (its internal subset included); null when the
 * head is not XML.
 */
export function rootElementName(head: Uint8Array): string | null {
  let text = asciiView(head).trimStart();
  for (;;) {
    const before = text;
    text = text.replace(/^<\?[\s\S]*?\?>/, '').replace(/^<!--[\s\S]*?-->/, '');
    const doctype = /^<!DOCTYPE\b[^[>]*(\[[\s\S]*?\]\s*)?>/i.exec(text);
    if (doctype) text = text.slice(doctype[0].length);
    text = text.trimStart();
    if (text === before) break;
  }
  const match = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s/>]/.exec(text);
  return match?.[1] ?? null;
}

/** Refuses DOCTYPE entity declarations: external entities (XXE) and entity bombs alike. */
export function refuseEntityDeclarations(xml: string, displayName: string): void {
  const doctypeAt = xml.search(/<!DOCTYPE\b/i);
  if (doctypeAt < 0) return;
  // Deliberately blunt: any entity declaration after a doctype, wherever the subset ends.
  const rest = xml.slice(doctypeAt);
  if (!/<!ENTITY\b/i.test(rest)) return;
  if (/<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b/i.test(rest)) {
    throw new ImportError(
      displayName,
      'the XML declares an external entity (an XXE attempt to read files or addresses); nothing was read or fetched',
    );
  }
  throw new ImportError(
    displayName,
    'the XML declares its own entities in a DOCTYPE (an entity-expansion bomb or similar); such files are refused, nothing was expanded',
  );
}

export interface ParseXmlOptions {
  /** Paths of elements whose inner markup is kept raw (Atom's XHTML content), e.g. 'feed.entry.content'. */
  rawElements?: string[];
  /** Element names that are always arrays. */
  arrays: ReadonlySet<string>;
}

/** Reads, decodes and parses a feed-like XML file, refusing entity declarations and malformed XML. */
export async function readXmlFile(
  file: InputFile,
  ctx: ImporterContext,
  options: ParseXmlOptions,
): Promise<XmlNode> {
  const bytes = await readLimited(file, ctx, MAX_FEED_BYTES, 'a feed file');
  const { encoding } = detectEncoding(bytes, { declared: declaredXmlEncoding });
  let xml = decodeBytes(bytes, encoding);
  refuseEntityDeclarations(xml, file.displayName);
  // The declaration still names the original encoding; the text is already decoded.
  xml = xml.replace(/^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*["'][^"']*["']/, '$1');
  xml = normalizeCharacterData(xml);
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new ImportError(
      file.displayName,
      `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Entities are decoded here instead (fast-xml-parser decodes character references only
    // together with HTML entities); CDATA was already turned into escaped text.
    processEntities: false,
    tagValueProcessor: (_name, value) => decodeXmlEntities(value),
    attributeValueProcessor: (_name, value) => decodeXmlEntities(value),
    stopNodes: options.rawElements ?? [],
    isArray: (name) => options.arrays.has(name),
  });
  const parsed: unknown = parser.parse(xml);
  if (typeof parsed !== 'object' || parsed === null)
    throw new ImportError(file.displayName, 'the XML has no document element');
  return parsed as XmlNode;
}

/**
 * Makes character data uniform before parsing: CDATA sections become escaped text (so every text
 * value is decoded the same way, and CDATA content is never decoded twice), and a bare `&` that
 * starts no reference — common in hand-made feeds — becomes `&amp;` instead of failing the file.
 */
function normalizeCharacterData(xml: string): string {
  const escape = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return xml
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_whole, content: string) => escape(content))
    .replace(/&(?!(?:[A-Za-z][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g, '&amp;');
}

// ——— Reading parsed nodes ———————————————————————————————————————————————————

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an element (a string, or the #text of an element with attributes). */
export function textOf(value: unknown): string | null {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value)) return textOf(value['#text']);
  return null;
}

export function attrOf(value: unknown, name: string): string | null {
  if (Array.isArray(value)) return attrOf(value[0], name);
  if (!isNode(value)) return null;
  const attr = value[`@_${name}`];
  return typeof attr === 'string' ? attr.trim() || null : null;
}

export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The five XML entities and character references, decoded (for raw element content). */
function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

/**
 * The character content of an element kept raw (see rawElements): CDATA sections unwrapped and
 * entities decoded elsewhere. For XHTML content the raw markup itself is the content.
 */
export function rawText(raw: string, isMarkup: boolean): string {
  if (isMarkup) return raw.trim();
  const parts = raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeXmlEntities(part)))
    .join('')
    .trim();
}
