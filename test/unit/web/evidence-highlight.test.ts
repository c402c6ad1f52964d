import { describe, expect, it } from 'vitest';
import type { RequestAnalysis } from '../../../src/domain/request-analysis.js';
import { highlightEvidence } from '../../../src/web/evidence-highlight.js';

const text = 'Please help me under section 16. It is in the public interest to know.';
const at = (needle: string) => ({ text: needle, start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

describe('evidence highlighting', () => {
  it('marks each piece of evidence where it stands and keeps the rest of the text', () => {
    const analysis = { evidence: { section16: at('section 16'), publicInterest: at('in the public interest'), timeSpan: null, kind: null } } as unknown as RequestAnalysis;
    const pieces = highlightEvidence(text, analysis);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.label).map((p) => [p.text, p.label])).toEqual([
      ['section 16', 'Advice and assistance (s.16)'], ['in the public interest', 'Public-interest argument'],
    ]);
  });

  it('leaves evidence plain when its offsets do not match the text', () => {
    const analysis = { evidence: { section16: { text: 'section 16', start: 0, end: 10 }, publicInterest: null, timeSpan: null, kind: null } } as unknown as RequestAnalysis;
    expect(highlightEvidence(text, analysis)).toEqual([{ text }]);
  });
});
