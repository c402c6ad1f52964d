import { describe, expect, it } from 'vitest';
import { detectPublicInterest } from '../../../src/pipeline/analyse/detect-public-interest.js';
import { detectSection16 } from '../../../src/pipeline/analyse/detect-section16.js';

describe('detectSection16', () => {
  it.each([
    ['I remind you of section 16 of the Freedom of Information Act.', 'section 16'],
    ['Under s.16 you should help me.', 's.16'],
    ['Please note your s16 obligations.', 's16'],
    ['You have a duty to advise and assist requesters.', 'duty to advise and assist'],
    ['I would welcome advice and assistance if this is too wide.', 'advice and assistance'],
    ['If it exceeds the cost limit, please help me refine my request.', 'help me refine my request'],
    ['Please advise how I can refine it to fall within the limit.', 'advise how I can refine'],
    ['I ask for your help under section 15 of FOISA.', 'section 15 of FOISA'],
    ['Could you say whether the shorter request would fit within the cost limit?', 'say whether the shorter request would fit within the cost limit'],
    ['If it is too costly, please tell me what you can provide within that limit.', 'what you can provide within that limit'],
    ['Could you let me know how I could narrow it?', 'let me know how I could narrow'],
    ['Please tell me what could be provided within the limit.', 'what could be provided within the limit'],
  ])('finds %j', (text, expected) => {
    const evidence = detectSection16(text);
    expect(evidence?.text).toBe(expected);
    expect(text.slice(evidence?.start, evidence?.end)).toBe(expected);
  });

  it.each([
    'How many dogs were seized under section 1 of the Dangerous Dogs Act?',
    'Please give figures for children accommodated under section 16 of the Children Act.',
    'Contact me if anything is unclear.',
    'If it exceeds the limit, prioritise the most recent years.',
    'If it does not fall within the cost limit, please drop part 3.',
  ])('ignores %j', (text) => {
    expect(detectSection16(text)).toBeNull();
  });
});

describe('detectPublicInterest', () => {
  it.each([
    'Releasing this is in the public interest because residents paid for the scheme.',
    'There is a strong public interest in understanding how the contract was awarded.',
    'Transparency and accountability in procurement matter to every taxpayer.',
    'As the trust is publicly funded, the public should see how public money is spent.',
    'Parents deserve to know whether the school meets the standards it advertises.',
    'Local taxpayers have every right to understand what the council agreed to pay.',
    'Publishing the inspection results would let residents judge the service for themselves.',
    'The figures would help voters hold their councillors to account.',
  ])('finds an argument in %j', (text) => {
    const evidence = detectPublicInterest(text);
    expect(evidence).not.toBeNull();
    expect(text.slice(evidence?.start, evidence?.end)).toBe(evidence?.text);
  });

  it.each([
    'Please provide copies of any public interest test assessments made in 2023.',
    'I need these figures for my dissertation.',
    'How much public money was spent on the new bridge?',
    'I found the contract summary on your transparency pages, so I withdraw my request.',
    'I need to know this for my own planning appeal.',
  ])('finds no argument in %j', (text) => {
    expect(detectPublicInterest(text)).toBeNull();
  });
});
