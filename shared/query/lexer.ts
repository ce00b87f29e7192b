// Splits query text into tokens with their character ranges. The lexer never fails: anything odd
// (an unterminated quote, a stray operator) becomes a token the parser can report and skip.

export type LexToken =
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'plus' | 'minus'; start: number; end: number }
  | { kind: 'near'; distance: number; start: number; end: number }
  | { kind: 'phrase'; text: string; slop: number | null; terminated: boolean; start: number; end: number }
  | { kind: 'word'; text: string; start: number; end: number }
  | {
      kind: 'field';
      name: string;
      value: string;
      /** Where the value starts (after `name:` and an opening quote). */
      valueStart: number;
      terminated: boolean;
      start: number;
      end: number;
    };

const OPENING_QUOTES = '"“„«';
const CLOSING_QUOTES = '"”“»';

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

function isOpeningQuote(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && OPENING_QUOTES.includes(ch);
}

function isBreak(ch: string): boolean {
  return isSpace(ch) || ch === '(' || ch === ')' || isOpeningQuote(ch);
}

/** Reads `~N` after a phrase; returns the slop and where the suffix ends. */
function readTilde(text: string, at: number): { slop: number | null; end: number } {
  if (text[at] !== '~') return { slop: null, end: at };
  let end = at + 1;
  while (end < text.length && end - at <= 4 && /\d/.test(text[end] ?? '')) end++;
  const digits = text.slice(at + 1, end);
  return { slop: digits ? Number(digits) : 2, end };
}

/** Reads a quoted string starting at an opening quote; returns its content and where it ends. */
function readQuoted(text: string, open: number): { value: string; end: number; terminated: boolean } {
  let i = open + 1;
  while (i < text.length && !CLOSING_QUOTES.includes(text[i]!)) i++;
  if (i >= text.length) return { value: text.slice(open + 1), end: text.length, terminated: false };
  return { value: text.slice(open + 1, i), end: i + 1, terminated: true };
}

export function lex(text: string): LexToken[] {
  const tokens: LexToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
      continue;
    }
    if ((ch === '+' || ch === '-') && i + 1 < text.length && !isSpace(text[i + 1] ?? ' ')) {
      // A sign binds to what follows it (word, phrase, field or group); a lone "-" is punctuation.
      tokens.push({ kind: ch === '+' ? 'plus' : 'minus', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (isOpeningQuote(ch)) {
      const q = readQuoted(text, i);
      const tilde = q.terminated ? readTilde(text, q.end) : { slop: null, end: q.end };
      tokens.push({
        kind: 'phrase',
        text: q.value,
        slop: tilde.slop,
        terminated: q.terminated,
        start: i,
        end: tilde.end,
      });
      i = tilde.end;
      continue;
    }
    // A word runs to the next space, parenthesis or quote — except that `name:"…"` takes the quoted value.
    let end = i;
    while (end < text.length && !isBreak(text[end] ?? ' ')) end++;
    const word = text.slice(i, end);
    const colon = word.indexOf(':');
    const name = colon > 0 ? word.slice(0, colon) : '';
    if (colon > 0 && /^[a-z]+$/i.test(name) && end === i + colon + 1 && isOpeningQuote(text[end])) {
      const q = readQuoted(text, end);
      tokens.push({
        kind: 'field',
        name: name.toLowerCase(),
        value: q.value,
        valueStart: end + 1,
        terminated: q.terminated,
        start: i,
        end: q.end,
      });
      i = q.end;
      continue;
    }
    if (colon > 0 && /^[a-z]+$/i.test(name) && colon < word.length - 1 && !word.startsWith('//', colon + 1)) {
      tokens.push({
        kind: 'field',
        name: name.toLowerCase(),
        value: word.slice(colon + 1),
        valueStart: i + colon + 1,
        terminated: true,
        start: i,
        end,
      });
      i = end;
      continue;
    }
    if (word === 'AND' || word === '&&') tokens.push({ kind: 'and', start: i, end });
    else if (word === 'OR' || word === '||') tokens.push({ kind: 'or', start: i, end });
    else if (word === 'NOT') tokens.push({ kind: 'not', start: i, end });
    else if (/^NEAR(\/\d{1,3})?$/.test(word)) {
      const distance = word.length > 4 ? Number(word.slice(5)) : 5;
      tokens.push({ kind: 'near', distance, start: i, end });
    } else tokens.push({ kind: 'word', text: word, start: i, end });
    i = end;
  }
  return tokens;
}
