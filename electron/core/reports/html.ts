// The HTML report: one self-contained file (inline CSS, images as data: URIs, a CSP that forbids
// every load) that prints well and reads on a phone. The live preview is this same document.
import type { ClipInfo } from '../../../shared/domain';
import type { ItemTranslation } from '../../../shared/api/translate';
import type { ReportEntry, ReportModel } from './model';
import { escapeHtml as esc } from './escape';
import { REPORT_CSS } from './html-style';
import { timelineSvg } from './timeline-svg';
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

/** Opened from disk, the report may load nothing: no script, no remote image, font or style. */
export const REPORT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function textHtml(text: string): string {
  return paragraphs(text)
    .map((lines) => `<p>${lines.map(esc).join('<br>')}</p>`)
    .join('');
}

function link(url: string, label = url): string {
  // Only http(s) permalinks reach here (model.httpUrl); rel keeps the opened page from the report.
  return `<a href="${esc(url)}" rel="noopener noreferrer">${esc(label)}</a>`;
}

function clipHtml(clip: ClipInfo): string {
  const footer = [
    clip.note ? esc(clip.note) : '',
    clip.tags.length > 0 ? `Tags: ${esc(clip.tags.map((t) => t.path).join(', '))}` : '',
    clipSource(clip) ? `<em>${esc(clipSource(clip))}</em>` : '',
  ].filter(Boolean);
  return `<blockquote class="clip"><p>${esc(clip.quote)}</p>${footer.length > 0 ? `<footer>${footer.join(' · ')}</footer>` : ''}</blockquote>`;
}

/** The translated text with edited sentences marked. */
function translatedText(t: ItemTranslation): string {
  const byParagraph = new Map<number, string[]>();
  for (const s of t.segments) {
    if (s.target === '') continue;
    const html = s.edited
      ? `<mark class="edited" title="edited by the analyst">✎ ${esc(s.target)}</mark>`
      : esc(s.target);
    byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), html]);
  }
  return [...byParagraph.values()].map((sentences) => `<p>${sentences.join(' ')}</p>`).join('');
}

function translationTitle(t: ItemTranslation): string {
  if (!t.title || t.title.target === '') return '';
  return `<p><strong>${t.title.edited ? '✎ ' : ''}${esc(t.title.target)}</strong></p>`;
}

function sideBySide(entry: ReportEntry, t: ItemTranslation): string {
  const rows = t.segments
    .map(
      (s) =>
        `<tr><td lang="${esc(entry.item.lang ?? '')}">${esc(s.source)}</td><td lang="${esc(t.to)}"${s.edited ? ' class="edited" title="edited by the analyst"' : ''}>${s.edited ? '✎ ' : ''}${esc(s.target)}</td></tr>`,
    )
    .join('');
  return `<table class="pair"><caption>${esc(translationLabel(t))}</caption><tbody>${rows}</tbody></table>`;
}

function entryHtml(entry: ReportEntry, model: ReportModel, seen: Set<ReportEntry>): string {
  const { show, clippedOnly } = model.spec;
  const again = seen.has(entry);
  seen.add(entry);
  const anchor = again ? '' : ` id="item-${entry.item.id}"`;
  const parts = [
    `<article class="entry"${anchor}>`,
    `<h3><span class="n">[${entry.n}]</span>${esc(entryHeading(entry, model.spec.clippedOnly))}</h3>`,
  ];
  if (again) {
    parts.push(
      `<p class="meta">Shown above: <a href="#item-${entry.item.id}">[${entry.n}]</a></p></article>`,
    );
    return parts.join('');
  }
  if (show.metadata) {
    const pairs = metadataPairs(entry, model)
      .map(([k, v]) => `<dt>${esc(k)}:</dt><dd>${esc(v)}</dd>`)
      .join('');
    parts.push(
      `<dl class="meta">${pairs}${entry.item.permalink ? `<dt>Permalink:</dt><dd>${link(entry.item.permalink)}</dd>` : ''}</dl>`,
    );
  }
  const t = entry.translation;
  if (!clippedOnly && show.text) {
    if (t && show.translation === 'side-by-side') parts.push(sideBySide(entry, t));
    else
      parts.push(`<div class="text" lang="${esc(entry.item.lang ?? '')}">${textHtml(entry.item.text)}</div>`);
    if (t && show.translation === 'after') {
      parts.push(
        `<div class="translation" lang="${esc(t.to)}"><p class="label">${esc(translationLabel(t))}</p>${translationTitle(t)}${translatedText(t)}</div>`,
      );
    }
  } else if (!clippedOnly && t && show.translation !== 'none') {
    parts.push(
      `<div class="translation" lang="${esc(t.to)}"><p class="label">${esc(translationLabel(t))}</p>${translatedText(t)}</div>`,
    );
  }
  if (show.clips || clippedOnly) parts.push(...entry.clips.map(clipHtml));
  if (show.note && entry.note)
    parts.push(`<aside class="note"><strong>Analyst’s note:</strong>${textHtml(entry.note)}</aside>`);
  if (show.media && entry.thumbnails.length > 0) {
    parts.push(
      `<div class="media">${entry.thumbnails
        .map(
          (m) =>
            `<figure><img src="data:${m.mime};base64,${m.data.toString('base64')}" alt="${esc(m.name)}"><figcaption>${esc(m.name)}</figcaption></figure>`,
        )
        .join('')}</div>`,
    );
  } else if (show.media && entry.item.mediaNames.length > 0) {
    parts.push(`<p class="files">Attached: ${esc(entry.item.mediaNames.join(', '))}</p>`);
  }
  parts.push(
    `<p class="cite">[${entry.n}] ${esc(citationText(entry, model))}${entry.item.permalink ? ` ${link(entry.item.permalink)}` : ''}</p>`,
    '</article>',
  );
  return parts.join('');
}

