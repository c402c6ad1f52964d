// One tracker record read into typed values, with every problem of the record found at once (an officer
// fixing a file wants the whole list, not one complaint per run). What needs other rows comes later.
import type { IsoDate } from '../../clock/index.js';
import type { ImportKind, ImportOutcome, ImportRow, ImportStatus } from './import-row.js';
import { referenceKey, unrecognisableReference } from './imported-references.js';
import { FIELD_LABELS, type TrackerField } from './tracker-columns.js';
import {
  readDate, readEmail, readExtension, readKind, readOutcome, readStatus, readYesOrDate, type Read,
} from './tracker-values.js';

/** A record's values, each checked on its own and against the others of the same record. */
export interface TrackerCells extends Pick<ImportRow,
  'line' | 'reference' | 'referenceKey' | 'kind' | 'status' | 'receivedDate' | 'requester' | 'subject' | 'requestText'
  | 'respondedOn' | 'outcome' | 'exemptions' | 'parentReference'> {
  /** An EIR (or EISR) review: reconsideration under regulation 11 (16 in Scotland). */
  environmental: boolean;
  clarificationSought: IsoDate | null;
  clarificationReceived: IsoDate | null;
  extension: { kind: 'pit' | 'complex' } | 'inferred' | null;
  extendedTo: IsoDate | null;
  trackerDue: IsoDate | null;
  reviewRequested: { yes: boolean; date: IsoDate | null };
}

export type CellsOrProblems = { ok: true; cells: TrackerCells } | { ok: false; reasons: string[] };

const MAX_SUBJECT = 200;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The subject a tracker without one gets: the request's first line, cut as acknowledgement subjects are. */
function subjectFrom(request: string): string {
  const first = oneLine(request.split(/\r?\n/).find((l) => l.trim() !== '') ?? '');
  return first.length <= MAX_SUBJECT ? first : `${first.slice(0, MAX_SUBJECT - 1).trimEnd()}…`;
}

function exemptionsOf(cell: string): string[] {
  return cell.split(/[;,|\n]+/).map(oneLine).filter((e) => e !== '' && !/^(none|n\/?a|-)$/i.test(e));
}

export function readTrackerRow(line: number, cellOf: (field: TrackerField) => string, today: IsoDate): CellsOrProblems {
  const reasons: string[] = [];
  const take = <T>(read: Read<T>, fallback: T): T => {
    if (read.ok) return read.value;
    reasons.push(read.reason);
    return fallback;
  };
  // What happened can not be later than today; a due date (extended or the tracker's own) can.
  const date = (field: TrackerField, happened = true): IsoDate | null => {
    const cell = cellOf(field).trim();
    if (cell === '') return null;
    const value = take(readDate(cell, FIELD_LABELS[field]), null);
    if (happened && value !== null && value > today) reasons.push(`${FIELD_LABELS[field]} ${value} is in the future`);
    return value;
  };

  const reference = oneLine(cellOf('reference'));
  if (reference === '') reasons.push('the reference is missing');
  else {
    const unrecognisable = unrecognisableReference(reference);
    if (unrecognisable) reasons.push(unrecognisable);
  }
  const receivedDate = date('received');
  if (cellOf('received').trim() === '') reasons.push('the date received is missing');
  const { kind, environmental } = take(readKind(cellOf('kind')), { kind: 'foi' as ImportKind, environmental: false });
  const email = take(readEmail(cellOf('requester_email')), null);
  const requestText = cellOf('request').trim();
  const subject = oneLine(cellOf('subject')) || subjectFrom(requestText);
  if (subject === '') reasons.push('neither a subject nor a request is given');
  const respondedOn = date('responded');
  const outcome = take(readOutcome(cellOf('outcome')), null);
  const clarificationSought = date('clarification_sought');
  const clarificationReceived = date('clarification_received');
  const extension = take(readExtension(cellOf('extension')), null);
  const extendedTo = date('extended_to', false);
  const trackerDue = date('tracker_due', false);
  const reviewRequested = take(readYesOrDate(cellOf('review_requested'), FIELD_LABELS.review_requested), { yes: false, date: null });
  const status = statusOf(take(readStatus(cellOf('status')), null), respondedOn, outcome, reasons);

  reasons.push(...datesOutOfOrder(receivedDate, respondedOn, clarificationSought, clarificationReceived));
  if (extendedTo && extension === null && cellOf('extension').trim() !== '') reasons.push('an extended due date is given but the extension column says no');
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    cells: {
      line, reference, referenceKey: referenceKey(reference), kind, environmental, status, receivedDate: receivedDate!,
      requester: { name: oneLine(cellOf('requester_name')) || email?.name || null, address: email?.address ?? null },
      subject, requestText: requestText || subject, respondedOn, outcome, exemptions: exemptionsOf(cellOf('exemptions')),
      clarificationSought, clarificationReceived,
      extension: extension ?? (extendedTo ? 'inferred' : null), extendedTo, trackerDue,
      parentReference: oneLine(cellOf('parent_reference')) || null, reviewRequested,
    },
  };
}

function datesOutOfOrder(received: IsoDate | null, responded: IsoDate | null, sought: IsoDate | null, clarified: IsoDate | null): string[] {
  const reasons: string[] = [];
  for (const [label, value] of [['date responded', responded], ['date clarification sought', sought]] as const) {
    if (received && value && value < received) reasons.push(`${label} ${value} is before the date received ${received}`);
  }
  if (sought && clarified && clarified < sought) reasons.push(`date clarification received ${clarified} is before the date it was sought ${sought}`);
  return reasons;
}

/** The status written, or the one a response date implies; contradictions are reported, not resolved. */
function statusOf(written: ImportStatus | null, respondedOn: IsoDate | null, outcome: ImportOutcome | null, reasons: string[]): ImportStatus {
  const status = written ?? (respondedOn ? 'responded' : 'open');
  if (status === 'open' && respondedOn) reasons.push('the status is open but a date responded is given');
  if (status === 'open' && outcome) reasons.push(`an outcome (${outcome}) is given but the status is open`);
  if (status === 'withdrawn' && outcome) reasons.push(`an outcome (${outcome}) is given but the request was withdrawn`);
  if (status === 'responded' && !respondedOn) reasons.push('the status is responded but the date responded is missing');
  return status;
}
