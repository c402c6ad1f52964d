// More ways of asking for advice and assistance without naming section 16, and near misses.
import { describe, expect, it } from 'vitest';
import { detectSection16 } from '../../../src/pipeline/analyse/detect-section16.js';

describe('detectSection16: help asked in other words', () => {
  it.each([
    'If my wording does not match your records, I would appreciate your help to rephrase it.',
    'Please could you let me know which of the questions you can answer without breaching the fees limit.',
    'Could you tell me which parts you would be able to deal with inside the cost ceiling?',
    'Before I submit anything formal, could you advise me what records you keep about this so that I can frame a request you can answer?',
    'Please let me know what data you hold on library loans, so I can target my request properly.',
  ])('finds: %s', (text) => {
    expect(detectSection16(text)).not.toBeNull();
  });

  it.each([
    'Thank you for your help to date.',
    'Please tell me which parts of the building were refurbished.',
    'Could you advise me what the opening hours are?',
    'Let me know what information you hold and send it to me by email.',
  ])('does not find: %s', (text) => {
    expect(detectSection16(text)).toBeNull();
  });
});
