// The HTML report's stylesheet, inlined in the file: readable on a phone (one column, fluid
// tables), printable (page breaks kept out of entries, links printed as text), no external fonts.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6672; --rule: #d8dde3; --accent: #2a5db0; --quote: #f3f5f8; --mark: #fff2b3; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 16px/1.55 "Noto Serif", Georgia, "Times New Roman", serif; }
.report { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; overflow-wrap: anywhere; }
h1, h2, h3 { font-family: "Noto Sans", "Segoe UI", Helvetica, Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 .4rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.08rem; margin: 0 0 .3rem; }
a { color: var(--accent); overflow-wrap: anywhere; }
.byline, .generated, .meta, .chart-caption, .cite, .criteria { color: var(--muted); font-size: .9rem; }
.criteria { padding-left: 1.1rem; margin: .4rem 0; }
.summary p { margin: .5rem 0; }
.preview-notice { background: var(--mark); padding: .5rem .75rem; border-radius: 4px; font: .9rem/1.4 sans-serif; }
.counts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
.counts table { border-collapse: collapse; font-size: .92rem; min-width: 14rem; }
.counts th, .counts td { text-align: left; padding: .15rem .5rem .15rem 0; border-bottom: 1px solid var(--rule); }
.counts td.num { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: .7em; height: .7em; margin-right: .35em; vertical-align: baseline; }
svg.timeline { width: 100%; height: auto; max-height: 11rem; margin-top: 1rem; }
svg.timeline .bars rect { fill: var(--accent); }
svg.timeline .axis { stroke: var(--muted); stroke-width: 1; }
svg.timeline text { font: 11px sans-serif; fill: var(--muted); }
.toc ol { padding-left: 1.2rem; }
.entry { margin: 1.2rem 0 1.6rem; padding-top: .8rem; border-top: 1px solid var(--rule); break-inside: avoid-page; }
.entry .n { color: var(--muted); font-weight: normal; margin-right: .3rem; }
.meta { margin: 0 0 .5rem; }
.meta dt { display: inline; font-weight: 600; }
.meta dd { display: inline; margin: 0 .8rem 0 .25rem; }
.text p { margin: .45rem 0; }
.clip { margin: .7rem 0; padding: .5rem .9rem; background: var(--quote); border-left: 4px solid var(--accent); }
.clip p { margin: 0; }
.clip footer { color: var(--muted); font-size: .88rem; margin-top: .35rem; }
.note { margin: .7rem 0; padding: .45rem .8rem; border: 1px dashed var(--rule); font-size: .95rem; }
.translation { margin: .7rem 0; }
.translation .label, .pair caption { color: var(--muted); font-size: .86rem; font-style: italic; text-align: left; }
.pair { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .95rem; }
.pair td { vertical-align: top; padding: .25rem .5rem .25rem 0; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
mark.edited, .pair td.edited { background: var(--mark); }
.media { display: flex; flex-wrap: wrap; gap: .5rem; margin: .6rem 0; }
.media img { max-width: 100%; width: 14rem; height: auto; border: 1px solid var(--rule); }
.media figcaption { font-size: .8rem; color: var(--muted); }
.files { font-size: .88rem; color: var(--muted); }
.sources ol { padding-left: 1.6rem; font-size: .92rem; }
.sources li { margin: .25rem 0; }
@media (max-width: 36rem) {
  body { font-size: 15px; }
  .pair, .pair tbody, .pair tr, .pair td { display: block; width: 100%; }
  .pair td + td { border-bottom: 2px solid var(--rule); }
}
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 11pt; }
  .report { max-width: none; padding: 0; }
  h2 { break-after: avoid-page; }
  .preview-notice { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