/** A tag's colour as SVG (no style attribute: a preview under a strict CSP would refuse one). */
function swatch(color: string): string {
  return `<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill="${color}"/></svg>`;
}

function countTable(caption: string, rows: { label: string; count: number; color?: string }[]): string {
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><td>${r.color && /^#[0-9a-f]{6}$/i.test(r.color) ? swatch(r.color) : ''}${esc(r.label)}</td><td class="num">${r.count}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>${esc(caption)}</th><th>Items</th></tr></thead><tbody>${body}</tbody></table>`;
}

export interface HtmlOptions {
  /** A line shown above the report (the preview says when it shows only part). */
  notice?: string;
}

export function renderHtml(model: ReportModel, options: HtmlOptions = {}): string {
  const grouped = model.spec.groupBy !== 'none';
  const seen = new Set<ReportEntry>();
  const body: string[] = [];
  body.push('<header>', `<h1>${esc(model.title)}</h1>`);
  if (model.author) body.push(`<p class="byline">By ${esc(model.author)}</p>`);
  body.push(`<p class="generated">${esc(generatedLine(model))}</p>`);
  if (model.criteria.length > 0)
    body.push(`<ul class="criteria">${model.criteria.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`);
  body.push('</header>');
  if (options.notice) body.push(`<p class="preview-notice">${esc(options.notice)}</p>`);
  if (model.summary.trim())
    body.push(`<section class="summary"><h2>Summary</h2>${textHtml(model.summary)}</section>`);
  if (model.spec.show.overview) {
    body.push(
      '<section class="overview"><h2>Overview</h2>',
      `<p>${esc(overviewSentence(model))}</p>`,
      `<div class="counts">${countTable('Tag', model.overview.perTag)}${countTable('Source', model.overview.perSource)}</div>`,
      timelineSvg(model.overview.timeline),
      '</section>',
    );
  }
  if (grouped && model.groups.length > 1) {
    body.push(
      `<nav class="toc"><h2>Contents</h2><ol>${model.groups
        .map((g, i) => `<li><a href="#group-${i + 1}">${esc(g.label)}</a> (${g.entries.length})</li>`)
        .join('')}</ol></nav>`,
    );
  }
  if (model.entries.length === 0) body.push('<p>No items match what was chosen for this report.</p>');
  model.groups.forEach((g, i) => {
    body.push(`<section class="group" id="group-${i + 1}">`);
    if (grouped) body.push(`<h2>${esc(g.label)}</h2>`);
    else if (model.entries.length > 0) body.push('<h2>Items</h2>');
    for (const entry of g.entries) body.push(entryHtml(entry, model, seen));
    body.push('</section>');
  });
  if (model.entries.length > 0) {
    body.push(
      `<section class="sources"><h2>Sources cited</h2><ol>${model.entries
        .map(
          (e) =>
            `<li value="${e.n}">${esc(citationText(e, model))}${e.item.permalink ? ` ${link(e.item.permalink)}` : ''}</li>`,
        )
        .join('')}</ol></section>`,
    );
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Sifter">`,
    `<title>${esc(model.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    `<body><main class="report">${body.join('\n')}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}
