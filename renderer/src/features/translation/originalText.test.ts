// @vitest-environment jsdom
import type { TranslatedSegment } from '../../../../shared/api/translate';
import { collapseWhitespace, locateSentences, originalText, sentencesInRange } from './originalText';

function segments(sources: [string, number][]): TranslatedSegment[] {
  return sources.map(([source, start], index) => ({
    index,
    paragraph: 0,
    start,
    end: start + source.length,
    source,
    target: '',
    engine: null,
    edited: false,
    targetStart: 0,
    targetEnd: 0,
  }));
}

function grid(html: string): HTMLElement {
  const columns = document.createElement('div');
  columns.className = 'reader__columns';
  columns.innerHTML = html; // test markup, not archive content
  document.body.replaceChildren(columns);
  return columns;
}

function textNode(root: Element, containing: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (n.textContent?.includes(containing)) return n as Text;
  throw new Error(`no text node with ${containing}`);
}

describe('collapsing whitespace and finding sentences in a page', () => {
  it('collapses runs of whitespace and remembers where each character came from', () => {
    const { text, index } = collapseWhitespace('  Uno \n\n dos.');
    expect(text).toBe('Uno dos.');
    expect(index).toEqual([2, 3, 4, 5, 9, 10, 11, 12]);
  });

  it('finds sentences in order, a repeated sentence at its own place, a missing one as null', () => {
    const page = 'Sí. Hola mundo. Sí. Fin.';
    expect(locateSentences(page, ['Sí.', 'Hola\nmundo.', 'Sí.', 'Nada.', 'Fin.'])).toEqual([
      [0, 3],
      [4, 15],
      [16, 19],
      null,
      [20, 24],
    ]);
  });
});

describe('the original column as the translation sees it', () => {
  it('maps a post’s sentences through its data-offset pieces', () => {
    const columns = grid(
      '<div data-reader-text="original"><span data-offset="0">Uno dos. </span><span data-offset="9"><strong>Tres cuatro.</strong></span></div>',
    );
    const segs = segments([
      ['Uno dos.', 0],
      ['Tres cuatro.', 9],
    ]);
    const text = originalText(columns, segs);
    expect(text?.sentenceRange(0)?.toString()).toBe('Uno dos.');
    expect(text?.sentenceRange(1)?.toString()).toBe('Tres cuatro.');
    const node = textNode(columns, 'Tres');
    expect(text?.sentenceAt(node, 6)).toBe(1);
    // The caret right after "dos." still points at the first sentence.
    expect(text?.sentenceAt(textNode(columns, 'Uno'), 8)).toBe(0);
  });

  it('finds an article’s sentences in its HTML, whatever the whitespace and markup', () => {
    const columns = grid(
      '<div data-reader-text="article"><h2>Título</h2><p>Uno\n   dos. Tres.</p><p>Cuatro <b>cinco</b>.</p></div>',
    );
    const segs = segments([
      ['Título', 0],
      ['Uno dos.', 7],
      ['Tres.', 16],
      ['Cuatro cinco.', 22],
    ]);
    const text = originalText(columns, segs);
    expect(text?.sentenceRange(1)?.toString()).toBe('Uno\n   dos.');
    expect(text?.sentenceRange(3)?.toString()).toBe('Cuatro cinco.');
    expect(text?.sentenceAt(textNode(columns, 'cinco'), 2)).toBe(3);
    expect(text?.sentenceAt(textNode(columns, 'Uno'), 14)).toBe(2);

    const selection = document.createRange();
    selection.setStart(textNode(columns, 'Uno'), 10);
    selection.setEnd(textNode(columns, 'Cuatro'), 3);
    expect(sentencesInRange(text!, segs.length, selection)).toEqual([1, 2, 3]);
  });
});
