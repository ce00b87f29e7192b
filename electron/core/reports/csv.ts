// The CSV report: UTF-8 with a BOM (so spreadsheet programs read Cyrillic), CRLF rows, RFC 4180
// quoting, one row per item or per clip. A cell a spreadsheet would run as a formula — one that
// starts with = + - @, a tab or a carriage return — is neutralised with a leading single quote
// (OWASP "CSV injection").
import type { ReportModel } from './model';
import { citationText, sourceLine } from './labels';
import { formatZoned, isoUtc } from './time';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet may safely read it. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, then quoted when it holds a quote, comma or line break. */
export function csvField(value: string | number | null | undefined): string {
  const text = neutraliseCell(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

export function renderCsv(model: ReportModel): string {
  const perClip = model.spec.csvRows === 'clip';
  const zoned = model.zone.id !== 'UTC';
  const header = [
    'citation',
    'item_id',
    'published_utc',
    ...(zoned ? [`published_${model.zone.label}`] : []),
    'source',
    'author',
    'title',
    perClip ? 'quote' : 'text',
    ...(perClip ? ['clip_note', 'clip_tags'] : []),
    'tags',
    'note',
    'translation',
    'translation_engine',
    'permalink',
    'cited_as',
  ];
  let out = '\uFEFF' + csvRow(header);
  for (const entry of model.entries) {
    const t = entry.translation;
    const translation = t ? t.text : '';
    const engine = t
      ? [...new Set(t.segments.map((s) => (s.edited ? 'edited' : s.engine)).filter(Boolean))].join(', ')
      : '';
    const common = (text: string, clip: string[]): (string | number | null)[] => [
      entry.n,
      entry.item.id,
      entry.item.publishedAt === null ? '' : (isoUtc(entry.item.publishedAt) ?? ''),
      ...(zoned
        ? [entry.item.publishedAt === null ? '' : (formatZoned(entry.item.publishedAt, model.zone) ?? '')]
        : []),
      sourceLine(entry),
      entry.item.author,
      entry.item.title,
      text,
      ...clip,
      entry.tags.map((tag) => tag.path).join('; '),
      entry.note,
      translation,
      engine,
      entry.item.permalink,
      citationText(entry, model),
    ];
    if (perClip) {
      for (const clip of entry.clips) {
        out += csvRow(common(clip.quote, [clip.note, clip.tags.map((tag) => tag.path).join('; ')]));
      }
    } else {
      out += csvRow(
        common(model.spec.clippedOnly ? entry.clips.map((c) => c.quote).join('\n…\n') : entry.item.text, []),
      );
    }
  }
  return out;
}
