// disclosure-log.ts: `export disclosure-log --html|--csv|--json`: the responses an officer marked for
// publication and confirmed anonymised (`case publish`), with personal data removed, as a static log a
// council can publish as it is (the ICO recommends one; it answers repeat requests before they are made).
import type { IsoDate } from '../clock/index.js';
import type { Regime } from '../domain/foi-case.js';
import { findProvision, provisionRegimeOf } from '../pipeline/case/outcome/provisions.js';
import { OUTCOME_LABELS, type Outcome } from '../pipeline/case/outcome/outcome-types.js';
import { escapeHtml, renderPage } from './html.js';
import { csvField } from './render-compliance.js';
import { redactPersonalData } from './redact-personal-data.js';

export interface DisclosureSource {
  reference: string;
  regime: Regime | null;
  receivedDate: IsoDate;
  respondedOn: IsoDate | null;
  subject: string;
  requestText: string;
  questions: readonly string[];
  requester: { name: string | null; address: string | null };
  outcome: Outcome | null;
  provisions: readonly string[];
  attachments: readonly string[];
  /** Set by `case publish`: an officer checked the entry is anonymised. Only these are published. */
  validated: boolean;
}

export interface DisclosureEntry {
  reference: string;
  received: IsoDate;
  responded: IsoDate;
  subject: string;
  request: string;
  questions: string[];
  outcome: Outcome;
  outcomeLabel: string;
  provisions: Array<{ code: string; title: string }>;
  attachments: string[];
}

/** The published entries, newest response first; requests without a response or validation are left out. */
export function disclosureEntries(sources: readonly DisclosureSource[]): DisclosureEntry[] {
  return sources.filter((s) => s.validated && s.respondedOn !== null && s.outcome !== null).map((s) => {
    const hints = { names: [s.requester.name], addresses: [s.requester.address] };
    const regime = s.regime === null ? null : provisionRegimeOf(s.regime);
    return {
      reference: s.reference, received: s.receivedDate, responded: s.respondedOn!,
      subject: redactPersonalData(s.subject, hints), request: redactPersonalData(s.requestText, hints).trim(),
      questions: s.questions.map((q) => redactPersonalData(q, hints)), outcome: s.outcome!, outcomeLabel: OUTCOME_LABELS[s.outcome!],
      provisions: s.provisions.map((code) => ({ code, title: (regime && findProvision(regime, code)?.title) ?? code })),
      // A file name can carry a name ("Smith letter.pdf"); it is redacted like the text.
      attachments: s.attachments.map((a) => redactPersonalData(a, hints)),
    };
  }).sort((a, b) => b.responded.localeCompare(a.responded) || a.reference.localeCompare(b.reference));
}

export function renderDisclosureLogJson(entries: readonly DisclosureEntry[]): string {
  return `${JSON.stringify({ entries })}\n`;
}

export function renderDisclosureLogCsv(entries: readonly DisclosureEntry[]): string {
  const rows = [['reference', 'received', 'responded', 'subject', 'request', 'questions', 'outcome', 'provisions', 'attachments']];
  for (const e of entries) {
    rows.push([e.reference, e.received, e.responded, e.subject, e.request, e.questions.join('\n'), e.outcomeLabel,
      e.provisions.map((p) => `${p.code} ${p.title}`).join('; '), e.attachments.join('; ')]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function entryHtml(e: DisclosureEntry): string {
  const paragraphs = e.request.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n');
  const questions = e.questions.length === 0 ? '' : `<h3>Questions</h3>\n<ol>\n${e.questions.map((q) => `<li>${escapeHtml(q)}</li>`).join('\n')}\n</ol>`;
  const provisions = e.provisions.length === 0 ? '<dd>None</dd>' : e.provisions.map((p) => `<dd>${escapeHtml(`${p.code}: ${p.title}`)}</dd>`).join('');
  const attachments = e.attachments.length === 0 ? '<dd>None</dd>' : e.attachments.map((a) => `<dd>${escapeHtml(a)}</dd>`).join('');
  return `<article id="${escapeHtml(e.reference)}">
<h2>${escapeHtml(e.reference)}: ${escapeHtml(e.subject)}</h2>
<dl>
<dt>Received</dt><dd>${escapeHtml(e.received)}</dd>
<dt>Responded</dt><dd>${escapeHtml(e.responded)}</dd>
<dt>Outcome</dt><dd>${escapeHtml(e.outcomeLabel)}</dd>
<dt>Exemptions applied</dt>${provisions}
<dt>Documents released</dt>${attachments}
</dl>
<h3>Request</h3>
${paragraphs}
${questions}
</article>`;
}

export function renderDisclosureLogHtml(entries: readonly DisclosureEntry[], authorityName: string, generatedOn: IsoDate): string {
  const title = `${authorityName}: disclosure log`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>Responses to freedom of information requests, published ${escapeHtml(generatedOn)}. Personal data has been removed.</p>`,
    entries.length === 0 ? '<p>No responses have been published yet.</p>' : entries.map(entryHtml).join('\n'),
  ].join('\n');
  return renderPage({ title, body });
}
