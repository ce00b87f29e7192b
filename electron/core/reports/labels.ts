// Words every format prints the same way: entry headings, citations, the translation's label,
// the overview's sentence. Keeping them here keeps HTML, DOCX, PDF, Markdown and CSV in agreement.
import type { ClipInfo } from '../../../shared/domain';
import type { ItemTranslation } from '../../../shared/api/translate';
import type { ReportEntry, ReportModel } from './model';
import { formatBoth, formatUtc, formatZoned } from './time';

const HEADING_CHARS = 90;

/** The entry's heading: its title, else its first words — or, when only clips are shown, where it is from. */
export function entryHeading(entry: ReportEntry, clippedOnly = false): string {
  const title = entry.item.title?.trim();
  if (title) return title;
  if (clippedOnly) {
    const t = entry.item.publishedAt;
    return `${sourceLine(entry)}, ${t === null ? 'undated' : new Date(t).toISOString().slice(0, 10)}`;
  }
  const text = entry.item.text.replace(/\s+/g, ' ').trim();
  if (text === '') return `${entry.item.sourceName}, item ${entry.item.id}`;
  return text.length > HEADING_CHARS ? `${text.slice(0, HEADING_CHARS).replace(/\s+\S*$/, '')}…` : text;
}

export function sourceLine(entry: ReportEntry): string {
  const { sourceName, channel } = entry.item;
  return channel && channel !== sourceName ? `${sourceName} — ${channel}` : sourceName;
}

/** The author when it adds something: a channel's posts are "authored" by the channel itself. */
function distinctAuthor(entry: ReportEntry): boolean {
  const { author, sourceName, channel } = entry.item;
  return Boolean(author) && author !== sourceName && author !== channel;
}

/** "2024-01-10 09:05 UTC · 2024-01-10 11:05 Europe/Kyiv (UTC+02:00)", or "undated". */
export function publishedLine(entry: ReportEntry, model: ReportModel): string {
  const t = entry.item.publishedAt;
  if (t === null) return 'undated';
  const when = formatBoth(t, model.zone);
  return entry.item.timeZoneUnknown ? `${when} (the archive gave no time zone)` : when;
}

/** The metadata of an entry as label/value pairs (the permalink is separate: formats link it). */
export function metadataPairs(entry: ReportEntry, model: ReportModel): [string, string][] {
  const pairs: [string, string][] = [['Source', sourceLine(entry)]];
  if (distinctAuthor(entry)) pairs.push(['Author', entry.item.author!]);
  const t = entry.item.publishedAt;
  if (t === null) pairs.push(['Published', 'undated']);
  else {
    pairs.push(['Published (UTC)', formatUtc(t)]);
    const zoned = formatZoned(t, model.zone);
    if (zoned) pairs.push([`Published (${model.zone.label})`, zoned]);
    if (entry.item.timeZoneUnknown) pairs.push(['Note', 'the archive gave a local time with no time zone']);
  }
  if (entry.item.lang) pairs.push(['Language', entry.item.lang]);
  if (entry.tags.length > 0) pairs.push(['Tags', entry.tags.map((t) => t.path).join(', ')]);
  return pairs;
}

/** The citation of an entry: "[3] Source — Channel, Author, 2024-01-10 09:05 UTC. https://…" (permalink last). */
export function citationText(entry: ReportEntry, model: ReportModel): string {
  const parts = [sourceLine(entry)];
  if (distinctAuthor(entry)) parts.push(entry.item.author!);
  parts.push(publishedLine(entry, model));
  const title = entry.item.title?.trim();
  return `${title ? `“${title}”, ` : ''}${parts.join(', ')}.`;
}

/** How a translation was made: machine translation is always labelled with its engine. */
export function translationLabel(t: ItemTranslation): string {
  const engines = new Set<string>();
  let edited = 0;
  let machine = 0;
  for (const s of t.segments) {
    if (s.target === '') continue;
    if (s.edited) edited++;
    if (s.engine && s.engine !== 'manual' && !s.edited) machine++;
    if (s.engine && s.engine !== 'manual') engines.add(s.engine);
  }
  if (t.engine && t.engine !== 'manual') engines.add(t.engine);
  const lang = t.to;
  if (machine === 0 && engines.size === 0) return `Translation into ${lang} by the analyst`;
  const by = engines.size > 0 ? [...engines].sort().join(', ') : 'an unknown engine';
  const base = `Machine translation into ${lang} (${by})`;
  return edited > 0
    ? `${base}; ${edited} sentence${edited === 1 ? '' : 's'} edited by the analyst, marked ✎`
    : base;
}

export function clipSource(clip: ClipInfo): string {
  const where = clip.field === 'translation' ? `from the ${clip.lang ?? ''} translation` : '';
  const gone = clip.detached ? 'no longer found in the text' : '';
  return [where, gone].filter(Boolean).join('; ');
}

export function overviewSentence(model: ReportModel): string {
  const { items, clips, undated } = model.overview;
  const n = (count: number, word: string): string =>
    `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
  return `${n(items, 'item')}${clips > 0 ? `, ${n(clips, 'clip')}` : ''}${undated > 0 ? ` (${undated} undated)` : ''}.`;
}

export function generatedLine(model: ReportModel): string {
  return `Generated ${formatBoth(model.generatedAt, model.zone)}`;
}

/** Text split into paragraphs (blank lines) and lines. */
export function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n'))
    .filter((p) => p.some((line) => line.trim() !== ''));
}
