// Plain text from HTML: what an analyst searches, quotes and translates. Paragraph-level elements
// become paragraphs separated by one blank line, <br> a line break, and whitespace inside a
// paragraph collapses as a browser would render it (except in <pre>).
import { parseHTML } from 'linkedom';

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose content is never text a reader sees. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
]);

/** Placeholders for whitespace inside <pre> (private-use code points, absent from real text). */
const PRE_BREAK = '\uE000';
const PRE_SPACE = '\uE001';
const PRE_TAB = '\uE002';

interface MinimalNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<MinimalNode>;
}

/** Plain text of an HTML fragment or document, paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return nodeToText(document.body as unknown as MinimalNode);
}

/** Plain text of an already-parsed DOM node (see htmlToText). */
export function nodeToText(root: MinimalNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: MinimalNode, inPre: boolean): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      current += inPre
        ? value.replace(/\r?\n/g, PRE_BREAK).replace(/ /g, PRE_SPACE).replace(/\t/g, PRE_TAB)
        : value.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    const pre = inPre || name === 'PRE';
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) walk(child, pre);
    }
    if (name === 'TD' || name === 'TH') current += ' ';
    if (block) flush();
  };
  walk(root, false);
  flush();
  // Preformatted whitespace was parked as placeholders so that collapsing left it alone.
  return paragraphs
    .join('\n\n')
    .replaceAll(PRE_BREAK, '\n')
    .replaceAll(PRE_SPACE, ' ')
    .replaceAll(PRE_TAB, '\t');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * Decodes the HTML entities APIs leave in plain text (X's full_text escapes &, < and >): the five
 * XML names, &nbsp; and numeric references. Anything else is left as written.
 */
export function decodeBasicEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}
