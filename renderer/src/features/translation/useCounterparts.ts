// Hovering or selecting a sentence in one column highlights its counterpart in the other. The
// original column belongs to the Reader, so its sentences are highlighted with the CSS Custom
// Highlight API (ranges over its text, no change to its DOM); the translated sentences are this
// feature's own spans and take a class. Listens on the two-column grid, so one listener serves both.
import { useEffect, type RefObject } from 'react';
import type { TranslatedSegment } from '../../../../shared/api/translate';
import { segmentAtOffset, segmentsInRange, type Side } from './alignment';
import { offsetAtPoint, offsetOfDomPoint, rangeForOffsets } from './dom-offsets';
import { setActive, useTranslationStore } from './store';

/** The highlight names (styled with ::highlight() in translation.css). */
export const HIGHLIGHT_COUNTERPART = 'sifter-counterpart';
export const HIGHLIGHT_SENTENCE = 'sifter-sentence';

function highlights(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

function originalText(columns: Element): Element | null {
  return columns.querySelector('[data-reader-text="original"]');
}

/** The sentence at a DOM position on one side: the one covering it, else the one just before. */
function sentenceAt(segments: readonly TranslatedSegment[], node: Node, offset: number, side: Side): number {
  const at = offsetOfDomPoint(node, offset);
  if (at === null) return -1;
  const hit = segmentAtOffset(segments, at, side);
  return hit >= 0 ? hit : segmentAtOffset(segments, at - 1, side);
}

export function useCounterparts(
  columnRef: RefObject<HTMLElement | null>,
  itemId: number,
  segments: readonly TranslatedSegment[],
): void {
  // Pointer and selection → the active sentences.
  useEffect(() => {
    const columns = columnRef.current?.closest('.reader__columns');
    if (!columns) return;
    let frame = 0;
    let selecting = false;

    const sideOf = (node: Node | null): Side | null => {
      const el = node instanceof Element ? node : (node?.parentElement ?? null);
      const text = el?.closest('[data-reader-text]');
      if (!text || !columns.contains(text)) return null;
      const side = (text as HTMLElement).dataset.readerText;
      return side === 'original' || side === 'translation' ? side : null;
    };

    const onMove = (e: MouseEvent) => {
      if (selecting) return;
      const { clientX, clientY, target } = e;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const side = sideOf(target as Node);
        if (side === 'translation') {
          const span = (target as Element).closest<HTMLElement>('[data-segment]');
          const position = span ? Number(span.dataset.segment) : -1;
          setActive(position >= 0 ? { itemId, from: side, sentences: [position] } : null);
          return;
        }
        if (side === 'original') {
          const point = offsetAtPoint(clientX, clientY);
          const position = point ? sentenceAt(segments, point.node, point.offset, side) : -1;
          setActive(position >= 0 ? { itemId, from: side, sentences: [position] } : null);
          return;
        }
        setActive(null);
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
      const side = sideOf(range.startContainer);
      if (!side || sideOf(range.endContainer) !== side) return;
      const start = offsetOfDomPoint(range.startContainer, range.startOffset);
      const end = offsetOfDomPoint(range.endContainer, range.endOffset);
      if (start === null || end === null) return;
      const sentences = segmentsInRange(segments, start, end, side);
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
    const paint = () => {
      const active = useTranslationStore.getState().active;
      registry.delete(HIGHLIGHT_COUNTERPART);
      registry.delete(HIGHLIGHT_SENTENCE);
      const original = originalText(columns);
      if (!active || active.itemId !== itemId || !original) return;
      const ranges = active.sentences
        .map((i) => segments[i])
        .map((s) => (s ? rangeForOffsets(original, s.start, s.end) : null))
        .filter((r): r is Range => r !== null);
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
      registry.delete(HIGHLIGHT_COUNTERPART);
      registry.delete(HIGHLIGHT_SENTENCE);
    };
  }, [columnRef, itemId, segments]);
}
