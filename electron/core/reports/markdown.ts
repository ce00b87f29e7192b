// The Markdown report: the same entries and citations as the HTML one, as plain text that reads
// well unrendered. Archive text is escaped so it cannot turn into links, images or raw HTML.
import type { ItemTranslation } from '../../../shared/api/translate';
import type { ReportEntry, ReportModel } from './model';
import {
  citationText,
  clipSource,
  entryHeading,
  generatedLine,
  metadataPairs,
  overviewSentence,
  paragraphs,
  translationLabel,
} from './labels';

/** Escapes Markdown syntax (and HTML) in one line of text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(
      /^(\s*)([-=]+|\d+\.)(\s|$)/,
      (_m, sp: string, mark: string, after: string) => `${sp}\\${mark}${after}`,
    )
    .replace(/&/g, '&amp;');
}

function block(text: string, prefix = ''): string {
  return paragraphs(text)
    .map((lines) => lines.map((l) => `${prefix}${escapeMarkdown(l)}`).join(`  \n`))
    .join(`\n${prefix.trimEnd()}\n`);
}

/** A URL as a Markdown autolink; angle brackets cannot be in a parsed http(s) URL. */
const autolink = (url: string): string => `<${url}>`;

function translationMd(t: ItemTranslation): string {
  const byParagraph = new Map<number, string[]>();
  for (const s of t.segments) {
    if (s.target === '') continue;
    byParagraph.set(s.paragraph, [
      ...(byParagraph.get(s.paragraph) ?? []),
      `${s.edited ? '✎ ' : ''}${escapeMarkdown(s.target)}`,
    ]);
  }
  return [
    `*${escapeMarkdown(translationLabel(t))}*`,
    ...[...byParagraph.values()].map((p) => p.join(' ')),
  ].join('\n\n');
}

function entryMd(entry: ReportEntry, model: ReportModel, seen: Set<ReportEntry>): string {
  const { show, clippedOnly } = model.spec;
  const out = [`### [${entry.n}] ${escapeMarkdown(entryHeading(entry, model.spec.clippedOnly))}`];
  if (seen.has(entry)) return `${out[0]}\n\nShown above as [${entry.n}].`;
  seen.add(entry);
  if (show.metadata) {
    const lines = metadataPairs(entry, model).map(
      ([k, v]) => `- **${escapeMarkdown(k)}:** ${escapeMarkdown(v)}`,
    );
    if (entry.item.permalink) lines.push(`- **Permalink:** ${autolink(entry.item.permalink)}`);
    out.push(lines.join('\n'));
  }
  const t = entry.translation;
  if (!clippedOnly && show.text && entry.item.text.trim()) out.push(block(entry.item.text));
  if (!clippedOnly && t && show.translation !== 'none') out.push(translationMd(t));
  if (show.clips || clippedOnly) {
    for (const clip of entry.clips) {
      const footer = [
        clip.note,
        clip.tags.length > 0 ? `Tags: ${clip.tags.map((x) => x.path).join(', ')}` : '',
        clipSource(clip),
      ]
        .filter(Boolean)
        .map(escapeMarkdown)
        .join(' · ');
      out.push(`${block(clip.quote, '> ')}${footer ? `\n>\n> — ${footer}` : ''}`);
    }
  }
  if (show.note && entry.note) out.push(`**Analyst’s note:** ${block(entry.note)}`);
  if (show.media && entry.item.mediaNames.length > 0)
    out.push(`*Attached: ${escapeMarkdown(entry.item.mediaNames.join(', '))}*`);
  out.push(
    `[${entry.n}] ${escapeMarkdown(citationText(entry, model))}${entry.item.permalink ? ` ${autolink(entry.item.permalink)}` : ''}`,
  );
  return out.join('\n\n');
}

export function renderMarkdown(model: ReportModel): string {
  const out = [`# ${escapeMarkdown(model.title)}`];
  const head: string[] = [];
  if (model.author) head.push(`By ${escapeMarkdown(model.author)}`);
  head.push(escapeMarkdown(generatedLine(model)));
  out.push(head.join('  \n'));
  if (model.criteria.length > 0) out.push(model.criteria.map((c) => `- ${escapeMarkdown(c)}`).join('\n'));
  if (model.summary.trim()) out.push('## Summary', block(model.summary));
  if (model.spec.show.overview) {
    out.push('## Overview', escapeMarkdown(overviewSentence(model)));
    const table = (what: string, rows: { label: string; count: number }[]): string =>
      [
        `| ${what} | Items |`,
        '|---|---:|',
        ...rows.map((r) => `| ${escapeMarkdown(r.label)} | ${r.count} |`),
      ].join('\n');
    if (model.overview.perTag.length > 0) out.push(table('Tag', model.overview.perTag));
    if (model.overview.perSource.length > 0) out.push(table('Source', model.overview.perSource));
    const bars = model.overview.timeline.bars.filter((b) => b.count > 0);
    if (bars.length > 0) {
      out.push(
        `Items per ${model.overview.timeline.bucket}:`,
        bars.map((b) => `- ${b.key}: ${b.count}`).join('\n'),
      );
    }
  }
  const grouped = model.spec.groupBy !== 'none';
  if (grouped && model.groups.length > 1) {
    out.push(
      '## Contents',
      model.groups.map((g, i) => `${i + 1}. ${escapeMarkdown(g.label)} (${g.entries.length})`).join('\n'),
    );
  }
  if (model.entries.length === 0) out.push('No items match what was chosen for this report.');
  const seen = new Set<ReportEntry>();
  for (const g of model.groups) {
    if (grouped) out.push(`## ${escapeMarkdown(g.label)}`);
    else if (model.entries.length > 0) out.push('## Items');
    for (const entry of g.entries) out.push(entryMd(entry, model, seen));
  }
  if (model.entries.length > 0) {
    out.push(
      '## Sources cited',
      model.entries
        .map(
          (e) =>
            `${e.n}. ${escapeMarkdown(citationText(e, model))}${e.item.permalink ? ` ${autolink(e.item.permalink)}` : ''}`,
        )
        .join('\n'),
    );
  }
  return out.join('\n\n') + '\n';
}
