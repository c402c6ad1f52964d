import { describe, expect, it } from 'vitest';
import { detectPublicInterest } from '../../../src/pipeline/analyse/detect-public-interest.js';
import { detectSection16 } from '../../../src/pipeline/analyse/detect-section16.js';
import { unwrapSoftBreaks } from '../../../src/pipeline/analyse/text-lines.js';

describe('section 16 asked for without the words', () => {
  it.each([
    'Can you advise me to what level I would need to cut the date range to come under the cost limit?',
    'If the grit bins are not your responsibility, any advice on who holds this would be appreciated.',
    'If you are not the right body for this, please let me know and suggest where I should send it.',
    'Could you point me in the right direction if another team keeps these records?',
    'If answering all of this is not possible, could you advise what information would be obtainable instead?',
    'Please confirm whether asking only for 2024 would bring the request within the cost limit.',
    'If it is too much, let me know which years you could manage so that I can trim the request.',
    // Wrapped by the sender's client in the middle of the phrase.
    'I would be grateful if you would confirm that even the first ten emails were not enough to\nbring the request within the cost limit.',
  ])('%j', (text) => {
    expect(detectSection16(text)).not.toBeNull();
  });

  it.each([
    'Please contact me if anything in this request is unclear.',
    'If it exceeds the cost limit, please prioritise the most recent year.',
    'I believe this request falls well within the cost limit.',
    'Please tell me what information is published on your website about bin collections.',
  ])('not %j', (text) => {
    expect(detectSection16(text)).toBeNull();
  });
});

describe('public-interest arguments in real phrasing', () => {
  it.each([
    'There is currently great interest in how the new assessment rules will work for older claimants.',
    'Surely the public have a right to see how decisions that change so many lives are made.',
    // A bare "public interest" followed by the reason: public money from a public funder.
    'I ask for a review on the grounds of public interest. The society was given £40,000 of lottery funding for the hall.',
  ])('%j', (text) => {
    expect(detectPublicInterest(text)).not.toBeNull();
  });

  it.each([
    'I ask for a review on the grounds of public interest.',
    'Please provide me with any transparency about how the minor changes were assessed.',
    'I would like to know the public body the contractor answered to.',
    'I am only interested in the amount of public money spent on the appeals.',
  ])('not %j', (text) => {
    expect(detectPublicInterest(text)).toBeNull();
  });

  it('keeps a reason given inside a request sentence an argument', () => {
    expect(detectPublicInterest('Please disclose the shortlist so that the transparency of the appointment can be judged by the public.')).not.toBeNull();
  });
});

describe('unwrapSoftBreaks', () => {
  it('joins a paragraph wrapped by the client, character for character', () => {
    const text = 'I would be grateful if you could tell me how many complaints were made\nabout the service in 2024.\n\n1. First item\n2. Second item';
    const unwrapped = unwrapSoftBreaks(text);
    expect(unwrapped).toHaveLength(text.length);
    expect(unwrapped).toContain('were made about the service');
    expect(unwrapped).toContain('\n1. First item\n2. Second item');
  });

  it('keeps short lines, sentence ends and list items apart', () => {
    const text = 'Dear Sir,\nPlease send the report.\nThanks';
    expect(unwrapSoftBreaks(text)).toBe(text);
  });
});
