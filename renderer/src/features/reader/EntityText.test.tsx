// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EntityText } from './EntityText';
import { selectionToTextRange } from './selection';
import { mountPerTest } from '../../test/mount';

const dom = mountPerTest();

const TEXT = 'Напоминаем: мы не экстремисты. <b>x</b> #путьдомой https://example.org/a';

function render(onSearch = vi.fn()) {
  dom.render(
    <EntityText
      text={TEXT}
      entities={[
        { type: 'bold', offset: 12, length: 17 },
        { type: 'hashtag', offset: 40, length: 10 },
        { type: 'link', offset: 51, length: 21 },
        { type: 'text_link', offset: 0, length: 10, href: 'javascript:alert(1)' },
      ]}
      onSearch={onSearch}
    />,
  );
  return onSearch;
}

describe('EntityText', () => {
  it('renders archive text as text: markup in it stays visible characters', () => {
    render();
    expect(dom.box.textContent).toBe(TEXT);
    expect(dom.box.querySelector('b')).toBeNull();
    expect(dom.box.querySelector('strong')?.textContent).toBe('мы не экстремисты');
  });

  it('links only to safe URLs, opening outside the app', () => {
    render();
    const links = [...dom.box.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a']);
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('searches for a hashtag when it is clicked', () => {
    const onSearch = render();
    const tag = [...dom.box.querySelectorAll('button')].find((b) => b.textContent === '#путьдомой')!;
    act(() => tag.click());
    expect(onSearch).toHaveBeenCalledWith('#путьдомой');
  });

  it('maps a selection across styled pieces back to offsets in the plain text', () => {
    render();
    const container = dom.box.querySelector('[data-reader-text="original"]')!;
    const strong = dom.box.querySelector('strong')!.firstChild!;
    const plainAfter = [...container.querySelectorAll('[data-offset]')].find((el) =>
      el.textContent?.startsWith('. <b>'),
    )!.firstChild!;
    const range = document.createRange();
    range.setStart(strong, 3); // "не экстремисты…" starts at 12 + 3
    range.setEnd(plainAfter, 1); // just after the full stop
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const mapped = selectionToTextRange(container, selection)!;
    expect(TEXT.slice(mapped.start, mapped.end)).toBe('не экстремисты.');
  });
});
