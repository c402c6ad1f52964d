import { describe, expect, it } from 'vitest';
import { stripQuotedText, toOriginalOffset } from '../../../src/pipeline/analyse/strip-quoted-text.js';

describe('stripQuotedText', () => {
  it('drops ">" quoted lines and the "On … wrote:" header of a top-posted reply', () => {
    const text = [
      'Yes, I mean the calendar years 2021 and 2022.', '',
      'On Tue, 4 Jun 2024 at 09:12, FOI Team <foi@example.gov.uk> wrote:',
      '> Could you clarify which years you mean?',
    ].join('\n');
    expect(stripQuotedText(text).text).toBe('Yes, I mean the calendar years 2021 and 2022.');
  });

  it('handles an "On … wrote:" header wrapped over two lines', () => {
    const text = 'Thanks, that is clear.\n\nOn Tue, 4 Jun 2024 at 09:12, FOI Team\n<foi@example.gov.uk> wrote:\n> Old text';
    expect(stripQuotedText(text).text).toBe('Thanks, that is clear.');
  });

  it('keeps own text written between quoted lines (bottom-posting)', () => {
    const text = [
      'On 3 May 2024, FOI Team wrote:', '> Which depot do you mean?', 'The Northgate depot.', '> And which year?', '2023.',
    ].join('\n');
    expect(stripQuotedText(text).text).toBe('The Northgate depot.\n2023.');
  });

  it('cuts an Outlook "-----Original Message-----" block', () => {
    const text = 'Please treat this as a request for review.\n\n-----Original Message-----\nFrom: FOI\nSent: 1 May 2024\nOld';
    expect(stripQuotedText(text).text).toBe('Please treat this as a request for review.');
  });

  it('cuts an Outlook "From: … Sent: …" header block', () => {
    const text = [
      'I narrow my request to 2023 only.', '',
      'From: Information Governance <ig@example.gov.uk>', 'Sent: 02 May 2024 10:00', 'To: J Bloggs', 'Subject: FOI 1234',
      'Dear requester, your request exceeds the cost limit.',
    ].join('\n');
    expect(stripQuotedText(text).text).toBe('I narrow my request to 2023 only.');
  });

  it('drops the signature and a legal disclaimer', () => {
    const text = [
      'Please send me the 2024 tree survey.', '-- ', 'Alex Moreau', 'Moreau Surveying Ltd',
    ].join('\n');
    expect(stripQuotedText(text).text).toBe('Please send me the 2024 tree survey.');
    const disclaimer = 'Please send me the 2024 tree survey.\n\nThis email and any attachments are confidential and intended solely for the addressee.';
    expect(stripQuotedText(disclaimer).text).toBe('Please send me the 2024 tree survey.');
  });

  it('drops the request-platform footer', () => {
    const text = [
      'Please provide the gritting routes map.', '', 'Yours faithfully,', 'Jo Lee', '',
      '-------------------------------------------------------------------', '',
      'Please use this email address for all replies to this request:', 'request-1@example.org',
    ].join('\n');
    expect(stripQuotedText(text).text).toBe('Please provide the gritting routes map.\n\nYours faithfully,\nJo Lee');
  });

  it('keeps a forwarded request that has no text of its own above it', () => {
    const text = '---------- Forwarded message ---------\nFrom: A Resident <a@example.org>\nDate: 1 May 2024\nSubject: FOI\nTo: x\n\nPlease provide the bin collection contract.';
    expect(stripQuotedText(text).text).toContain('Please provide the bin collection contract.');
  });

  it('maps offsets back to the original text, CRLF included', () => {
    const text = 'Hello\r\n> quoted\r\nPlease send the budget.';
    const stripped = stripQuotedText(text);
    const at = stripped.text.indexOf('budget');
    expect(text.slice(toOriginalOffset(stripped, at), toOriginalOffset(stripped, at + 6))).toBe('budget');
  });
});
