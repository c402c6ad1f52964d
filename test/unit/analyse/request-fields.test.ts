import { describe, expect, it } from 'vitest';
import { checkValidity } from '../../../src/pipeline/analyse/check-validity.js';
import { classifyTopics } from '../../../src/pipeline/analyse/classify-topics.js';
import { detectRequestKind } from '../../../src/pipeline/analyse/detect-request-kind.js';
import { extractSectionsCited } from '../../../src/pipeline/analyse/extract-sections-cited.js';
import { extractTimeSpan } from '../../../src/pipeline/analyse/extract-time-span.js';
import { findAmbiguousTerms } from '../../../src/pipeline/analyse/find-ambiguous-terms.js';
import { DEFAULT_TOPICS } from '../../../src/domain/request-analysis.js';

describe('detectRequestKind', () => {
  it.each([
    ['FOI request', 'Please provide the number of parking permits issued in 2023.', 'foi'],
    ['Air quality', 'Please send the nitrogen dioxide readings and the emissions data for Station Road.', 'eir'],
    ['Request', 'Under the Environmental Information Regulations, please send the tree survey.', 'eir'],
    ['My records', 'Please send me copies of all information you hold about me.', 'sar'],
    ['Subject access request', 'Please send my file.', 'sar'],
    ['Re: FOI 123', 'I am writing to request an internal review of your handling of my request.', 'internal_review'],
    ['Re: FOI 123', 'I wish to complain to the ICO about how this request was handled.', 'complaint'],
    ['Re: FOI 123', 'To clarify, by "incidents" I mean reported cyber attacks only.', 'clarification'],
    ['Re: FOI 123', 'Any update on my request? It is now overdue.', 'other'],
  ])('%s / %s → %s', (subject, body, kind) => {
    expect(detectRequestKind(subject, body).kind).toBe(kind);
  });

  it('does not take "I reserve the right to appeal" or an offer to clarify as a review or clarification', () => {
    const body = 'Please provide the 2023 budget. If you need clarification, contact me. I reserve the right to appeal your decision.';
    expect(detectRequestKind('Budget', body).kind).toBe('foi');
  });
});

describe('extractSectionsCited', () => {
  it('reads FOIA sections in their usual spellings', () => {
    expect(extractSectionsCited('I accept s.12 may apply; please consider s40(2) and Section 43(2).')).toEqual(['s12', 's40', 's43']);
  });

  it('ignores sections of other Acts and guidance paragraph numbers', () => {
    expect(extractSectionsCited('dogs seized under section 1 of the Dangerous Dogs Act 1991')).toEqual([]);
    expect(extractSectionsCited('as set out in Section 2.1 of your guidance')).toEqual([]);
  });

  it('reads EIR regulations as reg<N>', () => {
    expect(extractSectionsCited('You may not rely on regulation 12(4)(b) of the EIR.')).toEqual(['reg12']);
  });
});

describe('extractTimeSpan', () => {
  it.each([
    ['Please provide figures for the last 5 years.', 'last 5 years'],
    ['How many claims were made since 2019?', 'since 2019'],
    ['All invoices between April 2020 and March 2023 please.', 'between April 2020 and March 2023'],
    ['The number of fines issued in 2022.', '2022'],
  ])('%s → %s', (text, expected) => {
    const span = extractTimeSpan(text);
    expect(span?.text).toBe(expected);
    expect(text.slice(span?.start, span?.end)).toBe(expected);
  });

  it('does not read the year of an Act as a period', () => {
    expect(extractTimeSpan('Under the Freedom of Information Act 2000, please send the policy.')).toBeNull();
  });
});

describe('classifyTopics', () => {
  it('ranks topics and tags each question', () => {
    const result = classifyTopics({
      subject: 'Parking fines', body: 'How many parking PCNs were issued? How much income did they raise?',
      questions: ['How many parking PCNs were issued?', 'How much income did they raise?'], taxonomy: DEFAULT_TOPICS,
    });
    expect(result.request[0]).toBe('transport');
    expect(result.perQuestion[0]).toEqual(['transport']);
    // "Income" names what is measured; the request's own subject stays beside it.
    expect(result.perQuestion[1]?.[0]).toBe('finance');
  });

  it('falls back to "other"', () => {
    expect(classifyTopics({ subject: '', body: 'Please send the list.', questions: [], taxonomy: DEFAULT_TOPICS }).request).toEqual(['other']);
  });
});

describe('findAmbiguousTerms', () => {
  it('reports vague terms once, as written', () => {
    expect(findAmbiguousTerms(['Have there been any security events?', 'Describe the Security Events.'])).toEqual(['security events']);
  });
});

describe('checkValidity', () => {
  it('accepts a real display name and an email address', () => {
    expect(checkValidity({ from: { name: 'Jane Okoro', address: 'j@example.org' }, ownText: 'Please send X.', describesInformation: true }))
      .toEqual({ valid: true, missing: [] });
  });

  it('takes the name from the sign-off when the display name is not a person', () => {
    const ownText = 'Please send X.\n\nYours faithfully,\nDavid Lindqvist';
    expect(checkValidity({ from: { name: 'info', address: 'info@example.org' }, ownText, describesInformation: true }).valid).toBe(true);
  });

  it('lists what is missing', () => {
    expect(checkValidity({ from: { name: 'Concerned Resident', address: '' }, ownText: 'Send it.', describesInformation: false }))
      .toEqual({ valid: false, missing: ['name', 'address', 'description'] });
  });
});
