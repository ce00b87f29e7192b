// Draws the item's clips over the Reader's text with the CSS Custom Highlight API: Range objects
// registered as the `sifter-clip` highlight (and `sifter-clip-active` for the clip in focus), styled
// by `::highlight()` rules. The Reader's DOM is never touched, so its own rendering (entities,
// links, the plain-text toggle, a translation column arriving later) stays as it is; the ranges are
// rebuilt whenever that DOM changes.
import { useEffect } from 'react';
import type { ClipInfo } from '../../../../../shared/domain';
import { clipRange } from '../clipRanges';

export const CLIP_HIGHLIGHT = 'sifter-clip';
export const ACTIVE_HIGHLIGHT = 'sifter-clip-active';

/** Whether this browser can draw highlights (Chromium 105+, Electron; jsdom cannot). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** The rendered texts a clip can be in: the original (or article) for 'text', the matching translation. */
export function containersFor(
  root: ParentNode,
  clip: Pick<ClipInfo, 'field' | 'lang'>,
  targetLanguage: string,
): Element[] {
  if (clip.field === 'text')
    return [...root.querySelectorAll('[data-reader-text="original"], [data-reader-text="article"]')];
  const all = [...root.querySelectorAll('[data-reader-text="translation"]')];
  return all.filter((c) => (c.getAttribute('data-lang') ?? targetLanguage) === clip.lang);
}

/** The on-screen range of a clip, or null when its words are not shown (or it is detached). */
export function rangeOfClip(root: ParentNode, clip: ClipInfo, targetLanguage: string): Range | null {
  if (clip.detached) return null;
  for (const container of containersFor(root, clip, targetLanguage)) {
    const range = clipRange(container, clip);
    if (range) return range;
  }
  return null;
}

export function useClipHighlights(
  clips: readonly ClipInfo[],
  activeId: number | null,
  targetLanguage: string,
): void {
  useEffect(() => {
    if (!highlightsSupported()) return;
    const root = document.querySelector('.reader');
    if (!root) return;
    let frame = 0;
    const paint = () => {
      const all = new Highlight();
      const active = new Highlight();
      for (const clip of clips) {
        const range = rangeOfClip(root, clip, targetLanguage);
        if (!range) continue;
        (clip.id === activeId ? active : all).add(range);
      }
      CSS.highlights.set(CLIP_HIGHLIGHT, all);
      CSS.highlights.set(ACTIVE_HIGHLIGHT, active);
    };
    paint();
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(paint);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      CSS.highlights.delete(CLIP_HIGHLIGHT);
      CSS.highlights.delete(ACTIVE_HIGHLIGHT);
    };
  }, [clips, activeId, targetLanguage]);
}
