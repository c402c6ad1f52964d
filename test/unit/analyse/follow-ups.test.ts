import { describe, expect, it } from 'vitest';
import { detectRequestKind } from '../../../src/pipeline/analyse/detect-request-kind.js';

const kindOf = (subject: string, body: string) => detectRequestKind(subject, body).kind;
const FILLER = ' The figures should cover every depot in the district, including the two that closed in 2023, and should be given month by month so that seasonal changes can be seen.'.repeat(3);

describe('follow-ups to a pending request, read from their form', () => {
  it.each([
    'Following on from HX/2291 - I would like to modify my request to only include the Northgate depot.',
    'I will reduce the number of years from six to three, if that helps.',
    'Can I please refine the FOI request so it only covers the Harbour ward?',
    'Perhaps I did not make myself clear. I want the total for the whole year, not each month.',
    'My request was simply for the number of complaints, not their contents.',
    'From January 2022 onwards should suffice.',
    'For my first and second points the last two years will do; the third point can stay as it was.',
    'Apologies, I should have said that I only want the daytime figures. All else stays the same.',
  ])('%s → clarification', (body) => {
    expect(kindOf('Depot figures', body)).toBe('clarification');
  });

  it('reads a long message that points back at the earlier request by its reference', () => {
    const body = `Ref: CR-77120. You said the date range was too wide, which I accept, so this is my revised request: the number of missed bin collections reported in 2024.${FILLER}`;
    expect(kindOf('Missed collections', body)).toBe('clarification');
  });

  it('reads a resubmission that withdraws one item as a clarification', () => {
    const body = `Please take this as my request again with the withdrawal of question 3.\nOriginal request:\n1. How many bins were replaced?\n2. What did they cost?\n3. Who supplied them?${FILLER}`;
    expect(kindOf('Bins', body)).toBe('clarification');
  });

  it('reads asking whether the narrowing fits the cost limit as a clarification', () => {
    expect(kindOf('Re: Review 4471', 'Would asking only for the first ten emails not bring the request within the cost limit? Please confirm.')).toBe('clarification');
  });

  it.each([
    // A definition inside a new request defines it; it does not clarify an earlier one.
    ['Ward budgets', 'Please send the minutes of meetings where ward budgets were discussed. By members, I mean elected councillors only.'],
    // A new request's own fallback is not a follow-up.
    ['Council tax', '1. Total arrears at 31 March 2025.\n2. Cases passed to enforcement agents.\n3. Committals to prison.\nIf this goes over the limit, please drop question 3 first.'],
    ['Framework', 'Please list the contractors on the highways framework and the orders placed with each. If this would exceed the limit, please explain what could be provided so I can submit a revised request.'],
    ['Sickness', 'Please give the number of officers absent with stress in each of the last five years. I am only asking for totals, not about any individual.'],
  ])('%s stays a new request', (subject, body) => {
    expect(kindOf(subject, body)).toBe('foi');
  });
});

describe('complaint, internal review or request: by what is asked', () => {
  it.each([
    ['Council reply', 'Your answer falls well short, so I now invoke the review procedure.'],
    ['Your decision', 'I am asking for the department to review this decision, for the reasons below.'],
    ['Pothole figures', 'I want to dispute the figures you sent, which cover the financial year when I asked for the calendar year.'],
    ['Review of 30041877 - bus shelters', 'Please check all the correspondence again, including the depot mailboxes.'],
    ['Allotments', 'Could an officer who had no part in it look at your decision again, please?'],
  ])('%s → internal_review', (subject, body) => {
    expect(kindOf(subject, body)).toBe('internal_review');
  });

  it('reads condemning the handling of a request before any decision as a complaint, not a chaser', () => {
    expect(kindOf('Overdue', 'You are months past your own deadline. Your handling of my request is a disgrace for a public body.')).toBe('complaint');
    expect(kindOf('Overdue', 'Just checking on my request of 3 March, which is now overdue. Any update?')).toBe('other');
    expect(kindOf('Depot', 'Nobody has answered in ten weeks. How my request has been dealt with is shameful.')).toBe('complaint');
  });

  it('reads taking the matter to the regulator after the authority\'s own procedure as a complaint', () => {
    expect(kindOf('Library papers', 'Having exhausted the parish council\'s procedures, I wish to refer this case to you. The papers were withheld from the public meeting.')).toBe('complaint');
  });

  it('keeps a benefits "mandatory reconsideration" in a subject a request for information', () => {
    expect(kindOf('Mandatory reconsideration statistics', 'How many mandatory reconsiderations were decided within 14 days in 2024?')).toBe('foi');
  });
});

describe('own personal data in other words', () => {
  it.each([
    'Please send copies of all emails and notes relating to my complaint against the estates manager.',
    'I need the CCTV from the 38 bus on 2 May: a passenger pushed me and I was injured, and my insurer needs it.',
    'Please send me the recordings of my calls to your contact centre in March.',
    'I was refused a market stall licence. May I see everything held on my licence file?',
  ])('%s → sar', (body) => {
    expect(kindOf('Request', body)).toBe('sar');
  });

  it('keeps records about the requester\'s own FOI request a FOI request', () => {
    expect(kindOf('Handling', 'Please send the internal emails about the handling of my FOI request of 2 May.')).toBe('foi');
  });
});
