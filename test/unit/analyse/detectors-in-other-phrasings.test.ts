// Each block covers one general way of saying something (asking for help to refine, arguing for the public,
// a message that is not a request) in several invented phrasings, with the near misses that must not count.
import { describe, expect, it } from 'vitest';
import { detectPublicInterest } from '../../../src/pipeline/analyse/detect-public-interest.js';
import { detectRequestKind } from '../../../src/pipeline/analyse/detect-request-kind.js';
import { detectSection16 } from '../../../src/pipeline/analyse/detect-section16.js';

const kindOf = (subject: string, body: string) => detectRequestKind(subject, body).kind;

describe('detectSection16: asking the authority for help to reshape the request', () => {
  it.each([
    'If my wording does not suit your systems, any guidance on how to word it differently would be welcome.',
    'I would value your suggestions as to how I might trim the request.',
    'Should this be too much, I would appreciate a few pointers on how best to narrow it.',
    'If the records are scattered, some tips on how the question could be reframed would help.',
    'Can you recommend how to restructure the request so that it is answerable?',
    'Please give me an indication of which items the council would be able to supply within the hours allowed.',
    'A steer on which of these questions you could answer would be appreciated.',
    'If the data is held locally, I welcome your ideas on how to make this manageable.',
    'Please ring me to discuss narrowing the scope if the cost is too high.',
    'I ask you to advise and assist me in framing this properly.',
    'Your guidance on narrowing the request would be much appreciated.',
    'I would be glad of some assistance in rewording my questions.',
    'If answering all of it would go past the limit, what would you suggest?',
  ])('finds help asked for in %j', (text) => {
    expect(detectSection16(text)).not.toBeNull();
  });

  it.each([
    'Please contact me if anything in this request is unclear.',
    'If the request exceeds the limit, please prioritise the most recent year.',
    'Please advise how you will send the documents.',
    'Please advise which format you can provide the spreadsheet in.',
    'This would help me understand how the board frames its procurement policy.',
    'Thank you for your help. I have narrowed it myself to 2024 only.',
    'Thank you for your help in narrowing the request last week.',
    'What would you suggest residents do about the potholes?',
  ])('does not take %j for a request for help', (text) => {
    expect(detectSection16(text)).toBeNull();
  });
});

describe('detectPublicInterest: arguments that disclosure serves the public', () => {
  it.each([
    'Bus passengers in the county have a real interest in understanding why the route was cut.',
    'Parents are worried about the closures. They have every right to know what the options were.',
    'The trust ought to be transparent about how long patients actually wait.',
    'These sums should be scrutinised by the residents footing the bill.',
    'There is a strong case for publication given the scale of the overspend.',
    'Safety at the crossing is a matter of genuine public concern after two collisions.',
    'The scheme was paid for with public borrowing, and value for money must be demonstrable.',
    'This was bought with council tax payers\' money, so it matters whether it was good value.',
    'The safety of pupils is at stake, so the inspection results should not be kept private.',
  ])('finds the argument in %j', (text) => {
    expect(detectPublicInterest(text)).not.toBeNull();
  });

  it.each([
    'I am researching transparency and accountability in parish councils for my dissertation.',
    'I need this for my thesis because transparency in procurement is my subject.',
    'This is market research for my company, which sells accountability software and values transparency.',
    '2. Any report assessing whether the public interest in disclosure outweighs the exemption.',
    'Copies of the minutes that discuss public scrutiny of the budget.',
    'The library should be open from 9am on Saturdays.',
    'I have a legitimate interest in knowing what was said about my planning appeal.',
    '4. Reports on the safety of pupils at the crossing since 2022.',
  ])('does not take %j for an argument', (text) => {
    expect(detectPublicInterest(text)).toBeNull();
  });
});

describe('detectRequestKind: environmental information named in everyday words', () => {
  it.each([
    ['Water in our cellar', 'Since the storm our street has flooded twice. Please send the records of culvert inspections on Mill Road and any reports you sent to the Environment Agency.'],
    ['Fumes from the depot', 'Please provide the number of complaints about the smell from the composting site, and any odour monitoring carried out since 2023.'],
    ['Developer contributions', 'Please send a copy of the s106 agreement for planning ref 22/0101/FUL and the sums received under it.'],
    ['Nuisance from the plant', 'Has the council served an abatement notice on the operator, and what noise readings does it hold?'],
    ['Verge on Church Lane', 'Please send the tree survey behind the decision to fell the limes, and any ecological assessment of the verge.'],
    ['Overflows at the brook', 'How many times did the storm overflow at the pumping station spill in 2024, and what water quality sampling was done downstream?'],
  ])('%s → eir', (subject, body) => {
    expect(kindOf(subject, body)).toBe('eir');
  });

  it('keeps a single passing environmental word a FOI request', () => {
    expect(kindOf('Staff parking', 'How many staff parking permits were issued in 2024? I ask because of flooding in the old car park.')).toBe('foi');
  });
});

describe('detectRequestKind: messages that are not requests, reviews and complaints in other words', () => {
  it.each([
    ['Re: FOI 1234', 'Please cancel my request, I got the figures from a councillor. Thanks.'],
    ['Re: FOI 5678', 'Hello, I have since found what I needed in your annual report, so there is no need to reply.'],
    ['Making a request', 'Do I have to fill in an application form to ask about school admissions, or can I just email you?'],
    ['Help with making a request', 'Hi, who should I address this to? Thanks.'],
  ])('%s → other', (subject, body) => {
    expect(kindOf(subject, body)).toBe('other');
  });

  it('keeps a short request that finds something difficult a FOI request', () => {
    expect(kindOf('Grit bins', 'I have found it hard to find this online. Please list the grit bins refilled in January 2025.')).toBe('foi');
  });

  it.each([
    ['Re: FOI 24-100 cost limit', "Understood. I'm willing to restrict it to the 2023/24 year only."],
    ['Re: your ref 77', 'Please treat my request as now covering only the central library.'],
  ])('%s → clarification', (subject, body) => {
    expect(kindOf(subject, body)).toBe('clarification');
  });

  it('reads a letter wanting the regulator to act as a complaint', () => {
    const body = 'The authority has ignored my request for four months. I would like the Information Commissioner to investigate and, if need be, issue a decision notice requiring an answer.';
    expect(kindOf('No reply from the port authority', body)).toBe('complaint');
  });

  it('reads representations under regulation 11 as an internal review', () => {
    const body = 'I make representations under regulation 11 about your refusal of my request for the drainage survey. The exception does not apply.';
    expect(kindOf('Drainage survey', body)).toBe('internal_review');
  });
});
