// The disclosure log publishes requests, not requesters: the redactor removes each kind of personal data,
// only validated responses appear, and the page is plain, valid, accessible HTML.
import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../../src/reports/redact-personal-data.js';
import {
  disclosureEntries, renderDisclosureLogCsv, renderDisclosureLogHtml, renderDisclosureLogJson, type DisclosureSource,
} from '../../../src/reports/disclosure-log.js';

describe('redactPersonalData', () => {
  it.each([
    ['e-mail addresses', 'Reply to pat.example+foi@example.org please.', 'Reply to [redacted] please.'],
    ['UK phone numbers', 'Call 01632 960 123 or +44 (0)7700 900123.', 'Call [redacted] or [redacted].'],
    ['postcodes', 'Our office at SW1A 1AA and ec1a1bb.', 'Our office at [redacted] and [redacted].'],
    ['National Insurance numbers', 'My NI number is QQ 12 34 56 C.', 'My NI number is [redacted].'],
    ['street addresses', 'I live at 12 Acacia Avenue, Anytown.', 'I live at [redacted], Anytown.'],
    ['flats', 'Write to Flat 3, 221B Baker Street.', 'Write to [redacted]'],
  ])('removes %s', (_what, text, expected) => {
    expect(redactPersonalData(text)).toBe(expected);
  });

  it("removes the requester's name, in full and in part, and the signature block", () => {
    const text = 'Dear FOI team,\n\nI am Jordan Q. Rivers and I would like the 2024 budget. Mr Rivers thanks you.\n\nKind regards,\nJordan Rivers\nCampaign Officer\n07700 900123';
    expect(redactPersonalData(text, { names: ['Jordan Q. Rivers'] }))
      .toBe('Dear FOI team,\n\nI am [redacted] and I would like the 2024 budget. Mr [redacted] thanks you.\n\nKind regards,\n[redacted]');
  });

  it('leaves a body "thanks" alone when a later sign-off exists, and drops a mobile footer', () => {
    const text = 'Thanks\nfor reading. Please send the figures.\n\nRegards\nA. Person\n\nSent from my phone\nmore';
    expect(redactPersonalData(text)).toBe('Thanks\nfor reading. Please send the figures.\n\nRegards\n[redacted]');
  });

  it('keeps name parts that are ordinary words, unless they come in the full name', () => {
    expect(redactPersonalData('Figures for May 2024, please. Grant May', { names: ['Grant May'] })).toBe('Figures for May 2024, please. [redacted]');
  });

  it('does not touch ordinary figures, dates or section numbers', () => {
    const text = 'How much was spent in 2023/24 under s.40(2), 1,250 items, on 12/03/2024?';
    expect(redactPersonalData(text)).toBe(text);
  });
});

const source = (fields: Partial<DisclosureSource>): DisclosureSource => ({
  reference: 'FOI-2025-0001', regime: 'foi', receivedDate: '2025-02-03', respondedOn: '2025-02-20', subject: 'Parking fines income',
  requestText: 'Dear team,\nPlease tell me the income from parking fines.\nYours sincerely,\nAlex Example\n1 High Street',
  questions: ['What was the income from parking fines in 2024?'], requester: { name: 'Alex Example', address: 'alex@example.org' },
  outcome: 'part_granted', provisions: ['s40(2)', 's43(2)'], attachments: ['income-2024.xlsx'], validated: true, ...fields,
});

describe('the disclosure log', () => {
  const entries = disclosureEntries([
    source({}),
    source({ reference: 'FOI-2025-0002', validated: false }),
    source({ reference: 'FOI-2025-0003', respondedOn: null, outcome: null }),
    source({ reference: 'FOI-2025-0004', respondedOn: '2025-03-01', outcome: 'granted', provisions: [], subject: 'Letter from Alex Example <b>', attachments: [] }),
  ]);

  it('publishes only validated, answered requests, newest first, with provision titles', () => {
    expect(entries.map((e) => e.reference)).toEqual(['FOI-2025-0004', 'FOI-2025-0001']);
    expect(entries[1]).toMatchObject({
      request: 'Dear team,\nPlease tell me the income from parking fines.\nYours sincerely,\n[redacted]',
      outcomeLabel: 'Partly granted, partly refused',
      provisions: [{ code: 's40(2)', title: 'Personal information (third parties)' }, { code: 's43(2)', title: 'Commercial interests' }],
    });
    expect(entries[0]!.subject).toBe('Letter from [redacted] <b>');
  });

  it('renders HTML5 that can be published as is: lang en-GB, one h1, escaped text, no script', () => {
    const html = renderDisclosureLogHtml(entries, 'Anytown Council', '2025-04-01');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<h2>FOI-2025-0004: Letter from [redacted] &lt;b&gt;</h2>');
    expect(html).toContain('<dd>s40(2): Personal information (third parties)</dd>');
    expect(html).not.toMatch(/<script|Alex|alex@/i);
  });

  it('renders CSV (RFC 4180) and JSON with the same entries', () => {
    const csv = renderDisclosureLogCsv(entries);
    expect(csv.split('\r\n')[0]).toBe('reference,received,responded,subject,request,questions,outcome,provisions,attachments');
    expect(csv).toContain('"Dear team,\nPlease tell me the income from parking fines.\nYours sincerely,\n[redacted]"');
    expect(JSON.parse(renderDisclosureLogJson(entries)).entries).toHaveLength(2);
  });
});
