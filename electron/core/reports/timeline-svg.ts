// The overview's small timeline chart as inline SVG: bars per day/week/month, no script, no
// external reference, readable when printed (solid fills, text labels).
import type { ReportOverview } from './model';
import { escapeHtml } from './escape';

const WIDTH = 640;
const HEIGHT = 140;
const PAD_LEFT = 28;
const PAD_BOTTOM = 22;
const PAD_TOP = 10;

export function timelineSvg(timeline: ReportOverview['timeline']): string {
  const bars = timeline.bars;
  if (bars.length === 0) return '';
  const max = Math.max(1, ...bars.map((b) => b.count));
  const plotW = WIDTH - PAD_LEFT - 4;
  const plotH = HEIGHT - PAD_TOP - PAD_BOTTOM;
  const slot = plotW / bars.length;
  const barW = Math.max(1, slot * 0.8);
  const rects = bars
    .map((b, i) => {
      const h = (b.count / max) * plotH;
      const x = PAD_LEFT + i * slot + (slot - barW) / 2;
      const y = PAD_TOP + plotH - h;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${escapeHtml(`${b.key}: ${b.count}`)}</title></rect>`;
    })
    .join('');
  const first = bars[0]!.key;
  const last = bars[bars.length - 1]!.key;
  const per = timeline.bucket === 'day' ? 'per day' : timeline.bucket === 'week' ? 'per week' : 'per month';
  const label = `Items ${per}, ${first} to ${last}; at most ${max} in one ${timeline.bucket}.`;
  return [
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(label)}">`,
    `<line x1="${PAD_LEFT}" y1="${PAD_TOP + plotH}" x2="${WIDTH - 4}" y2="${PAD_TOP + plotH}" class="axis"/>`,
    `<text x="${PAD_LEFT - 4}" y="${PAD_TOP + 8}" text-anchor="end">${max}</text>`,
    `<text x="${PAD_LEFT - 4}" y="${PAD_TOP + plotH}" text-anchor="end">0</text>`,
    `<g class="bars">${rects}</g>`,
    `<text x="${PAD_LEFT}" y="${HEIGHT - 6}">${escapeHtml(first)}</text>`,
    bars.length > 1
      ? `<text x="${WIDTH - 4}" y="${HEIGHT - 6}" text-anchor="end">${escapeHtml(last)}</text>`
      : '',
    '</svg>',
    `<p class="chart-caption">${escapeHtml(label)}</p>`,
  ].join('');
}
