import { describe, expect, it } from 'vitest';
import { detectRequestKind } from '../../../src/pipeline/analyse/detect-request-kind.js';

const kindOf = (subject: string, body: string) => detectRequestKind(subject, body).kind;

describe('detectRequestKind: subject access requests in their many phrasings', () => {
  it.each([
    'Please send me all the information you hold about me, including notes from my visits.',
    'I would like copies of my personnel file from my time at the depot.',
    'Can I have a copy of my full hospital record from 2019 onwards?',
    'Under data protection law I want to see the notes taken at my disciplinary hearing.',
    'I am making a request under Article 15 of the UK GDPR for the recordings of my calls.',
    'Please provide any emails between officers that mention me by name.',
    'As her parent I ask for the personal data the nursery holds about my daughter.',
    'I want to know what was written about me in the safeguarding referral.',
  ])('%s → sar', (body) => {
    expect(kindOf('Request', body)).toBe('sar');
  });

  it.each([
    'How many subject access requests did the council receive in 2024?',
    'Please provide the number of subject access requests answered late.',
    'My records show that I wrote to you in May; please now send the 2023 parking budget.',
  ])('%s → foi', (body) => {
    expect(kindOf('Information governance figures', body)).toBe('foi');
  });

  it('reads "SAR performance" in a subject as a topic, not a subject access request', () => {
    expect(kindOf('SAR performance 2024', 'Please list the average time taken to answer each request in 2024.')).toBe('foi');
  });
});

describe('detectRequestKind: reviews, complaints and requests', () => {
  it.each([
    ['Re: FOI 77', 'I am not satisfied with your response. The spreadsheet you sent leaves out two depots.', 'internal_review'],
    ['Decision on FOI 77', 'I ask you to reconsider your decision to rely on section 43, which has no basis.', 'internal_review'],
    ['FOI 77', 'Please would you kindly carry out an internal review of the refusal I received.', 'internal_review'],
    ['Complaint', 'Dear Information Commissioner,\n\nThe county council has ignored my request for three months.', 'complaint'],
    ['FOI 77', 'I am complaining about the way the trust answered my request about agency nurses.', 'complaint'],
    ['FOI 77', 'I wish to lodge an objection before you decide whether the exemption applies.', 'complaint'],
  ])('%s / %s → %s', (subject, body, kind) => {
    expect(kindOf(subject, body)).toBe(kind);
  });

  it('keeps a question about how reviews are run as an FOI request', () => {
    const body = 'Please tell me how many times in 2024 the department declined to conduct an internal review, and why.';
    expect(kindOf('Internal reviews statistics', body)).not.toBe('internal_review');
  });

  it('treats a chaser about an outstanding review as other, not a second review', () => {
    const body = 'I requested an internal review on 2 March and have still not received the outcome. When will I hear?';
    expect(kindOf('Outstanding review', body)).toBe('other');
  });
});

describe('detectRequestKind: clarifications', () => {
  it.each([
    'Thanks for getting back to me. I confirm that I want the figures for secondary schools only.',
    'Financial years are fine. And I mean the gross figure, before income.',
    'Please treat the parts of my request about agency staff as withdrawn; the rest stands.',
  ])('%s → clarification', (body) => {
    expect(kindOf('Re: FOI 2025/91', body)).toBe('clarification');
  });
});

describe('detectRequestKind: messages that request no recorded information', () => {
  it.each([
    ['Re: FOI 12', 'Thank you very much for the detailed reply, it is really helpful.\n\nBest wishes,\nAlan'],
    ['Parking request', 'Hello, just checking that my request from last week has been received. Regards, Pat'],
    ['Withdrawal', 'Please withdraw my request about library opening hours, I found the answer online.'],
    ['Question', 'Hi, where do I send a Freedom of Information request for the police? Thanks'],
    ['Question', 'Is it possible to make an FOI request by post rather than by email?'],
    ['Spring newsletter', 'Spring events in the parks\n- Easter trail\n\nYou are receiving this because you subscribed. Unsubscribe here.'],
  ])('%s / %s → other', (subject, body) => {
    expect(kindOf(subject, body)).toBe('other');
  });
});

