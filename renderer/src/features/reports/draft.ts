// The report being built: what goes in, how it is ordered, what each entry shows. Kept in a small
// store so leaving the Reports area and coming back finds the report as it was left.
import { create } from 'zustand';
import type { ReportGrouping, ReportSpecInput } from '../../../../shared/api/reports';
import { navigate } from '../../app/nav';

export type TranslationLayout = 'none' | 'after' | 'side-by-side';

export interface ReportDraft {
  title: string;
  author: string;
  summary: string;
  tagIds: number[];
  /** Chosen tags bring the items of the tags under them too. */
  withChildren: boolean;
  savedId: number | null;
  query: string;
  /** YYYY-MM-DD in the analyst's time zone, or '' for open-ended. */
  from: string;
  to: string;
  clippedOnly: boolean;
  groupBy: ReportGrouping;
  newestFirst: boolean;
  csvRows: 'item' | 'clip';
  show: {
    text: boolean;
    translation: TranslationLayout;
    clips: boolean;
    note: boolean;
    media: boolean;
    metadata: boolean;
    overview: boolean;
  };
}

export const initialDraft: ReportDraft = {
  title: 'Report',
  author: '',
  summary: '',
  tagIds: [],
  withChildren: true,
  savedId: null,
  query: '',
  from: '',
  to: '',
  clippedOnly: false,
  groupBy: 'none',
  newestFirst: false,
  csvRows: 'item',
  show: {
    text: true,
    translation: 'after',
    clips: true,
    note: true,
    media: true,
    metadata: true,
    overview: true,
  },
};

/** True when the draft chooses something to report on (tags, a saved search, a query or dates). */
export function hasSelection(d: ReportDraft): boolean {
  return d.tagIds.length > 0 || d.savedId !== null || d.query.trim() !== '' || d.from !== '' || d.to !== '';
}

/** The report spec the back end takes; null until something is chosen. */
export function toSpec(d: ReportDraft): ReportSpecInput | null {
  if (!hasSelection(d)) return null;
  return {
    title: d.title.trim() || 'Report',
    author: d.author.trim(),
    summary: d.summary,
    tags: d.tagIds.map((id) => ({ id, children: d.withChildren })),
    ...(d.savedId !== null ? { saved: d.savedId } : {}),
    ...(d.query.trim() !== '' ? { query: d.query.trim() } : {}),
    ...(d.from ? { from: d.from } : {}),
    ...(d.to ? { to: d.to } : {}),
    clippedOnly: d.clippedOnly,
    groupBy: d.groupBy,
    newestFirst: d.newestFirst,
    csvRows: d.csvRows,
    show: { ...d.show },
  };
}

/** Adds the tag when it is not chosen, removes it otherwise. */
export function toggleTag(tagIds: readonly number[], id: number): number[] {
  return tagIds.includes(id) ? tagIds.filter((t) => t !== id) : [...tagIds, id];
}

export const useReportDraft = create<ReportDraft>(() => initialDraft);

export function updateDraft(patch: Partial<ReportDraft>): void {
  useReportDraft.setState(patch);
}

export function updateShow(patch: Partial<ReportDraft['show']>): void {
  useReportDraft.setState((d) => ({ show: { ...d.show, ...patch } }));
}

/**
 * Starts a report from the current search: the Search area's "Report on these results" calls this
 * with its query (and the Tags area with a tag), then the Reports area opens with it chosen.
 */
export function reportOn(choice: { query?: string; tagId?: number }): void {
  useReportDraft.setState((d) => ({
    query: choice.query ?? d.query,
    tagIds:
      choice.tagId === undefined || d.tagIds.includes(choice.tagId) ? d.tagIds : [...d.tagIds, choice.tagId],
  }));
  navigate('reports');
}
