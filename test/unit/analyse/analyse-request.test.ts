import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseRequest } from '../../../src/pipeline/analyse/analyse-request.js';

const seedText = readFileSync(new URL('./fixtures/seed-request.txt', import.meta.url), 'utf8');

describe('analyseRequest on the seed request', () => {
  const analysis = analyseRequest({ subject: 'IT security', text: seedText, from: { name: 'A Requester', address: 'a@example.org' } });

  it('finds the four numbered items, keeping the rider of item 4 ("I would also request…") with it', () => {
    expect(analysis.questions.map((q) => q.number)).toEqual(['1', '2', '3', '4']);
    expect(analysis.questions[3]?.text).toMatch(/^Could you please, if possible, confirm .*available\.$/);
    expect(analysis.questions[0]?.text).toBe('Have there been any security events related to the computer systems at the facility?');
  });

  it('points each question at its text in the original body', () => {
    for (const q of analysis.questions) expect(seedText.slice(q.start, q.end)).toBe(q.text);
  });

  it('detects the section 16 reminder and the public interest argument with evidence', () => {
    expect(analysis.citesSection16).toBe(true);
    expect(analysis.evidence.section16?.text).toBe('section 16');
    expect(analysis.publicInterestArgument).toBe(true);
    const pi = analysis.evidence.publicInterest;
    expect(pi && seedText.slice(pi.start, pi.end)).toBe(pi?.text);
  });
});

describe('analyseRequest contract fields on the seed request', () => {
  const analysis = analyseRequest({ subject: 'IT security', text: seedText, from: { name: 'A Requester', address: 'a@example.org' } });

  it('fills kind, topics, sections, time span, vague terms and validity', () => {
    expect(analysis.kind).toBe('foi');
    expect(analysis.topics[0]).toBe('it_security');
    expect(analysis.questions[0]?.topics).toEqual(['it_security']);
    expect(analysis.sectionsCited).toEqual(['s16']);
    expect(analysis.timeSpan).toBe('last 5 years');
    expect(analysis.ambiguousTerms).toEqual(['security events']);
    expect(analysis.validity).toEqual({ valid: true, missing: [] });
  });
});

describe('analyseRequest by kind', () => {
  it('gives an internal review no questions of its own', () => {
    const text = 'Dear FOI team,\n\nI am writing to request an internal review of your refusal. Why was section 43 applied?\n\nRegards,\nMia Chen';
    const analysis = analyseRequest({ subject: 'Re: FOI 991', text, from: { name: 'Mia Chen', address: 'm@example.org' } });
    expect(analysis.kind).toBe('internal_review');
    expect(analysis.questions).toEqual([]);
    expect(analysis.topics[0]).toBe('other');
  });
});

describe('analyseRequest on a reply', () => {
  it('ignores questions in the quoted earlier message', () => {
    const text = 'Thank you, I look forward to the answer.\n\nOn 2 Feb 2024, FOI <foi@example.gov.uk> wrote:\n> How many years do you need?';
    expect(analyseRequest({ subject: 'Re: FOI', text, from: null }).questions).toEqual([]);
  });
});

describe('analyseRequest: the request topic follows the kind where the kind says what it is about', () => {
  const from = { name: 'A Requester', address: 'a@example.org' };

  it('puts personal_data first for a subject access request, whichever service holds the records', () => {
    const analysis = analyseRequest({ subject: 'My school records', text: 'Please send me copies of my school records, including my exclusion file from 2019.', from });
    expect(analysis.kind).toBe('sar');
    expect(analysis.topics[0]).toBe('personal_data');
  });

  it('puts other first for a sales pitch and for a question about how to make a request', () => {
    const pitch = analyseRequest({ subject: 'Parking software', text: 'I hope this finds you well. Our parking enforcement software cuts costs by 40%, and pricing starts at £900 a month. Could we book a demo?', from });
    expect([pitch.kind, pitch.topics[0]]).toEqual(['other', 'other']);
    const howTo = analyseRequest({ subject: 'Question', text: 'How do I make a request for information about school transport? Is there a form?', from });
    expect([howTo.kind, howTo.topics[0]]).toEqual(['other', 'other']);
  });

  it('keeps the subject\'s topic for a chaser', () => {
    const chaser = analyseRequest({ subject: 'Re: Parking fines request', text: 'Just chasing my request about parking fines and penalty charge notices: any update?', from });
    expect(chaser.kind).toBe('other');
    expect(chaser.topics[0]).toBe('transport');
  });
});
