// Headings as teams write them: the contract's names, the ICO template's, with case, punctuation and hints.
import { describe, expect, it } from 'vitest';
import { mapColumns, normaliseHeading } from '../../../src/pipeline/import/tracker-columns.js';

describe('mapColumns', () => {
  it('maps the contract\'s headings', () => {
    const map = mapColumns(['reference', 'received', 'requester_name', 'requester_email', 'subject', 'request', 'kind', 'status', 'responded', 'outcome']);
    expect([...map.columns.entries()]).toEqual([
      ['reference', 0], ['received', 1], ['requester_name', 2], ['requester_email', 3], ['subject', 4], ['request', 5],
      ['kind', 6], ['status', 7], ['responded', 8], ['outcome', 9],
    ]);
    expect(map.problems).toEqual([]);
  });

  it('maps headings of the ICO\'s tracking template and the like, whatever their case, marks and hints', () => {
    const map = mapColumns([
      'Reference Number', 'Date Received (dd/mm/yyyy)', "Requester's name", 'E-mail address', 'Request summary', 'Type of request (FOI/EIR)',
      'Date clarification requested', 'Date clarification received', 'Date response due', 'Extension applied', 'Extended due date',
      'Date response sent', 'Outcome', 'Exemptions/Exceptions applied', 'Internal review requested', 'Status', 'Officer',
    ]);
    expect(Object.fromEntries(map.columns)).toEqual({
      reference: 0, received: 1, requester_name: 2, requester_email: 3, request: 4, kind: 5, clarification_sought: 6,
      clarification_received: 7, tracker_due: 8, extension: 9, extended_to: 10, responded: 11, outcome: 12, exemptions: 13,
      review_requested: 14, status: 15,
    });
    expect(map.ignored).toEqual(['Officer']);
    expect(map.problems).toEqual([]);
  });

  it('normalises a heading: lower case, "&" as and, hints and apostrophes dropped', () => {
    expect(normaliseHeading("  Requester's  E-mail [optional] ")).toBe('requesters e mail');
    expect(normaliseHeading('Exemptions & Exceptions')).toBe('exemptions and exceptions');
  });

  it('needs a reference, a date received, and a subject or a request', () => {
    expect(mapColumns(['Title']).problems).toEqual([
      "no reference column (a heading such as 'reference', 'ref', 'ref no')",
      "no date received column (a heading such as 'received', 'date received', 'received date')",
    ]);
    expect(mapColumns(['ref', 'received']).problems).toEqual([
      "no subject or request column (a heading such as 'subject', 'request' or 'request summary')",
    ]);
  });
});
