// Properties of Telegram text flattening: whatever mix of strings and entities an export holds,
// the plain text is the concatenation of the parts and every span covers exactly its part's text,
// in UTF-16 offsets (emoji and other astral characters count as two units).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flattenMessageText, flattenParts } from '../../../electron/core/importers/telegram-json/text';

const KEPT = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
  'pre',
  'spoiler',
  'hashtag',
  'mention',
  'cashtag',
  'bot_command',
] as const;

const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('a', 'я', 'і', ' ', '\n', '😀', '👍🏽', '\u0301', '#', '@'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});
const entityPart = fc.record({ type: fc.constantFrom(...KEPT, 'plain', 'unknown_kind'), text });
const linkPart = fc.record({
  type: fc.constant('text_link'),
  text,
  href: fc.oneof(
    fc.webUrl(),
    fc.constantFrom(
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'JAVASCRIPT:alert(1)',
      ' javascript:x',
      'mailto:a@example.org',
    ),
  ),
});
const parts = fc.array(fc.oneof(text, entityPart, linkPart), { maxLength: 12 });

describe('Telegram text flattening (properties)', () => {
  it('keeps every character, and each span covers its own part exactly', () => {
    fc.assert(
      fc.property(parts, (ps) => {
        const flat = flattenParts(ps);
        const expected = ps.map((p) => (typeof p === 'string' ? p : p.text)).join('');
        expect(flat.text).toBe(expected);
        // Rebuild where each part starts, then check each span points at a part of its type.
        let offset = 0;
        const starts = ps.map((p) => {
          const at = offset;
          offset += (typeof p === 'string' ? p : p.text).length;
          return at;
        });
        for (const e of flat.entities) {
          expect(e.offset).toBeGreaterThanOrEqual(0);
          expect(e.length).toBeGreaterThan(0);
          expect(e.offset + e.length).toBeLessThanOrEqual(flat.text.length);
          const index = starts.findIndex(
            (s, i) =>
              s === e.offset &&
              typeof ps[i] !== 'string' &&
              (ps[i] as { text: string }).text.length === e.length &&
              (ps[i] as { type: string }).type === e.type,
          );
          expect(index).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never keeps a link target other than http(s) or mailto', () => {
    fc.assert(
      fc.property(parts, (ps) => {
        for (const e of flattenParts(ps).entities) {
          if (e.href !== undefined) expect(e.href).toMatch(/^(https?:\/\/|mailto:)/i);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result from text_entities as from the text array', () => {
    fc.assert(
      fc.property(parts, (ps) => {
        const asEntities = ps.map((p) => (typeof p === 'string' ? { type: 'plain', text: p } : p));
        const fromArray = flattenMessageText(ps, undefined);
        const fromEntities = flattenMessageText('ignored', asEntities);
        if (fromArray.text.length > 0) expect(fromEntities).toEqual(fromArray);
      }),
      { numRuns: 300 },
    );
  });
});
