// render-compliance.ts: the compliance report as JSON (the contract object), CSV (for publication), a text
// table (the CLI's default) and a self-contained HTML page with charts and a table behind each.
import type { ComplianceReport } from './compliance-types.js';
import { complianceSections, type Figure } from './compliance-sections.js';
import { escapeHtml, renderPage, renderTable } from './html.js';
import { horizontalBarChart, onTimeChart } from './svg-charts.js';
import { OUTCOME_LABELS } from '../pipeline/case/outcome/outcome-types.js';

export function renderComplianceJson(report: ComplianceReport): string {
  return `${JSON.stringify(report)}\n`;
}

const show = (value: Figure) => (value === null ? '–' : String(value));

export function renderComplianceText(report: ComplianceReport): string {
  const mailbox = report.period.mailbox ? `, mailbox ${report.period.mailbox}` : '';
  const lines = [`Compliance report: requests received ${report.period.from} to ${report.period.to}${mailbox} (as at ${report.generatedOn})`];
  for (const section of complianceSections(report)) {
    const width = Math.max(10, ...section.rows.map(([label]) => label.length));
    lines.push('', section.title, '-'.repeat(section.title.length));
    if (section.rows.length === 0) lines.push('(none)');
    for (const [label, value] of section.rows) lines.push(`${label.padEnd(width)}  ${show(value).padStart(6)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a leading = + - @ is defused for spreadsheets. */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderComplianceCsv(report: ComplianceReport): string {
  const rows = [['period_from', 'period_to', 'mailbox', 'section', 'measure', 'value']];
  for (const section of complianceSections(report)) {
    for (const [label, value] of section.rows) {
      rows.push([report.period.from, report.period.to, report.period.mailbox ?? 'all', section.key, label, value === null ? '' : String(value)]);
    }
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function charts(report: ComplianceReport): string {
  const outcomes = [
    { label: OUTCOME_LABELS.granted, value: report.grantedInFull }, { label: OUTCOME_LABELS.part_granted, value: report.partGranted },
    { label: OUTCOME_LABELS.part_not_held, value: report.partNotHeld }, { label: OUTCOME_LABELS.refused, value: report.refusedInFull },
    { label: OUTCOME_LABELS.not_held, value: report.notHeld }, { label: 'Withdrawn', value: report.withdrawn },
  ];
  // FOISA reuses FOIA's numbers for other things (s38 is personal information there), so Scottish rows say so.
  const prefix = (regime: string) => (regime === 'foisa' ? 'FOISA ' : regime === 'eisr' ? 'EISR ' : '');
  const exemptions = report.cabinetOffice.exemptions.map((e) => ({ label: `${prefix(e.regime)}${e.group} ${e.title}`, value: e.requests }));
  const topics = Object.entries(report.byTopic).map(([label, value]) => ({ label: label.replace(/_/g, ' '), value }));
  const figure = (heading: string, svg: string, table: string) => `<section>\n<h2>${escapeHtml(heading)}</h2>\n<figure>\n${svg}\n${table}\n</figure>\n</section>`;
  return [
    figure('On time by month', onTimeChart('chart-on-time', 'Requests answered on time, by month of receipt', report.byMonth),
      renderTable({ caption: 'Requests answered on time, by month of receipt', head: ['Month', 'Received', 'In time', 'Late', 'On time (%)'],
        rows: report.byMonth.map((m) => [m.month, m.received, m.respondedInTime, m.respondedLate, m.onTimePercent]) })),
    figure('Outcomes', horizontalBarChart('chart-outcomes', 'Outcomes of requests answered', outcomes),
      renderTable({ caption: 'Outcomes of requests', head: ['Outcome', 'Requests'], rows: outcomes.map((o) => [o.label, o.value]) })),
    figure('Exemptions and exceptions', horizontalBarChart('chart-exemptions', 'Requests applying each exemption or exception', exemptions),
      renderTable({ caption: 'Requests applying each exemption or exception', head: ['Provision', 'Requests'], rows: exemptions.map((e) => [e.label, e.value]) })),
    figure('Requests by topic', horizontalBarChart('chart-topics', 'Requests received by main topic', topics),
      renderTable({ caption: 'Requests received by main topic', head: ['Topic', 'Requests'], rows: topics.map((t) => [t.label, t.value]) })),
  ].join('\n');
}

export function renderComplianceHtml(report: ComplianceReport, authorityName: string): string {
  const period = `${report.period.from} to ${report.period.to}`;
  const title = `Freedom of information statistics, ${period}`;
  const band = report.onTimePercent === null ? 'No request received in the period has been answered yet.'
    : `${report.onTimePercent}% of answered requests were answered on time (ICO band: ${report.icoBand}).`;
  const tables = complianceSections(report).filter((s) => !['by_month', 'by_topic'].includes(s.key))
    .map((s) => `<section>\n<h2>${escapeHtml(s.title)}</h2>\n${renderTable({ caption: s.title, head: ['Measure', 'Figure'], rows: s.rows })}\n</section>`);
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(authorityName)}: requests received ${escapeHtml(period)}${report.period.mailbox ? ` (mailbox ${escapeHtml(report.period.mailbox)})` : ''}, as at ${escapeHtml(report.generatedOn)}.</p>`,
    `<p>${escapeHtml(band)}</p>`,
    charts(report), ...tables,
    '<p class="note">Requests are counted by the date they were first received; a request answered on or before its due date (after any restart for clarification or permitted extension) is in time.</p>',
  ].join('\n');
  return renderPage({ title, body });
}
