// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { EntityText } from '../reader/EntityText';
import { selectionToTextRange } from '../reader/selection';
import { clipRange, locateQuote, piecesText } from './clipRanges';
import { mountPerTest } from '../../test/mount';

const dom = mountPerTest();

// Bold and a hashtag split the text into several pieces and elements.
const TEXT = 'Родные мобилизованных вышли к Думе. #путьдомой Мы не экстремисты.';
const ENTITIES = [
  { type: 'bold', offset: 7, length: 14 },
  { type: 'hashtag', offset: 36, length: 10 },
];

function renderText(): Element {
  dom.render(<EntityText text={TEXT} entities={ENTITIES} onSearch={() => {}} />);
  return dom.box.querySelector('[data-reader-text="original"]')!;
}

describe('clip ranges', () => {
  it('covers exactly the clipped words, across formatting', () => {
    const container = renderText();
    for (const quote of ['мобилизованных вышли', 'Родные мобилизованных', '#путьдомой Мы', 'экстремисты.']) {
      const start = TEXT.indexOf(quote);
      const range = clipRange(container, { start, end: start + quote.length, quote });
      expect(range?.toString()).toBe(quote);
    }
  });

  it('round-trips with the Reader selection mapping', () => {
    const container = renderText();
    const start = TEXT.indexOf('вышли к Думе');
    const range = clipRange(container, { start, end: start + 12, quote: 'вышли к Думе' })!;
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionToTextRange(container, selection)).toEqual({ start, end: start + 12 });
  });

  it('gives no range for offsets outside the text', () => {
    const container = renderText();
    expect(clipRange(container, { start: 500, end: 510, quote: 'nothing' })).toBeNull();
  });

  it('rebuilds the text from its pieces', () => {
    expect(piecesText(renderText())).toBe(TEXT);
  });

  it('finds a clip by its words in HTML without offset pieces', () => {
    const article = document.createElement('div');
    article.innerHTML = '<h2>Title</h2><p>First <em>paragraph</em> here.</p><p>Second one.</p>';
    dom.box.append(article);
    expect(clipRange(article, { start: 0, end: 0, quote: 'paragraph here.' })?.toString()).toBe(
      'paragraph here.',
    );
    expect(clipRange(article, { start: 0, end: 0, quote: 'missing words' })).toBeNull();
  });
});

describe('locating a quote selected in an article', () => {
  const text = 'One two three.\n\nFour five six. One two three again.';

  it('matches across different whitespace and picks the occurrence nearest the hint', () => {
    expect(locateQuote(text, 'One two\nthree')).toEqual({ start: 0, end: 13 });
    const later = text.lastIndexOf('One');
    expect(locateQuote(text, 'One two three', later)).toEqual({ start: later, end: later + 13 });
    expect(locateQuote(text, 'three.  Four')).toEqual({ start: 8, end: 20 });
  });

  it('finds nothing for words that are not there, or for blank selections', () => {
    expect(locateQuote(text, 'seven')).toBeNull();
    expect(locateQuote(text, '   ')).toBeNull();
  });
});
