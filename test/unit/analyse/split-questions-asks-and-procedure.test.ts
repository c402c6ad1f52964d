import { describe, expect, it } from 'vitest';
import { splitQuestions } from '../../../src/pipeline/analyse/split-questions.js';

const texts = (text: string) => splitQuestions(text).map((q) => q.text);
const numbers = (text: string) => splitQuestions(text).map((q) => q.number);

describe('splitQuestions: more list forms', () => {
  it('reads "1." and "- 1." markers', () => {
    expect(numbers('1. The number of gritting lorries owned.\n2. The tonnes of salt bought in 2024.')).toEqual(['1', '2']);
    expect(numbers('- 1. The number of gritting lorries owned.\n- 2. The tonnes of salt bought in 2024.')).toEqual(['1', '2']);
  });

  it('cuts a numbered list run into one line', () => {
    const text = 'Please answer the following: 1) How many wardens are employed? 2) How many fixed penalty notices did they issue?';
    expect(numbers(text)).toEqual(['1', '2']);
  });

  it('keeps a governing lead-in as the question and its categories as items', () => {
    const text = 'For each of the following schools, please give the number of exclusions in 2024:\n- Hill Top Primary\n- Marsh Lane Academy';
    const [question, ...rest] = splitQuestions(text);
    expect(rest).toEqual([]);
    expect(question?.text).toBe('For each of the following schools, please give the number of exclusions in 2024:');
    expect(question?.items).toEqual(['Hill Top Primary', 'Marsh Lane Academy']);
  });

  it('keeps only the opening fragment of an item whose breakdown is enumerated inline', () => {
    const text = '1. The number of rough sleepers counted in 2024, broken down by: (i) under 25; (ii) 25 to 49; (iii) 50 and over.\n2. The outreach budget.';
    const [first] = splitQuestions(text);
    expect(first?.text).toBe('The number of rough sleepers counted in 2024, broken down by');
    expect(first?.items).toEqual(['under 25', '25 to 49', '50 and over.']);
  });
});

describe('splitQuestions: two asks in one sentence', () => {
  it.each([
    ['Which CCTV system does the council use, and when does its maintenance contract end?', 2],
    ['How many complaints were upheld, and in how many was compensation paid?', 2],
    ['Please tell me how many bridges were inspected in 2024, how many failed inspection, and which were closed.', 3],
    ['Please send the tree survey for the site, together with the landscaping plan approved by the council.', 2],
    ['Please send me the recordings of my calls and any notes made on my account in May.', 2],
    ['How many voids are there (that is, when did the first become void and when was the latest)?', 1],
    ['Do you record the cost of answering requests, and if so, how is it calculated?', 1],
  ])('%s → %i', (text, count) => {
    expect(splitQuestions(text)).toHaveLength(count);
  });

  it('takes "It would also help to know…" as a new ask, not a continuation', () => {
    const text = 'Please tell me the target waiting time for a first appointment. It would also help to know whether any clinics were outsourced.';
    expect(texts(text)).toHaveLength(2);
  });
});

describe('splitQuestions: procedure is not a question', () => {
  it.each([
    'If any of this is already published, please send me a link instead.',
    'If it does, please release whatever can be disclosed.',
    'I would be grateful to receive the information in Excel format.',
    'Could you confirm whether this narrower version would fall within the cost limit?',
    'Please let me know what identification you need.',
    'Please provide the following for the period between April 2022 and March 2024.',
  ])('%s', (procedure) => {
    const text = `1. How many school crossing patrols are funded?\n\n${procedure}`;
    expect(texts(text)).toEqual(['How many school crossing patrols are funded?']);
  });
});

describe('splitQuestions: causes found on a blind set', () => {
  const asked = (body: string) => splitQuestions(`Dear FOI team,\n\n${body}\n\nRegards,\nAlex Morgan`).map((q) => q.text);

  it('asks about timeliness "within 20 working days" as a figure, while a demand to reply in time is procedure', () => {
    expect(asked('How many FOI requests did the trust receive in 2024, how many were answered within 20 working days, and how many were refused as vexatious?')).toEqual([
      'How many FOI requests did the trust receive in 2024', 'how many were answered within 20 working days', 'how many were refused as vexatious?',
    ]);
    expect(asked('Please provide the 2024 gritting routes. Please respond within 20 working days as the Act requires.')).toEqual(['Please provide the 2024 gritting routes.']);
  });

  it('hears "we would also like to know" as an ask, and "and separately how many" as a second one', () => {
    expect(asked('Please tell me how many fly-tipping reports the council received in 2024, and separately how many led to a fixed penalty notice. We would also like to know which wards had the most reports.')).toEqual([
      'Please tell me how many fly-tipping reports the council received in 2024', 'how many led to a fixed penalty notice.', 'We would also like to know which wards had the most reports.',
    ]);
  });

  it('leaves out format wishes, offers to clarify and cost-limit checks', () => {
    expect(asked('Please provide the number of school appeals heard in 2024. I would be grateful if the figures could be provided in Excel. If anything in this request is unclear, please let me know. Could you confirm whether this can be dealt with within the cost limit?')).toEqual([
      'Please provide the number of school appeals heard in 2024.',
    ]);
  });
});
