import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseRequest } from '../../../src/pipeline/analyse/analyse-request.js';
import { detectFormat } from '../../../src/pipeline/analyse/detect-format.js';
import { extractTimeSpan } from '../../../src/pipeline/analyse/extract-time-span.js';
import { normaliseTimeSpan } from '../../../src/pipeline/analyse/normalise-time-span.js';

const received = new Date('2025-06-12T09:30:00Z');
const rangeOf = (text: string, at?: Date) => {
  const span = extractTimeSpan(text);
  return span ? normaliseTimeSpan(span.text, at) : null;
};

describe('normaliseTimeSpan', () => {
  it.each([
    ['Figures for the last 5 years please.', { from: '2020-06-12', to: '2025-06-12' }],
    ['How many since 2019?', { from: '2019-01-01', to: '2025-06-12' }],
    ['All invoices between April 2020 and March 2023.', { from: '2020-04-01', to: '2023-03-31' }],
    ['For the financial years 2021/22 to 2023/24.', { from: '2021-04-01', to: '2024-03-31' }],
    ['The number of fines issued in 2024.', { from: '2024-01-01', to: '2024-12-31' }],
    ['Spend in the 2023/24 financial year.', { from: '2023-04-01', to: '2024-03-31' }],
    ['Exclusions in academic year 2022/23.', { from: '2022-09-01', to: '2023-08-31' }],
    ['Between 1 January and 31 March 2024.', { from: '2024-01-01', to: '2024-03-31' }],
    ['Complaints from 2015 to date.', { from: '2015-01-01', to: '2025-06-12' }],
    ['For 2022, 2023 and 2024.', { from: '2022-01-01', to: '2024-12-31' }],
    ['Over the past three months.', { from: '2025-03-12', to: '2025-06-12' }],
  ])('%s', (text, expected) => {
    expect(rangeOf(text, received)).toEqual(expected);
  });

  it('leaves relative periods unresolved without the date received', () => {
    expect(rangeOf('Figures for the last 5 years please.')).toBeNull();
    expect(rangeOf('How many since 2019?')).toBeNull();
    expect(rangeOf('Between April 2020 and March 2023.')).toEqual({ from: '2020-04-01', to: '2023-03-31' });
  });

  it('takes the date received in Europe/London', () => {
    expect(rangeOf('the last year', new Date('2025-06-30T23:30:00Z'))).toEqual({ from: '2024-07-01', to: '2025-07-01' });
  });
});

describe('detectFormat', () => {
  it.each([
    ['I would like the data in Excel format please.', 'Excel', 'in Excel format'],
    ['Please send it as a CSV file.', 'CSV', 'as a CSV file'],
    ['A spreadsheet would be ideal; in a spreadsheet if possible.', 'spreadsheet', 'in a spreadsheet'],
    ['Can I have it in PDF?', 'PDF', 'in PDF'],
    ['Please provide the figures electronically.', 'electronic', 'provide the figures electronically'],
  ])('%s → %s', (text, format, evidence) => {
    const found = detectFormat(text);
    expect(found?.format).toBe(format);
    expect(found?.evidence.text).toBe(evidence);
    expect(text.slice(found?.evidence.start, found?.evidence.end)).toBe(evidence);
  });

  it.each([
    'Please send a copy of the register, which I understand is held in an Excel spreadsheet.',
    'How much was invested in electronic patient records?',
    'Please send the paper presented to the board in May.',
  ])('finds no format request in %j', (text) => {
    expect(detectFormat(text)).toBeNull();
  });
});

describe('analyseRequest: new fields and their evidence', () => {
  const seedText = readFileSync(new URL('./fixtures/seed-request.txt', import.meta.url), 'utf8');
  const seed = analyseRequest({
    subject: 'IT security', text: seedText, from: { name: 'A Requester', address: 'a@example.org' },
    receivedAt: new Date('2017-05-30T12:00:00Z'),
  });

  it('normalises the seed time span against the date received', () => {
    expect(seed.timeSpan).toBe('last 5 years');
    expect(seed.timeSpanRange).toEqual({ from: '2012-05-30', to: '2017-05-30' });
  });

  it('points each section cited and each vague term at its words in the body', () => {
    expect(seed.ambiguousTerms).toContain('security events');
    for (const e of [...(seed.evidence.sections ?? []), ...(seed.evidence.ambiguousTerms ?? [])]) {
      expect(seedText.slice(e.start, e.end)).toBe(e.text);
    }
    expect(seed.evidence.sections?.map((s) => s.section)).toEqual(['s16']);
  });

  it('reports the format asked for', () => {
    const text = 'Please send the list of grants awarded in 2024, in CSV format.\n\nThanks,\nOla Berg';
    const analysis = analyseRequest({ subject: 'Grants', text, from: { name: 'Ola Berg', address: 'o@example.org' } });
    expect(analysis.formatRequested).toBe('CSV');
    expect(analysis.evidence.format?.text).toBe('in CSV format');
    expect(analysis.timeSpanRange).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});
