import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseRequest } from '../../../src/pipeline/analyse/analyse-request.js';
import { parseAddress, unwrapForwarded } from '../../../src/pipeline/analyse/unwrap-forwarded.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const inbox = { name: 'Customer Services', address: 'enquiries@example-council.gov.uk' };

describe('a request forwarded by the general inbox (Outlook header block)', () => {
  const text = fixture('forwarded-outlook.txt');
  const analysis = analyseRequest({ subject: 'FW: Library closures', text, from: inbox, receivedAt: new Date('2025-05-14T09:00:00Z') });

  it('finds the original requester inside the forward', () => {
    expect(analysis.forwardedFrom).toEqual({ name: 'Rhiannon Faulkes', address: 'rhiannon.faulkes@example.net' });
    expect(analysis.validity.valid).toBe(true);
  });

  it('analyses the forwarded request, not the covering note', () => {
    expect(analysis.kind).toBe('foi');
    expect(analysis.questions.map((q) => q.number)).toEqual(['1', '2']);
    expect(analysis.questions.some((q) => /pick it up/.test(q.text))).toBe(false);
    for (const q of analysis.questions) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(analysis.formatRequested).toBe('spreadsheet');
    expect(analysis.timeSpanRange).toEqual({ from: '2020-01-01', to: '2025-05-14' });
  });
});

describe('a request forwarded with a Gmail-style marker', () => {
  it('reads a "Surname, Forename" sender and the questions below the header', () => {
    const text = fixture('forwarded-gmail.txt');
    const analysis = analyseRequest({ subject: 'Fwd: Library closures', text, from: inbox });
    expect(analysis.forwardedFrom).toEqual({ name: 'Rhiannon Faulkes', address: 'r.faulkes@example.net' });
    expect(analysis.questions).toHaveLength(2);
  });
});

describe('messages that are not forwarded requests', () => {
  it('leaves a reply with the authority\'s message quoted below alone', () => {
    const text = 'Calendar years are fine.\n\n-----Original Message-----\nFrom: FOI Team <foi@example.gov.uk>\nSent: 2 July 2025\nTo: Ann Lee\nSubject: FOI 12\n\nDo you want calendar or financial years?';
    const analysis = analyseRequest({ subject: 'Re: FOI 12', text, from: { name: 'Ann Lee', address: 'ann@example.org' } });
    expect(analysis.forwardedFrom).toBeNull();
    expect(analysis.kind).toBe('clarification');
  });

  it('treats a requester forwarding their own earlier request as a chaser', () => {
    const text = 'I have still not received a reply to the request below. When can I expect one?\n\n---------- Forwarded message ---------\nFrom: Ann Lee <ann@example.org>\nDate: 1 May 2025\nSubject: Parks budget\n\nPlease send the 2024 parks budget.';
    const analysis = analyseRequest({ subject: 'Fwd: Parks budget', text, from: { name: 'Ann Lee', address: 'ann@example.org' } });
    expect(analysis.forwardedFrom).toBeNull();
    expect(analysis.kind).toBe('other');
  });

  it('returns null without a forward marker', () => {
    expect(unwrapForwarded('Please send the 2024 parks budget.', 'Parks')).toBeNull();
  });
});

describe('parseAddress', () => {
  it.each([
    ['Jane Smith <jane@example.org>', { name: 'Jane Smith', address: 'jane@example.org' }],
    ['"Smith, Jane" <Jane@Example.org>', { name: 'Jane Smith', address: 'jane@example.org' }],
    ['Jane Smith [mailto:jane@example.org]', { name: 'Jane Smith', address: 'jane@example.org' }],
    ['jane@example.org', { name: '', address: 'jane@example.org' }],
  ])('%s', (field, expected) => {
    expect(parseAddress(field)).toEqual(expected);
  });
});
