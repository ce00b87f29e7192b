// Parses the analyst's query language into a syntax tree. Grammar, loosest binding first:
//
//   query   := and
//   and     := or ( ["AND"] or )*          — juxtaposition means AND
//   or      := near ( "OR" near )*
//   near    := unary ( "NEAR/n" unary )*
//   unary   := ("NOT" | "-" | "+") unary | primary
//   primary := "(" and ")" | "phrase"[~n] | field:value | word[*|~n]
//
// OR binds tighter than AND (as in web search engines): `путин OR зеленский мобилизация` means
// (путин OR зеленский) AND мобилизация. The parser never throws: the first problem is reported with
// its position and the rest is read as well as it can be (a missing ")" is assumed at the end, a
// dangling operator is dropped, a bad field value is ignored).
import type {
  DateNode,
  FieldNode,
  FlagNode,
  ParsedQuery,
  PhraseNode,
  QueryNode,
  QueryProblemInfo,
  TermNode,
  TextField,
} from './ast';
import { parseDayRange } from './dates';
import { lex, type LexToken } from './lexer';

const TEXT_FIELDS: Record<string, TextField> = {
  channel: 'channel',
  from: 'channel',
  author: 'author',
  lang: 'lang',
  language: 'lang',
  kind: 'kind',
  source: 'source',
  tag: 'tag',
};

export const ITEM_KINDS = ['post', 'article', 'tweet', 'feed-entry', 'row'] as const;
const KIND_ALIASES: Record<string, string> = {
  feed: 'feed-entry',
  entry: 'feed-entry',
  'feed-entry': 'feed-entry',
  csv: 'row',
};

const MAX_FUZZY = 2;
const MAX_SLOP = 100;
/** Deeply nested input ("((((…") must not exhaust the stack. */
const MAX_DEPTH = 64;

class Parser {
  private pos = 0;
  private depth = 0;
  problem: QueryProblemInfo | null = null;

  constructor(
    private readonly tokens: LexToken[],
    private readonly length: number,
  ) {}

  report(message: string, start: number, end: number): void {
    if (!this.problem)
      this.problem = { message, start: Math.max(0, start), end: Math.min(this.length, Math.max(start, end)) };
  }

  private peek(): LexToken | undefined {
    return this.tokens[this.pos];
  }

  parseQuery(): QueryNode | null {
    const node = this.parseAnd();
    while (this.pos < this.tokens.length) {
      // Only a stray ")" can stop parseAnd early: report it, skip it, and keep reading.
      const tok = this.tokens[this.pos++]!;
      this.report('Unmatched ")"', tok.start, tok.end);
      const more = this.parseAnd();
      if (more) return combine('and', node ? [node, more] : [more]);
    }
    return node;
  }

