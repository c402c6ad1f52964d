// svg-charts.ts: charts a person can read with no tools: inline SVG (no script, no external file), named
// for screen readers (role="img", <title>, <desc>), with every value written on the chart, so nothing is
// told by colour alone; the page puts a table of the same figures next to each.
import { escapeHtml } from './html.js';

// Dark blue bars on white: contrast 9:1; reference lines carry text labels and distinct dash patterns.
const BAR = '#1d4f91';
const INK = '#0b0c0c';
const GOOD = '#00703c';
const ADEQUATE = '#b33d00';

export interface Bar {
  label: string;
  value: number;
}

function frame(id: string, title: string, desc: string, width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<title id="${id}-title">${escapeHtml(title)}</title>
<desc id="${id}-desc">${escapeHtml(desc)}</desc>
${body}
</svg>`;
}

/** Horizontal bars, one per item, each labelled with its name and value. */
export function horizontalBarChart(id: string, title: string, bars: readonly Bar[]): string {
  const rowHeight = 28;
  // Room for the longest label at about 7.6 px a character in 14 px Arial, so none is cut off.
  const labelWidth = Math.min(520, Math.max(120, Math.ceil(Math.max(0, ...bars.map((b) => b.label.length)) * 7.6) + 16));
  const plotWidth = 360;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * rowHeight + 10;
  const rows = bars.map((b, i) => {
    const y = 5 + i * rowHeight;
    const w = Math.round((b.value / max) * plotWidth);
    return `<text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end" font-size="14" fill="${INK}">${escapeHtml(b.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 10}" fill="${BAR}"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 18}" font-size="14" fill="${INK}">${b.value}</text>`;
  }).join('\n');
  const desc = bars.length === 0 ? 'No figures in this period.' : bars.map((b) => `${b.label}: ${b.value}`).join('; ');
  return frame(id, title, desc, labelWidth + plotWidth + 60, height, rows);
}

/** On-time percentage per month as columns, against the ICO's 90 % and 95 % lines. */
export function onTimeChart(id: string, title: string, months: ReadonlyArray<{ month: string; onTimePercent: number | null }>): string {
  const left = 48;
  const top = 20;
  const plotHeight = 220;
  const columnWidth = 64;
  const width = left + Math.max(1, months.length) * columnWidth + 150;
  const y = (pct: number) => top + plotHeight - (pct / 100) * plotHeight;
  const axis = [0, 50, 100].map((p) => `<text x="${left - 6}" y="${y(p) + 5}" text-anchor="end" font-size="12" fill="${INK}">${p}%</text>`).join('');
  const columns = months.map((m, i) => {
    const x = left + i * columnWidth + 10;
    const label = `<text x="${x + 22}" y="${top + plotHeight + 18}" text-anchor="middle" font-size="12" fill="${INK}">${escapeHtml(m.month)}</text>`;
    if (m.onTimePercent === null) return `${label}<text x="${x + 22}" y="${y(0) - 6}" text-anchor="middle" font-size="12" fill="${INK}">none answered</text>`;
    // The value sits inside a tall bar (white on dark blue) so it never collides with the 90 %/95 % lines.
    const inside = m.onTimePercent >= 15;
    const textY = inside ? y(m.onTimePercent) + 16 : y(m.onTimePercent) - 6;
    return `${label}<rect x="${x}" y="${y(m.onTimePercent)}" width="44" height="${y(0) - y(m.onTimePercent)}" fill="${BAR}"/>` +
      `<text x="${x + 22}" y="${textY}" text-anchor="middle" font-size="12" fill="${inside ? '#ffffff' : INK}">${m.onTimePercent}%</text>`;
  }).join('\n');
  const lineEnd = left + Math.max(1, months.length) * columnWidth;
  const lines = `<line x1="${left}" x2="${lineEnd}" y1="${y(95)}" y2="${y(95)}" stroke="${GOOD}" stroke-width="2"/>` +
    `<text x="${lineEnd + 6}" y="${y(95) + 4}" font-size="12" fill="${GOOD}">95% (good)</text>` +
    `<line x1="${left}" x2="${lineEnd}" y1="${y(90)}" y2="${y(90)}" stroke="${ADEQUATE}" stroke-width="2" stroke-dasharray="6 4"/>` +
    `<text x="${lineEnd + 6}" y="${y(90) + 16}" font-size="12" fill="${ADEQUATE}">90% (adequate), dashed</text>` +
    `<line x1="${left}" x2="${lineEnd}" y1="${y(0)}" y2="${y(0)}" stroke="${INK}"/>`;
  const desc = months.length === 0 ? 'No requests in this period.'
    : `${months.map((m) => `${m.month}: ${m.onTimePercent === null ? 'none answered' : `${m.onTimePercent}% on time`}`).join('; ')}. Reference lines at 95% (good) and 90% (adequate).`;
  return frame(id, title, desc, width, top + plotHeight + 30, `${axis}\n${columns}\n${lines}`);
}
