import { describe, expect, it } from 'vitest';
import { splitQuestions } from '../../../src/pipeline/analyse/split-questions.js';

const numbersAndTexts = (text: string) => splitQuestions(text).map((q) => [q.number, q.text]);

describe('splitQuestions: list styles', () => {
  it('keeps "1)" numbers and drops the lead-in and the sign-off', () => {
    const text = [
      'Dear FOI team,', '', 'Please could you tell me:', '',
      '1) How many parking permits did the council issue in 2023?',
      '2) How much income did those permits raise?', '', 'Kind regards,', 'Sam Okafor',
    ].join('\n');
    expect(numbersAndTexts(text)).toEqual([
      ['1', 'How many parking permits did the council issue in 2023?'],
      ['2', 'How much income did those permits raise?'],
    ]);
  });

  it('reads "(1)" and "Q1" markers', () => {
    const bracketed = '(1) The number of library branches open today.\n(2) The number closed since 2015.';
    expect(numbersAndTexts(bracketed).map(([n]) => n)).toEqual(['1', '2']);
    const qs = 'Q1: What is your annual spend on agency nurses?\nQ2: Which agencies do you use?';
    expect(numbersAndTexts(qs)).toEqual([
      ['Q1', 'What is your annual spend on agency nurses?'],
      ['Q2', 'Which agencies do you use?'],
    ]);
  });

  it('reads "a)" and "(i)" lists', () => {
    const letters = 'I would like:\na) a copy of the grounds maintenance contract\nb) the annual value of that contract';
    expect(numbersAndTexts(letters).map(([n]) => n)).toEqual(['a', 'b']);
    const romans = '(i) the number of complaints received about noise\n(ii) the number of abatement notices served';
    expect(numbersAndTexts(romans).map(([n]) => n)).toEqual(['i', 'ii']);
  });

  it('reads bullets written with -, * and •', () => {
    for (const bullet of ['-', '*', '•']) {
      const text = `Please send me:\n${bullet} the current fleet replacement plan\n${bullet} the fuel spend for 2022/23`;
      expect(numbersAndTexts(text)).toEqual([
        [null, 'the current fleet replacement plan'],
        [null, 'the fuel spend for 2022/23'],
      ]);
    }
  });

  it('keeps lettered sub-items under their numbered parent', () => {
    const text = [
      '1. The number of penalty notices issued for littering in 2022',
      'a. The total amount collected from those notices',
      'b. The number of notices cancelled on appeal',
      '2. The number of penalty notices issued for fly-tipping in 2022',
    ].join('\n');
    expect(numbersAndTexts(text).map(([n]) => n)).toEqual(['1', '1(a)', '1(b)', '2']);
  });

  it('keeps "1(a)" and "2.1" labels as written', () => {
    const text = [
      '1. Do you employ an in-house data protection officer?',
      '1(a) If not, who provides that service?',
      '2. Please state your incident figures.',
      '2.1 How many personal data breaches were reported to the ICO in 2023?',
      '2.2 How many were reported in 2024?',
    ].join('\n');
    expect(numbersAndTexts(text).map(([n]) => n)).toEqual(['1', '1(a)', '2', '2.1', '2.2']);
  });

  it('treats a lead-in governing a list of categories as one question', () => {
    const text = [
      'Please provide the number of staff dismissed in 2023 for each of the following:',
      '– gross misconduct;', '– capability;', '– redundancy.',
    ].join('\n');
    const questions = splitQuestions(text);
    expect(questions).toHaveLength(1);
    expect(questions[0]?.text.startsWith('Please provide the number of staff dismissed')).toBe(true);
    expect(questions[0]?.text.endsWith('for each of the following:')).toBe(true);
    expect(questions[0]?.items).toEqual(['gross misconduct;', 'capability;', 'redundancy.']);
  });

  it('joins a list item wrapped over several lines', () => {
    const text = '1. Copies of the risk assessments for the\n   leisure centre pool since 2020.\n2. The pool\'s opening hours.';
    expect(numbersAndTexts(text)[0]).toEqual(['1', 'Copies of the risk assessments for the\n   leisure centre pool since 2020.']);
  });
});

describe('splitQuestions: prose', () => {
  it('takes a one-paragraph request as one question', () => {
    const text = [
      'Hello,', '',
      'I would like a copy of the council\'s current policy on the removal of abandoned vehicles, including',
      'any guidance given to enforcement officers about how long a vehicle is left before it is removed.', '',
      'Many thanks,', 'Priya Natarajan',
    ].join('\n');
    const questions = splitQuestions(text);
    expect(questions).toHaveLength(1);
    expect(questions[0]?.number).toBeNull();
    expect(questions[0]?.text).toMatch(/^I would like a copy of the council's current policy.*removed\.$/s);
  });

  it('finds questions inside paragraphs and skips context, procedure and thanks', () => {
    const text = [
      'I run a small residents\' group and we have noticed more potholes this winter. How many potholes were',
      'reported on Mill Lane in 2024? Could you tell me what the council spent on road repairs in the ward?',
      'I would prefer to receive the information by email. Thank you for your help.',
    ].join('\n');
    expect(splitQuestions(text).map((q) => q.text)).toEqual([
      'How many potholes were\nreported on Mill Lane in 2024?',
      'Could you tell me what the council spent on road repairs in the ward?',
    ]);
  });

  it('attaches a "This should include…" sentence to the question before it', () => {
    const text = 'Please provide the minutes of the planning committee of 4 March. This should include any appendices.';
    expect(splitQuestions(text)).toHaveLength(1);
  });

  it('does not count section 16 reminders or public interest paragraphs', () => {
    const text = [
      'Please provide the total cost of consultants engaged by the trust in 2023.', '',
      'If this request is too broad, I remind you of your duty under section 16 to advise and assist me.', '',
      'Disclosure is in the public interest because the trust is funded by taxpayers.',
    ].join('\n');
    expect(splitQuestions(text)).toHaveLength(1);
  });
});
