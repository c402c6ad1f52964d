// Which column of a tracker holds what. The contract's own headers (reference, received, requester_name…)
// and the headings teams really use, the ICO's FOI and EIR request tracking template's among them, are
// accepted in any case, with any punctuation, and without the hints in brackets ("Date received (dd/mm/yyyy)").

export const TRACKER_FIELDS = [
  'reference', 'received', 'requester_name', 'requester_email', 'subject', 'request', 'kind', 'status', 'responded',
  'outcome', 'exemptions', 'clarification_sought', 'clarification_received', 'extension', 'extended_to', 'tracker_due',
  'parent_reference', 'review_requested',
] as const;
export type TrackerField = (typeof TRACKER_FIELDS)[number];

/** What each field is called in messages. */
export const FIELD_LABELS: Readonly<Record<TrackerField, string>> = {
  reference: 'reference', received: 'date received', requester_name: 'requester name', requester_email: 'requester e-mail',
  subject: 'subject', request: 'request', kind: 'kind', status: 'status', responded: 'date responded', outcome: 'outcome',
  exemptions: 'exemptions', clarification_sought: 'date clarification sought', clarification_received: 'date clarification received',
  extension: 'extension', extended_to: 'extended due date', tracker_due: 'due date', parent_reference: 'original reference',
  review_requested: 'internal review requested',
};

// Headings as `normaliseHeading` leaves them. The first of each list is the contract's own name.
const SYNONYMS: Readonly<Record<TrackerField, readonly string[]>> = {
  reference: ['reference', 'ref', 'ref no', 'ref number', 'reference number', 'reference no', 'case reference', 'case ref',
    'case number', 'case no', 'case id', 'request reference', 'request ref', 'request number', 'request no', 'request id',
    'foi reference', 'foi ref', 'foi number', 'foi no', 'our reference', 'our ref', 'id'],
  received: ['received', 'date received', 'received date', 'date of receipt', 'receipt date', 'date request received',
    'request received', 'date received by authority', 'received on', 'date of request', 'request date'],
  requester_name: ['requester name', 'requester', 'requesters name', 'name of requester', 'requestor', 'requestor name',
    'requestors name', 'applicant', 'applicant name', 'applicants name', 'name', 'full name', 'contact name'],
  requester_email: ['requester email', 'requester e mail', 'requesters email', 'email', 'e mail', 'email address',
    'e mail address', 'requester email address', 'requestor email', 'applicant email', 'contact email', 'contact email address'],
  subject: ['subject', 'title', 'request title', 'email subject', 'subject line'],
  request: ['request', 'request text', 'request details', 'details of request', 'request summary', 'summary of request',
    'summary', 'description', 'request description', 'information requested', 'details', 'full request'],
  kind: ['kind', 'type', 'request type', 'type of request', 'regime', 'legislation', 'access regime', 'foi or eir', 'foi eir'],
  status: ['status', 'request status', 'case status', 'current status', 'stage'],
  responded: ['responded', 'date responded', 'responded on', 'response date', 'date of response', 'date response sent',
    'response sent', 'date sent', 'date closed', 'closed date', 'date completed', 'completion date', 'date response issued'],
  outcome: ['outcome', 'result', 'decision', 'response outcome', 'outcome of request', 'disclosure outcome', 'response type'],
  exemptions: ['exemptions', 'exemptions applied', 'exemptions used', 'exceptions', 'exceptions applied',
    'exemptions exceptions', 'exemptions or exceptions', 'exemptions and exceptions', 'exemptions exceptions applied',
    'sections applied', 'provisions'],
  clarification_sought: ['clarification sought', 'date clarification sought', 'clarification requested',
    'date clarification requested', 'clarification requested date', 'clarification sent', 'date clarification sent'],
  clarification_received: ['clarification received', 'date clarification received', 'clarification received date',
    'clarification response received'],
  extension: ['extension', 'extension type', 'extension applied', 'extended', 'pit extension', 'public interest extension',
    'time extension', 'extension kind'],
  extended_to: ['extended to', 'extended due date', 'extended deadline', 'new due date', 'revised due date', 'extension date',
    'date extended to', 'extended response date'],
  tracker_due: ['due', 'due date', 'date due', 'response due', 'date response due', 'response due date', 'deadline',
    'statutory deadline', 'target date'],
  parent_reference: ['parent reference', 'original reference', 'original request reference', 'original case reference',
    'related reference', 'original request'],
  review_requested: ['review requested', 'internal review requested', 'internal review', 'date internal review requested',
    'ir requested', 'date of internal review request'],
};

const BY_HEADING: ReadonlyMap<string, TrackerField> = new Map(
  TRACKER_FIELDS.flatMap((field) => SYNONYMS[field].map((heading) => [heading, field] as const)),
);

/** Lower case, `&` as "and", bracketed hints and apostrophes dropped, every other mark a space. */
export function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The accepted headings of a field, for documentation and messages. */
export function headingsOf(field: TrackerField): readonly string[] {
  return SYNONYMS[field];
}

export interface ColumnMap {
  /** Field → column index. */
  columns: ReadonlyMap<TrackerField, number>;
  /** Headings that name no field: left out of the import, listed so the officer sees what was not read. */
  ignored: string[];
  problems: string[];
}

export function mapColumns(header: readonly string[]): ColumnMap {
  const columns = new Map<TrackerField, number>();
  const ignored: string[] = [];
  const problems: string[] = [];
  header.forEach((heading, index) => {
    const field = BY_HEADING.get(normaliseHeading(heading));
    if (!field) {
      if (heading.trim() !== '') ignored.push(heading.trim());
      return;
    }
    const earlier = columns.get(field);
    if (earlier !== undefined) {
      problems.push(`columns '${header[earlier]!.trim()}' and '${heading.trim()}' both give the ${FIELD_LABELS[field]}`);
      return;
    }
    columns.set(field, index);
  });
  for (const field of ['reference', 'received'] as const) {
    if (!columns.has(field)) problems.push(`no ${FIELD_LABELS[field]} column (a heading such as ${SYNONYMS[field].slice(0, 3).map((h) => `'${h}'`).join(', ')})`);
  }
  if (!columns.has('subject') && !columns.has('request')) problems.push(`no subject or request column (a heading such as 'subject', 'request' or 'request summary')`);
  return { columns, ignored, problems };
}
