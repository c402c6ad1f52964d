// References of imported cases, in whatever format the old tracker used, found in reply subjects by exact
// lookup of reference-like tokens: whole tokens only, bare numbers only when announced, linear time.
import { describe, expect, it } from 'vitest';
import {
  importedReferencesInSubject, referenceCandidates, referenceKey, unrecognisableReference, wordsNeeded,
} from '../../../src/pipeline/import/imported-references.js';

const known = new Set(['FOI/24/0456', 'EIR-2025-12', 'REQ 1234', '2025-0142', '4471'].map(referenceKey));
const found = (subject: string) => importedReferencesInSubject(subject, known);

describe('imported references in subjects', () => {
  it('finds a reference of any shape, in any case, bracketed or bare', () => {
    expect(found('Re: Pothole repairs [FOI/24/0456]')).toEqual(['FOI/24/0456']);
    expect(found('RE: eir-2025-12 air quality')).toEqual(['EIR-2025-12']);
    expect(found('Re: your ref REQ 1234 - still waiting')).toEqual(['REQ 1234']);
    expect(found('Fwd: Request 2025-0142.')).toEqual(['2025-0142']);
  });

  it('takes whole tokens only: a longer reference or a word around it is not this one', () => {
    expect(found('Re: FOI/24/04567')).toEqual([]);
    expect(found('Re: XFOI/24/0456')).toEqual([]);
    expect(found('Re: FOI/24/0456/A')).toEqual([]);
    expect(found('Re: EIR-2025-123')).toEqual([]);
  });

  it('a bare number counts only when announced: a year or a count in a subject is not a reference', () => {
    expect(found('Re: 4471 parking fines in 2024')).toEqual([]);
    expect(found('Re: parking fines [4471]')).toEqual(['4471']);
    expect(found('Re: parking fines (ref: 4471)')).toEqual(['4471']);
    expect(found('Re: case no. 4471')).toEqual(['4471']);
    expect(found('Re: #4471')).toEqual(['4471']);
  });

  it('gives every phrase of up to three words with a digit, in order of where it ends, without repeats; fewer words when asked', () => {
    expect(referenceCandidates('Re: FOI 2024 0012 and FOI/24/1, again FOI/24/1')).toEqual([
      'FOI 2024', '2024 0012', 'FOI 2024 0012', '0012 AND', '2024 0012 AND', 'FOI/24/1', 'AND FOI/24/1', '0012 AND FOI/24/1', 'AGAIN FOI/24/1',
    ]);
    expect(referenceCandidates('Re: FOI 2024 0012 and FOI/24/1, again FOI/24/1', 1)).toEqual(['FOI/24/1']);
    expect(wordsNeeded(['FOI/24/1', 'REQ 1234'])).toBe(2);
  });

  it('stays linear on a hostile subject (work grows with its length, by a generous ratio)', () => {
    // The fastest of three runs: a pause for garbage collection or a busy machine only slows one.
    const time = (n: number) => {
      const subject = `${'a-1/'.repeat(n)}${'x '.repeat(n)}${'[9'.repeat(n)}`;
      const runs = [0, 1, 2].map(() => {
        const started = performance.now();
        referenceCandidates(subject);
        return performance.now() - started;
      });
      return Math.min(...runs);
    };
    time(10_000);
    const small = time(10_000);
    const large = time(100_000);
    // Ten times the text: linear work takes about ten times as long, quadratic a hundred times.
    expect(large / small).toBeLessThan(40);
  });
});

describe('which references can be imported', () => {
  it('accepts letters and digits joined by - / . _ : in up to three words, with a digit', () => {
    expect(['FOI/24/0456', 'EIR-2025-12', 'REQ 1234', '2025.0142', 'CR_99:1', 'FOI 2024 0012'].map(unrecognisableReference)).toEqual([null, null, null, null, null, null]);
  });

  it('refuses what no subject could be matched on', () => {
    expect(unrecognisableReference('  ')).toBe('the reference is empty');
    expect(unrecognisableReference('PARKING')).toMatch(/has no digit/);
    expect(unrecognisableReference('A 1 B 2')).toMatch(/at most 3 words/);
    expect(unrecognisableReference('FOI--1')).toMatch(/cannot be recognised/);
    expect(unrecognisableReference('FOI#1')).toMatch(/cannot be recognised/);
    expect(unrecognisableReference(`R${'1'.repeat(60)}`)).toMatch(/longer than 60/);
  });

  it('keys collapse spaces and case, as subjects are matched', () => {
    expect(referenceKey('  req   1234 ')).toBe('REQ 1234');
  });
});
