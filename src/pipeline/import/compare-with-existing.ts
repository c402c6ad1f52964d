// Importing the same file twice must change nothing, and a reference already in use with other data must
// stop the import. The comparison is with what was imported then (stored with the case as its import
// facts), not with the case now: an imported case an officer has since answered is still "unchanged".
import { createHash } from 'node:crypto';
import type { IsoDate } from '../../clock/index.js';
import type { ImportRow } from './import-row.js';

/** What a row said, as stored with the case it made. Request text is kept as a hash: no second copy of it. */
export interface ImportFacts {
  v: 1;
  reference: string;
  kind: string;
  status: string;
  receivedDate: IsoDate;
  requesterName: string | null;
  requesterAddress: string | null;
  subject: string;
  requestTextSha256: string;
  respondedOn: IsoDate | null;
  outcome: string | null;
  exemptions: string[];
  clarificationSought: IsoDate | null;
  clarificationReceived: IsoDate | null;
  extension: string | null;
  extendedTo: IsoDate | null;
  parentReference: string | null;
}

/** A case already holding the row's reference (compared by `referenceKey`). */
export interface ExistingCase {
  reference: string;
  /** Null for a case that was not imported (opened from mail, or by an officer). */
  importFacts: ImportFacts | null;
}

export type Comparison = { verdict: 'unchanged' } | { verdict: 'conflict'; reason: string };

// A spreadsheet saved again may turn line breaks into CRLF or trim trailing spaces: not a change of request.
const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

export function importFactsOf(row: ImportRow): ImportFacts {
  return {
    v: 1, reference: row.reference, kind: row.kind, status: row.status, receivedDate: row.receivedDate,
    requesterName: row.requester.name, requesterAddress: row.requester.address, subject: row.subject,
    requestTextSha256: createHash('sha256').update(normalised(row.requestText)).digest('hex'),
    respondedOn: row.respondedOn, outcome: row.outcome, exemptions: row.exemptions,
    clarificationSought: row.clarification?.sought ?? null, clarificationReceived: row.clarification?.received ?? null,
    extension: row.extension?.kind ?? null, extendedTo: row.extension?.until ?? null, parentReference: row.parentReference,
  };
}

// Personal data (names, addresses, text) is named but never printed: the reason goes to a terminal and logs.
const LABELS: Readonly<Record<Exclude<keyof ImportFacts, 'v'>, { label: string; show: boolean }>> = {
  reference: { label: 'spelling of the reference', show: true }, kind: { label: 'kind', show: true },
  status: { label: 'status', show: true }, receivedDate: { label: 'date received', show: true },
  requesterName: { label: 'requester name', show: false }, requesterAddress: { label: 'requester e-mail', show: false },
  subject: { label: 'subject', show: false }, requestTextSha256: { label: 'request text', show: false },
  respondedOn: { label: 'date responded', show: true }, outcome: { label: 'outcome', show: true },
  exemptions: { label: 'exemptions', show: true }, clarificationSought: { label: 'date clarification sought', show: true },
  clarificationReceived: { label: 'date clarification received', show: true }, extension: { label: 'extension', show: true },
  extendedTo: { label: 'extended due date', show: true }, parentReference: { label: 'original reference', show: true },
};

const shown = (value: unknown) => (value === null ? 'none' : Array.isArray(value) ? value.join('; ') || 'none' : String(value));

export function compareWithExisting(row: ImportRow, existing: ExistingCase): Comparison {
  if (existing.importFacts === null) {
    return { verdict: 'conflict', reason: `reference ${row.reference} is already used by case ${existing.reference}, which was not imported` };
  }
  const now = importFactsOf(row);
  const then = existing.importFacts;
  for (const key of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
    const same = key === 'subject' || key === 'requesterName'
      ? normalised(String(now[key] ?? '')) === normalised(String(then[key] ?? ''))
      : JSON.stringify(now[key]) === JSON.stringify(then[key] ?? null);
    if (same) continue;
    const { label, show } = LABELS[key];
    const detail = show ? `: ${shown(then[key] ?? null)} then, ${shown(now[key])} now` : '';
    return { verdict: 'conflict', reason: `reference ${row.reference} was imported before with a different ${label}${detail}` };
  }
  return { verdict: 'unchanged' };
}