  private parseAnd(): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const tok = this.peek();
      if (!tok || tok.kind === 'rparen') break;
      if (tok.kind === 'and') {
        this.pos++;
        if (children.length === 0) this.report('AND needs something before it', tok.start, tok.end);
        const next = this.peek();
        if (!next || next.kind === 'rparen') this.report('AND needs something after it', tok.start, tok.end);
        continue;
      }
      const node = this.parseOr();
      if (node) children.push(node);
    }
    return combine('and', children);
  }

  private parseOr(): QueryNode | null {
    const first = this.parseNear();
    const children: QueryNode[] = first ? [first] : [];
    while (this.peek()?.kind === 'or') {
      const op = this.tokens[this.pos++]!;
      const next = this.peek();
      if (!next || next.kind === 'rparen' || next.kind === 'and' || next.kind === 'or') {
        this.report('OR needs something after it', op.start, op.end);
        continue;
      }
      if (children.length === 0) this.report('OR needs something before it', op.start, op.end);
      const node = this.parseNear();
      if (node) children.push(node);
    }
    return combine('or', children);
  }

  private parseNear(): QueryNode | null {
    let left = this.parseUnary();
    while (this.peek()?.kind === 'near') {
      const op = this.tokens[this.pos++] as Extract<LexToken, { kind: 'near' }>;
      const right = this.parseUnary();
      const leftWords = left ? proximityWords(left) : null;
      const rightWords = right ? proximityWords(right) : null;
      if (!leftWords || !rightWords) {
        this.report('NEAR joins two words or phrases, e.g. мобилизация NEAR/5 жены', op.start, op.end);
        left = combine(
          'and',
          [left, right].filter((n): n is QueryNode => n !== null),
        );
        continue;
      }
      const slop = Math.min(op.distance, MAX_SLOP);
      left = {
        type: 'phrase',
        words: [...leftWords, ...rightWords],
        slop,
        ordered: false,
        start: left!.start,
        end: right!.end,
      };
    }
    return left;
  }

  private parseUnary(): QueryNode | null {
    const tok = this.peek();
    if (!tok) return null;
    if (tok.kind === 'not' || tok.kind === 'minus' || tok.kind === 'plus') {
      this.pos++;
      const next = this.peek();
      if (
        !next ||
        next.kind === 'rparen' ||
        next.kind === 'and' ||
        next.kind === 'or' ||
        next.kind === 'near'
      ) {
        this.report(
          `${tok.kind === 'not' ? 'NOT' : tok.kind === 'minus' ? '-' : '+'} needs something after it`,
          tok.start,
          tok.end,
        );
        return null;
      }
      if (this.depth >= MAX_DEPTH) {
        this.report('The query is nested too deeply', tok.start, tok.end);
        this.pos = this.tokens.length;
        return null;
      }
      this.depth++;
      const child = this.parseUnary();
      this.depth--;
      if (!child || tok.kind === 'plus') return child;
      return { type: 'not', child, start: tok.start, end: child.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode | null {
    const tok = this.tokens[this.pos++];
    if (!tok) return null;
    switch (tok.kind) {
      case 'lparen': {
        if (this.depth >= MAX_DEPTH) {
          this.report('The query is nested too deeply', tok.start, tok.end);
          this.pos = this.tokens.length;
          return null;
        }
        this.depth++;
        const inner = this.parseAnd();
        this.depth--;
        const close = this.peek();
        if (close?.kind === 'rparen') this.pos++;
        else this.report('Missing ")" for this "("', tok.start, tok.end);
        if (!inner) {
          if (close?.kind === 'rparen') this.report('Empty parentheses', tok.start, close.end);
          return null;
        }
        return inner;
      }
      case 'phrase':
        return this.phrase(tok);
      case 'field':
        return this.field(tok);
      case 'word':
        return this.word(tok);
      default:
        // Operators out of place (an OR at the start, a NEAR with nothing before it).
        this.report(`Unexpected ${this.describe(tok)}`, tok.start, tok.end);
        return null;
    }
  }

  private describe(tok: LexToken): string {
    switch (tok.kind) {
      case 'or':
        return 'OR';
      case 'and':
        return 'AND';
      case 'near':
        return 'NEAR';
      case 'rparen':
        return '")"';
      default:
        return 'text';
    }
  }

  private phrase(tok: Extract<LexToken, { kind: 'phrase' }>): QueryNode | null {
    if (!tok.terminated) this.report('Missing closing quote', tok.start, tok.end);
    const words = tok.text.split(/\s+/u).filter((w) => w.length > 0);
    if (words.length === 0) {
      if (tok.terminated) this.report('Empty quotes', tok.start, tok.end);
      return null;
    }
    let slop = tok.slop ?? 0;
    if (slop > MAX_SLOP) {
      this.report(`Proximity is at most ~${MAX_SLOP}`, tok.start, tok.end);
      slop = MAX_SLOP;
    }
    if (words.length === 1 && slop === 0)
      return { type: 'term', text: words[0]!, prefix: false, fuzzy: 0, start: tok.start, end: tok.end };
    const node: PhraseNode = {
      type: 'phrase',
      words,
      slop,
      ordered: tok.slop === null,
      start: tok.start,
      end: tok.end,
    };
    return node;
  }

  private word(tok: Extract<LexToken, { kind: 'word' }>): QueryNode | null {
    let text = tok.text;
    const asField = /^([a-z]+):$/i.exec(text);
    if (
      asField &&
      (TEXT_FIELDS[asField[1]!.toLowerCase()] || /^(date|after|before|has|is)$/i.test(asField[1]!))
    ) {
      this.report(`${asField[1]}: needs a value`, tok.start, tok.end);
      return null;
    }
    if (text === 'untagged') {
      const node: FlagNode = { type: 'flag', flag: 'untagged', start: tok.start, end: tok.end };
      return node;
    }
    let prefix = false;
    let fuzzy = 0;
    const tilde = /~(\d*)$/.exec(text);
    if (tilde) {
      text = text.slice(0, tilde.index);
      fuzzy = tilde[1] ? Number(tilde[1]) : 1;
      if (fuzzy > MAX_FUZZY) {
        this.report(`Fuzzy matching allows at most ~${MAX_FUZZY} edits`, tok.start + tilde.index, tok.end);
        fuzzy = MAX_FUZZY;
      }
    } else if (text.endsWith('*')) {
      text = text.replace(/\*+$/, '');
      prefix = true;
    }
    if (text.includes('*')) {
      this.report('"*" works only at the end of a word', tok.start, tok.end);
      text = text.replace(/\*/g, '');
    }
    if (text.length === 0) {
      if (prefix || fuzzy) this.report('A word is needed before "*" or "~"', tok.start, tok.end);
      return null;
    }
    const node: TermNode = { type: 'term', text, prefix, fuzzy, start: tok.start, end: tok.end };
    return node;
  }

  private field(tok: Extract<LexToken, { kind: 'field' }>): QueryNode | null {
    const { name, start, end } = tok;
    const value = tok.value.trim();
    if (!tok.terminated) this.report('Missing closing quote', start, end);
    if (value.length === 0) {
      this.report(`${name}: needs a value`, start, end);
      return null;
    }
    const valueEnd = tok.valueStart + tok.value.length;
    if (name === 'date' || name === 'after' || name === 'before')
      return this.date(name, value, start, end, tok.valueStart, valueEnd);
    if (name === 'has' || name === 'is') {
      const flag = value.toLowerCase();
      const known: Record<string, FlagNode['flag']> = {
        clip: 'clip',
        clips: 'clip',
        note: 'note',
        notes: 'note',
        tag: 'tagged',
        tags: 'tagged',
        tagged: 'tagged',
        untagged: 'untagged',
      };
      const f = known[flag];
      if (!f) {
        this.report(`${name}: takes clip, note or tag`, tok.valueStart, valueEnd);
        return null;
      }
      return { type: 'flag', flag: f, start, end };
    }
    if (name === 'text') {
      // text:word searches the text like a bare word (kept for Lunr-style queries).
      return this.word({ kind: 'word', text: value, start, end });
    }
    const field = TEXT_FIELDS[name];
    if (!field) {
      this.report(
        `Unknown field "${name}:" (searched as text). Fields: channel, author, lang, kind, source, tag, date, after, before, has`,
        start,
        start + name.length + 1,
      );
      return this.word({ kind: 'word', text: `${name} ${value}`, start, end });
    }
    let v = value;
    if (field === 'lang') {
      v = value.toLowerCase();
      if (!/^[a-z]{2,3}$/.test(v)) {
        this.report('lang: takes an ISO 639-1 code such as ru, uk or en', tok.valueStart, valueEnd);
        return null;
      }
    } else if (field === 'kind') {
      const k = KIND_ALIASES[value.toLowerCase()] ?? value.toLowerCase();
      if (!(ITEM_KINDS as readonly string[]).includes(k)) {
        this.report(`kind: takes ${ITEM_KINDS.join(', ')}`, tok.valueStart, valueEnd);
        return null;
      }
      v = k;
    }
    const node: FieldNode = { type: 'field', field, value: v, start, end };
    return node;
  }

  private date(
    name: string,
    value: string,
    start: number,
    end: number,
    valueStart: number,
    valueEnd: number,
  ): QueryNode | null {
    const bad = (): null => {
      this.report(
        `${name}: takes a date such as 2023-12-01${name === 'date' ? ' or a range 2023-12-01..2023-12-31' : ''}`,
        valueStart,
        valueEnd,
      );
      return null;
    };
    if (name === 'date') {
      const dots = value.indexOf('..');
      if (dots < 0) {
        const day = parseDayRange(value);
        return day ? dateNode(day.from, day.to, start, end) : bad();
      }
      const a = value.slice(0, dots);
      const b = value.slice(dots + 2);
      const from = a ? parseDayRange(a) : null;
      const to = b ? parseDayRange(b) : null;
      if ((a && !from) || (b && !to) || (!a && !b)) return bad();
      if (from && to && from.from >= to.to) {
        this.report('The date range ends before it starts', valueStart, valueEnd);
        return null;
      }
      return dateNode(from ? from.from : null, to ? to.to : null, start, end);
    }
    const day = parseDayRange(value);
    if (!day) return bad();
    // after: includes the day itself; before: stops at the start of the day (as in mail search).
    return name === 'after' ? dateNode(day.from, null, start, end) : dateNode(null, day.from, start, end);
  }
}

function dateNode(fromDay: number | null, toDay: number | null, start: number, end: number): DateNode {
  return { type: 'date', fromDay, toDay, start, end };
}

/** The words of a NEAR operand, or null when it is not a plain word or phrase. */
function proximityWords(node: QueryNode): string[] | null {
  if (node.type === 'term' && !node.prefix && !node.fuzzy) return [node.text];
  if (node.type === 'phrase') return node.words;
  return null;
}

function combine(type: 'and' | 'or', children: QueryNode[]): QueryNode | null {
  if (children.length === 0) return null;
  if (children.length === 1) return children[0]!;
  // Flatten a AND (b AND c) into one node: evaluation and display both get simpler.
  const flat: QueryNode[] = [];
  for (const child of children) {
    if (child.type === type) flat.push(...child.children);
    else flat.push(child);
  }
  return { type, children: flat, start: flat[0]!.start, end: flat[flat.length - 1]!.end };
}

/** Parses a query; never throws. */
export function parseQuery(text: string): ParsedQuery {
  const parser = new Parser(lex(text), text.length);
  const ast = parser.parseQuery();
  return { ast, problem: parser.problem };
}

/** True when the query can match something without any text term (only filters or negations). */
export function hasPositiveText(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
    case 'phrase':
      return true;
    case 'and':
    case 'or':
      return node.children.some(hasPositiveText);
    default:
      return false;
  }
}
