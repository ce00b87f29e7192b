// What the analyst selected in the Reader, as a clip would store it: which text (the original or a
// translation), offsets in that text and the quoted words. The translation column (another
// feature's SecondColumn) takes part by rendering its text like the original — a container
// `data-reader-text="translation"` with `data-offset` pieces, and `data-lang="<code>"` when its
// language is not the analyst's target language (settings.targetLanguage, the column's default).
import type { ItemDetail } from '../../../../../shared/domain';
import { selectionToTextRange } from '../../reader/selection';
import { locateQuote, piecesText } from '../clipRanges';

export interface ClipTarget {
  field: 'text' | 'translation';
  lang: string | null;
  start: number;
  end: number;
  quote: string;
}

const TEXT_CONTAINERS = '[data-reader-text]';

/** Drops whitespace at either end of a span, so a clip starts and ends on words. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  return e > s ? { start: s, end: e } : null;
}

/** The clip the current selection would make, or null when it is not inside one text of the Reader. */
export function clipTargetOf(
  selection: Selection | null,
  item: ItemDetail,
  root: Element,
  targetLanguage: string,
): ClipTarget | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const startEl =
    range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const container = startEl?.closest(TEXT_CONTAINERS);
  if (!container || !root.contains(container) || !container.contains(range.endContainer)) return null;
  const kind = container.getAttribute('data-reader-text');

  if (kind === 'translation') {
    const lang = container.getAttribute('data-lang') ?? targetLanguage;
    const span = selectionToTextRange(container, selection);
    if (!lang || !span) return null;
    const text = piecesText(container);
    const trimmed = trimSpan(text, span.start, span.end);
    return trimmed
      ? { field: 'translation', lang, ...trimmed, quote: text.slice(trimmed.start, trimmed.end) }
      : null;
  }

  // The original: offsets straight from its pieces, or, for an article shown as HTML, the selected
  // words found in the item's plain text.
  const span =
    kind === 'original'
      ? selectionToTextRange(container, selection)
      : locateQuote(item.text, selection.toString());
  if (!span) return null;
  const trimmed = trimSpan(item.text, span.start, span.end);
  return trimmed
    ? { field: 'text', lang: null, ...trimmed, quote: item.text.slice(trimmed.start, trimmed.end) }
    : null;
}
