// Switching columns (side by side ↔ original ↔ translation) keeps the analyst's place: the
// paragraph at the top of the view before the switch is at the same height after it, on whichever
// side is now shown (the translation column stays drawn while hidden, so it can be measured).
import type { TranslatedSegment } from '../../../../shared/api/translate';
import { paragraphRows } from './alignment';
import { originalText } from './originalText';

export interface ReadingPosition {
  /** The paragraph row under the top edge of the view. */
  row: number;
  /** Where that row started on screen before the switch. */
  top: number;
}

function parts(): { scroller: HTMLElement; columns: Element; blocks: HTMLElement[] } | null {
  const columns = document.querySelector('.reader__columns');
  const scroller = columns?.closest<HTMLElement>('.area');
  if (!columns || !scroller) return null;
  return { scroller, columns, blocks: [...columns.querySelectorAll<HTMLElement>('[data-paragraph-row]')] };
}

/** Where each paragraph row starts on screen on the side that is showing (translation first). */
function rowTops(segments: readonly TranslatedSegment[]): (number | null)[] {
  const found = parts();
  if (!found) return [];
  const rows = paragraphRows(segments);
  const text = originalText(found.columns, segments);
  return rows.map((row, r) => {
    const block = found.blocks[r];
    if (block && block.getClientRects().length > 0) return block.getBoundingClientRect().top;
    const first = row.sentences[0];
    const rect = first === undefined ? undefined : text?.sentenceRange(first)?.getClientRects()[0];
    return rect ? rect.top : null;
  });
}

export function readingPosition(segments: readonly TranslatedSegment[]): ReadingPosition | null {
  const found = parts();
  if (!found) return null;
  const viewTop = found.scroller.getBoundingClientRect().top;
  let best: ReadingPosition | null = null;
  rowTops(segments).forEach((top, row) => {
    if (top !== null && top <= viewTop + 1) best = { row, top };
  });
  return best;
}

/** Scrolls so that the remembered row is where it was (call once the new layout is drawn). */
export function restoreReadingPosition(
  segments: readonly TranslatedSegment[],
  position: ReadingPosition,
): void {
  const top = rowTops(segments)[position.row];
  const scroller = parts()?.scroller;
  if (scroller && top !== null && top !== undefined) scroller.scrollBy({ top: top - position.top });
}
