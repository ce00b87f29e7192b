// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../../../../shared/domain';
import { EntityText } from '../../reader/EntityText';
import { clipTargetOf, trimSpan } from './clipTarget';
import { mountPerTest } from '../../../test/mount';

const TEXT = 'Нам предлагали деньги за молчание. Мы отказались. Наши мужья не товар.';
const item = {
  id: 5,
  text: TEXT,
  entities: [{ type: 'bold', offset: 35, length: 2 }],
} as unknown as ItemDetail;

const dom = mountPerTest();

/** Selects `words` (with the characters around them given by `pad`) inside `container`. */
function select(container: Element, words: string, pad = 0): Selection {
  const text = container.textContent ?? '';
  const at = text.indexOf(words) - pad;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = (node as Text).data.length;
    const end = at + words.length + 2 * pad;
    if (at >= seen && at <= seen + len) range.setStart(node, at - seen);
    if (end >= seen && end <= seen + len) range.setEnd(node, end - seen);
    seen += len;
  }
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe('what a selection in the Reader would clip', () => {
  it('takes offsets and quote from the original text, across formatting, trimmed to words', () => {
    dom.render(<EntityText text={TEXT} entities={item.entities} onSearch={() => {}} />);
    const selection = select(dom.box, 'Мы отказались.', 1);
    const start = TEXT.indexOf('Мы отказались.');
    expect(clipTargetOf(selection, item, dom.box, 'en')).toEqual({
      field: 'text',
      lang: null,
      start,
      end: start + 'Мы отказались.'.length,
      quote: 'Мы отказались.',
    });
  });

  it('finds the words of an article shown as HTML in the item’s plain text', () => {
    dom.box.innerHTML =
      '<div data-reader-text="article"><p>Нам предлагали деньги за молчание.</p><p>Мы отказались.</p></div>';
    const selection = select(dom.box, 'молчание.Мы');
    // Words run together across paragraphs (jsdom's toString has no line break there, unlike a
    // browser's) are not words of the plain text: nothing is clipped rather than the wrong span.
    expect(clipTargetOf(selection, item, dom.box, 'en')).toBeNull();
    const words = select(dom.box, 'деньги за');
    expect(clipTargetOf(words, item, dom.box, 'en')).toMatchObject({
      field: 'text',
      quote: 'деньги за',
      start: 15,
    });
  });

  it('clips a translation column in its language, the target language by default', () => {
    dom.box.innerHTML =
      '<div data-reader-text="translation"><span data-offset="0">We were offered money.</span><span data-offset="22"> We refused.</span></div>';
    const selection = select(dom.box, 'We refused.');
    expect(clipTargetOf(selection, item, dom.box, 'en')).toEqual({
      field: 'translation',
      lang: 'en',
      start: 23,
      end: 34,
      quote: 'We refused.',
    });
  });

  it('ignores selections outside the texts and blank ones', () => {
    dom.box.innerHTML =
      '<p>Elsewhere on the page</p><div data-reader-text="original"><span data-offset="0">   </span></div>';
    expect(clipTargetOf(select(dom.box, 'Elsewhere'), item, dom.box, 'en')).toBeNull();
    expect(trimSpan('a   b', 1, 4)).toBeNull();
    expect(trimSpan(' ab ', 0, 4)).toEqual({ start: 1, end: 3 });
  });
});
