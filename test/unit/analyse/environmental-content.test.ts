import { describe, expect, it } from 'vitest';
import { analyseRequest } from '../../../src/pipeline/analyse/analyse-request.js';
import { readEnvironmental } from '../../../src/pipeline/analyse/detect-environmental.js';
import { detectRequestKind } from '../../../src/pipeline/analyse/detect-request-kind.js';

const kindOf = (subject: string, body: string) => detectRequestKind(subject, body).kind;
const analyse = (subject: string, text: string) => analyseRequest({ subject, text, from: { name: 'A Resident', address: 'a@example.org' } });

describe('environmental information by content (EIR reg 2(1)), whatever Act is named', () => {
  it.each([
    // (a) the state of the elements
    ['Sampling at the mill pond', 'Under the Freedom of Information Act, please send the water quality sampling results for the mill pond since 2022.'],
    ['Street trees', 'How many street trees did the council fell in Ashby ward in 2024, and how many were replanted?'],
    ['Verges', 'Please provide the council\'s programme for treating giant hogweed and other invasive plants on highway verges.'],
    // (b) factors: substances, energy, noise, emissions, discharges
    ['Weed control', 'Under FOIA, how many litres of weedkiller did the council\'s contractors spray on pavements in 2024?'],
    ['Nightclub', 'How many complaints about noise from the Crown Street nightclub did the council receive last year?'],
    ['Hill Top Farm', 'Please provide all correspondence with the developer about the proposed solar farm at Hill Top Farm.'],
    ['Fish farm', 'Under FOISA, please send the returns of chemical treatments made at the Loch Varr salmon farm in 2023.'],
    // (c) measures affecting them
    ['Elm Grove trial', 'Please send me the traffic counts recorded on Elm Grove before and after the low traffic neighbourhood trial began.'],
    ['Scrappage', 'How many applications to the clean air zone scrappage fund were approved, and how much was paid out in total?'],
    ['Flood works', 'What did the council spend on flood defences along the Wend in each of the last three years?'],
    ['Developer contributions', 'Please send the section 106 agreement for the Marlow Road housing scheme.'],
    // Two weaker measures together: a bus route moved into residential streets.
    ['Route 12', 'What consultation took place before the change to the number 12 bus route through residential streets in Northfield?'],
  ])('%s → eir', (subject, body) => {
    expect(kindOf(subject, body)).toBe('eir');
  });

  it.each([
    ['Sickness', 'How many staff in the waste services team were off sick in 2024?'],
    ['Bus lane fines', 'How many Penalty Charge Notices were issued for the bus lane on King Street in 2024?'],
    ['Payroll', 'Which software makes up the IT environment that runs payroll, and when was it last upgraded?'],
    ['Potholes', 'How many potholes were repaired in 2024, and what did the repairs cost?'],
    ['Planning enforcement', 'How many planning enforcement complaints did the council receive in 2024, and how many led to a notice?'],
    ['Food hygiene', 'How many food hygiene inspections did environmental health officers carry out in 2024?'],
    // A passing environmental word in the requester's reason, not in what is asked for.
    ['Library visits', 'Please tell me how many visits the Eastgate library had in 2024. I ask because flooding closed it for a month.'],
  ])('%s → foi', (subject, body) => {
    expect(kindOf(subject, body)).toBe('foi');
  });

  it('shows officers what made it environmental, with the limb of reg 2(1)', () => {
    const body = 'Please send the air quality monitoring results for Station Road since the new bus depot opened.';
    const analysis = analyse('Station Road', body);
    expect(analysis.kind).toBe('eir');
    const evidence = analysis.evidence.environmental;
    expect(evidence?.reading).toBe('environmental: air quality (state of the elements, EIR/EISR reg 2(1)(a))');
    expect(evidence && body.slice(evidence.start, evidence.end)).toBe(evidence?.text);
  });

  it('weighs a strong concept in the background like a weak one asked about', () => {
    const asked = readEnvironmental('', 'How much glyphosate was used?', [{ start: 0, end: 29 }]);
    const background = readEnvironmental('', 'I worry about glyphosate. How many parks are there?', [{ start: 26, end: 51 }]);
    expect(asked.score).toBe(2);
    expect(background.score).toBe(1);
  });

  it('gives each question of a mixed request its own regime; the message is eir', () => {
    const body = 'Please tell me:\n1. How many gardeners are employed in the parks team?\n2. How much glyphosate did the parks team use in 2024?\n3. What did that cost?';
    const analysis = analyse('Parks', body);
    expect(analysis.kind).toBe('eir');
    expect(analysis.questions.map((q) => q.kind)).toEqual(['foi', 'eir', 'eir']);
  });

  it('leaves the questions of a plain FOI request foi', () => {
    const analysis = analyse('Agency staff', '1. How many agency staff did the council use in 2024?\n2. What was the total cost?');
    expect(analysis.questions.map((q) => q.kind)).toEqual(['foi', 'foi']);
    expect(analysis.evidence.environmental ?? null).toBeNull();
  });
});