describe('detectRequestKind: environmental information', () => {
  it('needs two environmental concepts, not two words for the same service', () => {
    expect(kindOf('Bins', 'Please send the waste and recycling collection contract and its payment schedule.')).toBe('foi');
    expect(kindOf('Tree works', 'Please send the arboricultural report behind the felling of the oaks on Mill Lane.')).toBe('eir');
  });

  it('does not take a count of EIR requests as invoking the EIR', () => {
    expect(kindOf('Requests', 'How many FOI and EIR requests were answered late in 2024?')).toBe('foi');
    expect(kindOf('Requests', 'This is a request under the EIR for the noise monitoring results.')).toBe('eir');
  });
});

describe('detectRequestKind: sales pitches and scams that slipped past the spam filter', () => {
  it.each([
    ['Grow your footfall this spring', 'Hi there,\n\nOur exclusive offer ends Friday: 30% off all signage for local businesses. Click here to order and we will ship within 48 hours.'],
    ['Urgent and confidential', 'Dear friend,\n\nI am the accountant of a late client who left US$ 12,500,000 with no heir. I seek your help with the transfer of the funds and offer you 30%.'],
    ['Re: your account', 'You have been pre-approved! Refinance today at the lowest rates in years, no obligation. Call 1-800-555-0199 now.'],
    ['Work from home', 'Make money from your kitchen table. Earn $5,000 a month with our home-based business kit, money-back guarantee.'],
  ])('%s → other', (subject, body) => {
    const verdict = detectRequestKind(subject, body);
    expect(verdict.kind).toBe('other');
    expect(verdict.evidence?.text).toBeTruthy();
  });

  it.each([
    // One marketing phrase is not a pitch: requests mention them as their subject matter.
    ['School meals', 'How many pupils in the borough received free school meals in 2024, and what was the cost of the free trial of breakfast clubs?'],
    ['Council website', 'Please tell me how many times residents used the "click here to report a pothole" link in 2024.'],
    ['Overseas travel', 'Please list each overseas trip by councillors in 2024 with its cost; for the New York visit, the cost in $ as invoiced.'],
    // Naming the Act keeps it a request, whatever vocabulary the requester quotes from a scam they report.
    ['Scam reports', 'Under the Freedom of Information Act, how many reports of "you have won, click here to claim your prize" scam emails did Trading Standards receive in 2024?'],
  ])('%s → foi', (subject, body) => {
    expect(kindOf(subject, body)).toBe('foi');
  });
});

describe('detectRequestKind: general causes found on a blind set', () => {
  it('reads "advice and assistance so that I can narrow the request" as a section 16 reminder, not a clarification', () => {
    const body = 'Please provide the number of school transport appeals in 2024. If this would exceed the cost limit, please advise me under section 16 so that I can narrow the request.';
    expect(kindOf('School transport appeals', body)).toBe('foi');
    expect(kindOf('Re: FOI 5521', 'Thank you. I am happy to narrow the request to the 2024 calendar year only.')).toBe('clarification');
  });

  it('takes the Environmental Information (Scotland) Regulations spelled out as invoking the EISR', () => {
    expect(kindOf('Street lighting', 'Under the Environmental Information (Scotland) Regulations 2004, please tell me how many streetlights the council has converted to LED.')).toBe('eir');
  });

  it('reads a correction of a slip in a pending request as a clarification', () => {
    expect(kindOf('Correction to my FOI request', 'I gave the wrong depot name in my request: please read Northgate for Southgate.')).toBe('clarification');
    expect(kindOf('Library request', 'Sorry, I made a typo in question 3 of my request of 2 May: the year should be 2023, not 2013. Everything else in my request stays the same.')).toBe('clarification');
  });

  it('does not take a vendor mentioning "FOI and SAR requests" for a subject access request, and reads the pitch as other', () => {
    const pitch = 'I hope this finds you well. Our case management platform handles FOI and SAR requests end to end. Pricing starts at £2,000 a year. Could we book a demo next week?';
    expect(kindOf('Faster FOI responses', pitch)).toBe('other');
    expect(kindOf('Data protection', 'How many FOI and SAR requests did the trust receive in 2024?')).toBe('foi');
  });

  it('reads a request for what was recorded at the requester\'s own hearing or exam as a subject access request', () => {
    expect(kindOf('Information request', 'Please send me the notes taken at my disciplinary hearing on 4 March.')).toBe('sar');
    expect(kindOf('Information request', 'I would like the examiners\' feedback on my final year dissertation.')).toBe('sar');
    // "My local" is the requester's area, not their own records.
    expect(kindOf('Parish meetings', 'Please provide the minutes of my local parish council meeting of 12 May.')).toBe('foi');
  });
});
