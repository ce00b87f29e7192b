// Keeps each translated paragraph level with its original paragraph: measures where the original
// paragraphs start (their first sentence, located by originalText.ts) and where the
// translated ones would start, and adds space above translated paragraphs where they run ahead.
// When the translation starts lower (its title comes first) the original column is moved down
// instead, through a CSS variable on the Reader's grid that translation.css applies. Both columns
// sit in one scrolling area, so aligned paragraphs also scroll together. Measured again whenever
// either column changes size (fonts, window width, an edit, media loading).
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { TranslatedSegment } from '../../../../shared/api/translate';
import { alignColumns, spacersChanged, type ParagraphRow } from './alignment';
import { originalText } from './originalText';

const LEAD = '--translation-lead';

/**
 * Where the first line of a translated paragraph draws its text (the top of its first inline box,
 * below the spacer), measured like the original's first character so half-leading cancels out.
 */
function firstLineTop(block: HTMLElement): number {
  const range = document.createRange();
  range.selectNodeContents(block);
  const rect = range.getClientRects()[0];
  return rect
    ? rect.top
    : block.getBoundingClientRect().top + (Number.parseFloat(block.style.paddingTop) || 0);
}

export function useParagraphAlignment(
  columnRef: RefObject<HTMLElement | null>,
  rows: readonly ParagraphRow[],
  segments: readonly TranslatedSegment[],
  enabled: boolean,
): number[] {
  const [spacers, setSpacers] = useState<number[]>([]);

  useLayoutEffect(() => {
    const column = columnRef.current;
    const columns = column?.closest<HTMLElement>('.reader__columns');
    // The Reader's original column: it stays while its content changes (the "Plain text" switch).
    const original = columns?.querySelector<HTMLElement>('.reader__original');
    if (!enabled || !column || !columns || !original) {
      setSpacers((s) => (s.length === 0 ? s : []));
      return;
    }
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const blocks = [...column.querySelectorAll<HTMLElement>('[data-paragraph-row]')];
        // Where each block would start without its spacer (the spacers above it included).
        let added = 0;
        const natural = blocks.map((block) => {
          const own = Number.parseFloat(block.style.paddingTop) || 0;
          added += own;
          return firstLineTop(block) - added;
        });
        const lead = Number.parseFloat(columns.style.getPropertyValue(LEAD)) || 0;
        const text = originalText(columns, segments);
        const wanted = rows.map((row) => {
          const first = row.sentences[0];
          const top = first === undefined ? undefined : text?.sentenceRange(first)?.getClientRects()[0]?.top;
          return top === undefined ? null : top - lead;
        });
        const next = alignColumns(natural, wanted);
        if (Math.abs(next.lead - lead) > 1) columns.style.setProperty(LEAD, `${next.lead}px`);
        setSpacers((current) => (spacersChanged(current, next.spacers) ? next.spacers : current));
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(original);
    observer.observe(column);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      columns.style.removeProperty(LEAD);
    };
  }, [columnRef, rows, segments, enabled]);

  return spacers;
}
