// Hovering or selecting a sentence in one column highlights its counterpart in the other. The
// original column belongs to the Reader, so its sentences are highlighted with the CSS Custom
// Highlight API (ranges over its text, no change to its DOM); the translated sentences are this
// feature's own spans and take a class. Listens on the two-column grid, so one listener serves both.
import { useEffect, type RefObject } from 'react';
import type { TranslatedSegment } from '../../../../shared/api/translate';
import { segmentsInRange, type Side } from './alignment';
import { caretAtPoint, offsetOfDomPoint } from './dom-offsets';
import { originalText, sentencesInRange } from './originalText';
import { setActive, useTranslationStore } from './store';

/** The highlight names (styled with ::highlight() in translation.css). */
export const HIGHLIGHT_COUNTERPART = 'sifter-counterpart';
export const HIGHLIGHT_SENTENCE = 'sifter-sentence';

function highlights(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

/** Which side's text a node is in: the original (a post's text or an article) or the translation. */
function sideOf(columns: Element, node: Node | null): Side | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  const text = el?.closest<HTMLElement>('[data-reader-text]');
  if (!text || !columns.contains(text)) return null;
  const side = text.dataset.readerText;
  if (side === 'translation') return 'translation';
  return side === 'original' || side === 'article' ? 'original' : null;
}

export function useCounterparts(
  columnRef: RefObject<HTMLElement | null>,
  itemId: number,
  segments: readonly TranslatedSegment[],
): void {
  // Pointer and selection → the active sentences.
  useEffect(() => {
    const columns = columnRef.current?.closest('.reader__columns');
    if (!columns || segments.length === 0) return;
    let frame = 0;
    let selecting = false;

    const onMove = (e: MouseEvent) => {
      if (selecting) return;
      const { clientX, clientY, target } = e;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const side = sideOf(columns, target as Node);
        let position = -1;
        if (side === 'translation') {
          const span = (target as Element).closest<HTMLElement>('[data-segment]');
          position = span ? Number(span.dataset.segment) : -1;
        } else if (side === 'original') {
          const point = caretAtPoint(clientX, clientY);
          const text = originalText(columns, segments);
          position = point && text?.contains(point.node) ? text.sentenceAt(point.node, point.offset) : -1;
        }
        setActive(side && position >= 0 ? { itemId, from: side, sentences: [position] } : null);
      });
    };
    const onLeave = () => {
      if (!selecting) setActive(null);
    };
    const onSelection = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
        if (selecting) setActive(null);
        selecting = false;
        return;
      }
      const range = selection.getRangeAt(0);
      const side = sideOf(columns, range.startContainer);
      if (!side || sideOf(columns, range.endContainer) !== side) return;
      let sentences: number[] = [];
      if (side === 'translation') {
        const start = offsetOfDomPoint(range.startContainer, range.startOffset);
        const end = offsetOfDomPoint(range.endContainer, range.endOffset);
        if (start !== null && end !== null) sentences = segmentsInRange(segments, start, end, side);
      } else {
        const text = originalText(columns, segments);
        if (text) sentences = sentencesInRange(text, segments.length, range);
      }
      selecting = sentences.length > 0;
      setActive(selecting ? { itemId, from: side, sentences } : null);
    };

    columns.addEventListener('mousemove', onMove as EventListener);
    columns.addEventListener('mouseleave', onLeave);
    document.addEventListener('selectionchange', onSelection);
    return () => {
      cancelAnimationFrame(frame);
      columns.removeEventListener('mousemove', onMove as EventListener);
      columns.removeEventListener('mouseleave', onLeave);
      document.removeEventListener('selectionchange', onSelection);
      setActive(null);
    };
  }, [columnRef, itemId, segments]);

  // The active sentences → highlights over the original text.
  useEffect(() => {
    const registry = highlights();
    const columns = columnRef.current?.closest('.reader__columns');
    if (!registry || !columns) return;
    const clear = () => {
      registry.delete(HIGHLIGHT_COUNTERPART);
      registry.delete(HIGHLIGHT_SENTENCE);
    };
    const paint = () => {
      clear();
      const active = useTranslationStore.getState().active;
      const text = active?.itemId === itemId ? originalText(columns, segments) : null;
      if (!active || !text) return;
      const ranges = active.sentences.map((i) => text.sentenceRange(i)).filter((r): r is Range => r !== null);
      if (ranges.length === 0) return;
      // Pointing at the translation lights up its source; pointing at the original marks the
      // sentence itself (its counterpart in the translation takes a class).
      registry.set(
        active.from === 'translation' ? HIGHLIGHT_COUNTERPART : HIGHLIGHT_SENTENCE,
        new Highlight(...ranges),
      );
    };
    paint();
    const stop = useTranslationStore.subscribe((s, prev) => {
      if (s.active !== prev.active) paint();
    });
    return () => {
      stop();
      clear();
    };
  }, [columnRef, itemId, segments]);
}
