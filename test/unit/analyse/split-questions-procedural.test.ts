// Lists typed on one line with "1 -" markers, and instructions that are not items of information.
import { describe, expect, it } from 'vitest';
import { analyseRequest } from '../../../src/pipeline/analyse/analyse-request.js';

const analyse = (text: string) => analyseRequest({ subject: 'Request', text, from: { name: 'Pat Jones', address: 'pat@example.org' } }).questions.map((q) => q.text);

describe('question splitting: one-line lists and procedural sentences', () => {
  it('splits a list typed on one line with "1 -" markers', () => {
    expect(analyse('Hi, please can you send me 1 - number of fly-tipping reports in 2024 2 - number of fixed penalty notices issued 3 - number of prosecutions.\n\nThanks,\nPat Jones')).toEqual([
      'number of fly-tipping reports in 2024', 'number of fixed penalty notices issued', 'number of prosecutions.',
    ]);
  });

  it('does not take a breakdown instruction, a delivery instruction or a plea for help as questions', () => {
    const questions = analyse([
      'Dear Council,', '', 'Please provide:', '1. The number of parking fines issued in 2024.', '2. The number of those fines that were cancelled on appeal.', '',
      'For each figure, please break it down by month.', '', 'Please send everything electronically to this address.', '',
      'If my wording does not match your systems, I would welcome your help to reword it.', '', 'Yours faithfully,', 'Pat Jones',
    ].join('\n'));
    expect(questions).toEqual(['The number of parking fines issued in 2024.', 'The number of those fines that were cancelled on appeal.']);
  });
});
