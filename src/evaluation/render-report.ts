// Prints a classification report for admins: per-label precision, recall and F1 and the
// confusion matrix, as aligned text for the terminal or as a self-contained HTML page.
import Mustache from 'mustache';
import type { ClassificationReport } from './metrics.js';

const f = (n: number) => n.toFixed(3);

export function reportAsText(title: string, report: ClassificationReport): string {
  const lines = [`${title}`, `accuracy ${f(report.accuracy)}   macro-F1 ${f(report.macroF1)}`, '', `${'label'.padEnd(22)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(10)}${'n'.padStart(6)}`];
  for (const s of report.perLabel) lines.push(`${s.label.padEnd(22)}${f(s.precision).padStart(10)}${f(s.recall).padStart(10)}${f(s.f1).padStart(10)}${String(s.support).padStart(6)}`);
  lines.push('', 'confusion (rows: labelled, columns: predicted)');
  const short = report.labels.map((l) => l.slice(0, 9));
  lines.push(`${''.padEnd(22)}${short.map((l) => l.padStart(10)).join('')}`);
  for (const a of report.labels) lines.push(`${a.padEnd(22)}${report.labels.map((b) => String(report.confusion[a]![b]).padStart(10)).join('')}`);
  return lines.join('\n');
}

const esc = (value: unknown) => Mustache.escape(String(value));

export function reportAsHtml(title: string, report: ClassificationReport, meta: Record<string, string>): string {
  const rows = report.perLabel
    .map((s) => `<tr><th>${esc(s.label)}</th><td>${f(s.precision)}</td><td>${f(s.recall)}</td><td>${f(s.f1)}</td><td>${s.support}</td></tr>`)
    .join('\n');
  const header = report.labels.map((l) => `<th>${esc(l)}</th>`).join('');
  const matrix = report.labels
    .map((a) => `<tr><th>${esc(a)}</th>${report.labels.map((b) => `<td class="${a === b ? 'hit' : report.confusion[a]![b] ? 'miss' : ''}">${report.confusion[a]![b]}</td>`).join('')}</tr>`)
    .join('\n');
  const facts = Object.entries(meta).map(([k, v]) => `<li><strong>${esc(k)}</strong>: ${esc(v)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{text-align:left;background:#f4f4f4}.hit{background:#d9f2d9}.miss{background:#f8d7d7}</style>
</head><body>
<h1>${esc(title)}</h1>
<ul>${facts}<li><strong>accuracy</strong>: ${f(report.accuracy)}</li><li><strong>macro-F1</strong>: ${f(report.macroF1)}</li></ul>
<h2>Per label</h2>
<table><tr><th>label</th><th>precision</th><th>recall</th><th>F1</th><th>n</th></tr>
${rows}
</table>
<h2>Confusion matrix</h2>
<p>Rows: the labelled topic; columns: the predicted topic.</p>
<table><tr><th></th>${header}</tr>
${matrix}
</table>
</body></html>
`;
}

/**
 * Every learned component's figures on one labelled corpus, for `classifier eval`: kind and topic as
 * classification reports, s.16 and public interest as yes/no precision, recall and F1.
 */
export function componentReportsAsText(title: string, scores: {
  kind: ClassificationReport; topic: ClassificationReport;
  section16: { precision: number; recall: number; f1: number }; publicInterest: { precision: number; recall: number; f1: number };
}): string {
  const flag = (name: string, s: { precision: number; recall: number; f1: number }) =>
    `${name}: precision ${f(s.precision)}   recall ${f(s.recall)}   F1 ${f(s.f1)}`;
  return [
    reportAsText(`${title}: kind`, scores.kind), '', reportAsText(`${title}: primary topic`, scores.topic), '',
    flag(`${title}: section 16`, scores.section16), flag(`${title}: public interest`, scores.publicInterest),
  ].join('\n');
}
