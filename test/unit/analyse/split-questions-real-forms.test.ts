// Question spans in the forms real requests take: bare numbers, glued bullets, criteria and field lists,
// bands, lists run into one sentence, notes after an item, procedure around the request.
import { describe, expect, it } from 'vitest';
import { splitQuestions } from '../../../src/pipeline/analyse/split-questions.js';

const texts = (text: string) => splitQuestions(text).map((q) => q.text);

describe('splitQuestions on real request forms', () => {
  it('reads lines numbered "1 …", "2 …" without punctuation as a list when they run in order', () => {
    const text = 'Please tell me:\n1 How many bins were replaced in 2024?\n2 What did the replacements cost?\n3 Which supplier provided them?';
    expect(splitQuestions(text).map((q) => q.number)).toEqual(['1', '2', '3']);
    expect(texts('10 Downing Street wrote to the council in May. Please send me that letter.')).toEqual(['Please send me that letter.']);
  });

  it('takes RFI labels as item numbers', () => {
    const text = 'RFI1: Please disclose the current risk register.\n\nRFI2: Please disclose the issues log in its original format.';
    expect(splitQuestions(text).map((q) => q.number)).toEqual(['RFI1', 'RFI2']);
  });

  it('reads a round bullet typed onto its text as a bullet', () => {
    const text = 'Please provide the following:\n\n•Orders that remain in force at 1 May 2025\n\n•Orders complied with since 1 May 2024';
    expect(texts(text)).toEqual(['Orders that remain in force at 1 May 2025', 'Orders complied with since 1 May 2024']);
  });

  it('keeps an item whose sub-items are criteria ("where:") as one question', () => {
    const text = 'A) Copies of the last five appeal decisions where:\n1) The appellant was a fire service.\n2) The appeal was allowed.\n\nB) Copies of the last five review decisions where:\n1) The applicant was a school.\n2) The review was upheld.';
    expect(texts(text)).toEqual(['Copies of the last five appeal decisions where:', 'Copies of the last five review decisions where:']);
  });

  it('keeps an item whose sub-items are the fields of each record as one question', () => {
    const text = '1. Please list every grant paid to parish councils since 2022. For each grant, please include:\na) Date paid;\nb) Amount;\nc) Purpose.\n2. Please send the grants policy.';
    const got = texts(text);
    expect(got).toHaveLength(2);
    expect(got[0]).toMatch(/^Please list every grant paid to parish councils since 2022\./);
  });

  it('keeps bands of one figure and breakdown reasons under their lead-in', () => {
    expect(texts('1. Please provide the proportion of complaints closed within:\na. 10 days\nb. 20 days\nc. more than 20 days')).toEqual(['Please provide the proportion of complaints closed within:']);
    expect(texts('Please give the number of pupils who left the school roll in 2024 for the following reasons:\n• Moved abroad\n• Home education\n• Permanent exclusion')).toHaveLength(1);
  });

  it('keeps sub-items that only say where as a breakdown of their item', () => {
    const text = '1. What are the council\'s rules on mowing:\n– in parks;\n– in cemeteries;\n– on road verges?\n2. Who sets them?';
    expect(texts(text)).toEqual(['What are the council\'s rules on mowing:', 'Who sets them?']);
  });

  it('splits material listed inside one sentence after "should include:", but not the subjects of one ask', () => {
    const materials = 'Please send all correspondence about the depot sale. This should include: any notes of meetings with the buyer; any valuation reports; any legal advice on the terms; and any emails with councillors.';
    expect(texts(materials)).toEqual([
      'Please send all correspondence about the depot sale.', 'any notes of meetings with the buyer', 'any valuation reports', 'any legal advice on the terms', 'any emails with councillors.',
    ]);
    const subjects = 'I request all emails since 2024 about any of: the condition of the harbour wall; repairs to the slipway; the closure of the car park.';
    expect(texts(subjects)).toHaveLength(1);
  });

  it('cuts bullets run into a question after a colon', () => {
    expect(texts('3. How many visits did the library have in each month of: • 2022 • 2023 • 2024')).toEqual(['How many visits did the library have in each month of:']);
  });

  it('leaves notes and format instructions after an item out of its span', () => {
    const text = '1. Copies of the guidance given to staff who decide refunds. For the avoidance of doubt, this covers guidance published online and guidance held only internally.\n2. Training material on refunds.';
    expect(texts(text)).toEqual(['Copies of the guidance given to staff who decide refunds.', 'Training material on refunds.']);
  });

  it('does not count questions about where to send the request', () => {
    const text = 'Can you assist me with the following FOI request? If not, could you point me in the right direction?\n\n1. How many ambulances waited over an hour at A&E in 2024?';
    expect(texts(text)).toEqual(['How many ambulances waited over an hour at A&E in 2024?']);
  });
});
