// Small formatting helpers of the Library (pure, unit-tested).
import type { ImportHistoryEntry } from '../../../../shared/domain';

const FORMAT_LABELS: Record<string, string> = {
  'telegram-json': 'Telegram (JSON)',
  'telegram-html': 'Telegram (HTML)',
  article: 'Saved article',
  rss: 'RSS feed',
  atom: 'Atom feed',
  opml: 'OPML',
  'x-archive': 'X archive',
  warc: 'WARC',
  csv: 'CSV',
  ndjson: 'NDJSON',
  zip: 'Zip',
};

export function formatLabel(format: string): string {
  return FORMAT_LABELS[format] ?? format;
}

/** "0.4 s", "12 s", "3 min 5 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Whether dropped files may be a Telegram export (where a username makes permalinks). */
export function mayBeTelegram(names: string[]): boolean {
  return names.some((n) => /(^|\/)(result\.json|messages\d*\.html)$/i.test(n) || /\.zip$/i.test(n));
}

/** CSV files among the staged paths: they may need a column mapping before import. */
export function csvPaths(paths: string[]): string[] {
  return paths.filter((p) => /\.(csv|tsv)$/i.test(p));
}

/** A one-line summary of a finished import for a notice. */
export function summarise(
  entries: { added: number; duplicates: number; skipped: number; error: string | null }[],
): string {
  const ok = entries.filter((e) => !e.error);
  const added = ok.reduce((n, e) => n + e.added, 0);
  const dup = ok.reduce((n, e) => n + e.duplicates, 0);
  const skipped = ok.reduce((n, e) => n + e.skipped, 0);
  const refused = entries.length - ok.length;
  const parts = [`${added} added`];
  if (dup > 0) parts.push(`${dup} already there`);
  if (skipped > 0) parts.push(`${skipped} skipped`);
  if (refused > 0) parts.push(`${refused} refused`);
  return parts.join(', ');
}

export type HistoryRow = ImportHistoryEntry;
