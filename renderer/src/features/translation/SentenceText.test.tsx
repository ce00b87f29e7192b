// @vitest-environment jsdom
import { act } from 'react';
import { selectionToTextRange } from '../reader/selection';
import { SentenceText } from './SentenceText';
import { mountPerTest } from '../../test/mount';

const dom = mountPerTest((box) => {
  box.dataset.readerText = 'translation';
});

describe('a translated sentence in the Reader', () => {
  it('makes links, hashtags and mentions clickable and keeps engine output as text', () => {
    const onSearch = vi.fn();
    const text = 'See https://t.me/wayhome/12 and #mobilization by @way_home <img src=x onerror=alert(1)>';
    dom.render(<SentenceText text={text} base={40} onSearch={onSearch} />);

    const link = dom.box.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://t.me/wayhome/12');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    const [hashtag, mention] = [...dom.box.querySelectorAll('button')];
    act(() => hashtag?.click());
    act(() => mention?.click());
    expect(onSearch.mock.calls).toEqual([['#mobilization'], ['@way_home']]);
    // Markup in engine output stays visible text; nothing is parsed as HTML.
    expect(dom.box.querySelector('img')).toBeNull();
    expect(dom.box.textContent).toBe(text);
  });

  it('maps a selection back to offsets in the translated text, for clips on the translation', () => {
    const text = 'Families ask #mobilization questions.';
    dom.render(<SentenceText text={text} base={100} onSearch={() => {}} />);
    const pieces = [...dom.box.querySelectorAll<HTMLElement>('[data-offset]')];
    expect(pieces.map((p) => [Number(p.dataset.offset), p.textContent])).toEqual([
      [100, 'Families ask '],
      [113, '#mobilization'],
      [126, ' questions.'],
    ]);
    const range = document.createRange();
    range.setStart(pieces[0]!.firstChild!, 9);
    range.setEnd(pieces[2]!.firstChild!, 10);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionToTextRange(dom.box, selection)).toEqual({ start: 109, end: 136 });
    expect(text.slice(109 - 100, 136 - 100)).toBe('ask #mobilization questions');
  });
});
