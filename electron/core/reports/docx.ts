// The DOCX report (the `docx` package): a title, a table of contents built from the headings,
// a heading per group and per entry, clips as quotes with their notes, translations labelled with
// their engine, and citations whose permalinks are real hyperlinks.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
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
import { imageSize } from './media';

/** Word rejects control characters in text; archives sometimes hold them. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (text: string): string => text.replace(NOT_IN_XML, '');

function textParagraphs(text: string, options: { style?: string; italics?: boolean } = {}): Paragraph[] {
  return paragraphs(text).map(
    (lines) =>
      new Paragraph({
        style: options.style,
        children: lines.map(
          (line, i) => new TextRun({ text: clean(line), break: i > 0 ? 1 : 0, italics: options.italics }),
        ),
      }),
  );
}

function hyperlink(url: string): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: 'Hyperlink' })] });
}

function citation(entry: ReportEntry, model: ReportModel): Paragraph {
  const children: ParagraphChild[] = [
    new TextRun({ text: clean(`[${entry.n}] ${citationText(entry, model)}`), size: 18, color: '555555' }),
  ];
  if (entry.item.permalink)
    children.push(new TextRun({ text: ' ', size: 18 }), hyperlink(entry.item.permalink));
  return new Paragraph({ children, spacing: { before: 120, after: 240 } });
}

function sideBySide(entry: ReportEntry): FileChild[] {
  const t = entry.translation!;
  const cell = (text: string, edited = false): TableCell =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      shading: edited ? { type: ShadingType.CLEAR, fill: 'FFF2B3', color: 'auto' } : undefined,
      children: [new Paragraph({ children: [new TextRun(clean(edited ? `✎ ${text}` : text))] })],
    });
  return [
    new Paragraph({ children: [new TextRun({ text: translationLabel(t), italics: true, size: 18 })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: t.segments.map((s) => new TableRow({ children: [cell(s.source), cell(s.target, s.edited)] })),
    }),
  ];
}

function translationAfter(entry: ReportEntry): Paragraph[] {
  const t = entry.translation!;
  const byParagraph = new Map<number, TextRun[]>();
  for (const s of t.segments) {
    if (s.target === '') continue;
    const runs = byParagraph.get(s.paragraph) ?? [];
    if (runs.length > 0) runs.push(new TextRun(' '));
    runs.push(
      s.edited
        ? new TextRun({
            text: clean(`✎ ${s.target}`),
            shading: { type: ShadingType.CLEAR, fill: 'FFF2B3', color: 'auto' },
          })
        : new TextRun(clean(s.target)),
    );
    byParagraph.set(s.paragraph, runs);
  }
  return [
    new Paragraph({ children: [new TextRun({ text: translationLabel(t), italics: true, size: 18 })] }),
    ...(t.title?.target
      ? [new Paragraph({ children: [new TextRun({ text: clean(t.title.target), bold: true })] })]
      : []),
    ...[...byParagraph.values()].map((runs) => new Paragraph({ children: runs })),
  ];
}

function entryBlocks(entry: ReportEntry, model: ReportModel, seen: Set<ReportEntry>): FileChild[] {
  const { show, clippedOnly } = model.spec;
  const out: FileChild[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      children: [new TextRun(clean(`[${entry.n}] ${entryHeading(entry, model.spec.clippedOnly)}`))],
    }),
  ];
  if (seen.has(entry)) {
    out.push(
      new Paragraph({ children: [new TextRun({ text: `Shown above as [${entry.n}].`, italics: true })] }),
    );
    return out;
  }
  seen.add(entry);
  if (show.metadata) {
    out.push(
      new Paragraph({
        children: metadataPairs(entry, model).flatMap(([k, v], i) => [
          new TextRun({ text: `${k}: `, bold: true, size: 18, break: i > 0 ? 1 : 0 }),
          new TextRun({ text: clean(v), size: 18 }),
        ]),
      }),
    );
  }
  const t = entry.translation;
  if (!clippedOnly && show.text) {
    if (t && show.translation === 'side-by-side') out.push(...sideBySide(entry));
    else out.push(...textParagraphs(entry.item.text));
    if (t && show.translation === 'after') out.push(...translationAfter(entry));
  } else if (!clippedOnly && t && show.translation !== 'none') out.push(...translationAfter(entry));
  if (show.clips || clippedOnly) {
    for (const clip of entry.clips) {
      out.push(...textParagraphs(clip.quote, { style: 'IntenseQuote' }));
      const footer = [
        clip.note,
        clip.tags.length > 0 ? `Tags: ${clip.tags.map((x) => x.path).join(', ')}` : '',
        clipSource(clip),
      ].filter(Boolean);
      if (footer.length > 0) {
        out.push(
          new Paragraph({
            indent: { left: 720 },
            children: [new TextRun({ text: clean(`— ${footer.join(' · ')}`), size: 18, color: '555555' })],
          }),
        );
      }
    }
  }
  if (show.note && entry.note) {
    out.push(
      new Paragraph({
        border: { left: { style: BorderStyle.DASHED, size: 6, color: 'AAAAAA', space: 8 } },
        children: [new TextRun({ text: 'Analyst’s note: ', bold: true }), new TextRun(clean(entry.note))],
      }),
    );
  }
  if (show.media) {
    for (const m of entry.thumbnails) {
      const size = imageSize(m.data);
      const type =
        m.mime === 'image/png'
          ? 'png'
          : m.mime === 'image/jpeg'
            ? 'jpg'
            : m.mime === 'image/gif'
              ? 'gif'
              : null;
      if (!size || !type || size.width === 0 || size.height === 0) continue;
      const scale = Math.min(1, 320 / size.width);
      out.push(
        new Paragraph({
          children: [
            new ImageRun({
              type,
              data: m.data,
              transformation: {
                width: Math.round(size.width * scale),
                height: Math.round(size.height * scale),
              },
              altText: { name: m.name, description: m.name, title: m.name },
            }),
          ],
        }),
      );
    }
  }
  out.push(citation(entry, model));
  return out;
}

function countTable(caption: string, rows: { label: string; count: number }[]): FileChild[] {
  if (rows.length === 0) return [];
  const cell = (text: string, bold = false): TableCell =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: clean(text), bold })] })] });
  return [
    new Table({
      width: { size: 60, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell(caption, true), cell('Items', true)] }),
        ...rows.map((r) => new TableRow({ children: [cell(r.label), cell(String(r.count))] })),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const body: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(model.title))] }),
  ];
  if (model.author)
    body.push(
      new Paragraph({ children: [new TextRun({ text: clean(`By ${model.author}`), italics: true })] }),
    );
  body.push(
    new Paragraph({ children: [new TextRun({ text: generatedLine(model), size: 18, color: '555555' })] }),
  );
  for (const c of model.criteria)
    body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: clean(c), size: 18 })] }));
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Contents')] }));
  // Entries join the contents while they are few; a long report lists its sections only.
  const tocLevels = model.entries.length <= 60 ? '1-3' : '1-1';
  body.push(new TableOfContents('Contents', { hyperlink: true, headingStyleRange: tocLevels }));
  if (model.summary.trim()) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
      ...textParagraphs(model.summary),
    );
  }
  if (model.spec.show.overview) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Overview')] }),
      new Paragraph({ children: [new TextRun(overviewSentence(model))] }),
      ...countTable('Tag', model.overview.perTag),
      ...countTable('Source', model.overview.perSource),
    );
    const bars = model.overview.timeline.bars.filter((b) => b.count > 0);
    if (bars.length > 0) {
      body.push(
        new Paragraph({
          children: [new TextRun({ text: `Items per ${model.overview.timeline.bucket}`, bold: true })],
        }),
      );
      for (const b of bars)
        body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${b.key}: ${b.count}`)] }));
    }
  }
  const grouped = model.spec.groupBy !== 'none';
  if (model.entries.length === 0)
    body.push(new Paragraph({ children: [new TextRun('No items match what was chosen for this report.')] }));
  const seen = new Set<ReportEntry>();
  for (const g of model.groups) {
    if (grouped)
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(clean(g.label))] }));
    else if (model.entries.length > 0)
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Items')] }));
    for (const entry of g.entries) body.push(...entryBlocks(entry, model, seen));
  }
  if (model.entries.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sources cited')] }));
    for (const e of model.entries) {
      const children: ParagraphChild[] = [new TextRun(clean(`[${e.n}] ${citationText(e, model)}`))];
      if (e.item.permalink) children.push(new TextRun(' '), hyperlink(e.item.permalink));
      body.push(new Paragraph({ children, alignment: AlignmentType.LEFT }));
    }
  }
  const doc = new Document({
    creator: clean(model.author || 'Sifter'),
    title: clean(model.title),
    description: 'A report exported from Sifter',
    features: { updateFields: true },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
