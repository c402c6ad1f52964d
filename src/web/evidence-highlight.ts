// The request text cut into plain and highlighted pieces: each piece of evidence the analysis kept
// (s.16 advice and assistance, a public-interest argument, sections cited, the time span, vague
// terms, the format asked for) is marked where it stands in the text, with what it is evidence of.
import type { Evidence, RequestAnalysis } from '../domain/request-analysis.js';

export interface TextPiece {
  text: string;
  /** What the piece is evidence of; absent for plain text. */
  label?: string;
}

function spansOf(analysis: RequestAnalysis): { evidence: Evidence; label: string }[] {
  const e = analysis.evidence ?? {};
  const spans: { evidence: Evidence | null | undefined; label: string }[] = [
    { evidence: e.section16, label: 'Advice and assistance (s.16)' },
    { evidence: e.publicInterest, label: 'Public-interest argument' },
    { evidence: e.timeSpan, label: 'Time span' },
    { evidence: e.format, label: 'Format asked for' },
    ...(e.sections ?? []).map((s) => ({ evidence: s, label: `Cites ${s.section}` })),
    ...(e.ambiguousTerms ?? []).map((t) => ({ evidence: t, label: 'Vague term' })),
    ...(e.environmental?.field === 'body' ? [{ evidence: e.environmental, label: e.environmental.reading }] : []),
  ];
  return spans.filter((s): s is { evidence: Evidence; label: string } => Boolean(s.evidence));
}

/** Pieces in text order; evidence whose offsets do not match the text, or overlap earlier evidence, stays plain. */
export function highlightEvidence(text: string, analysis: RequestAnalysis): TextPiece[] {
  const spans = spansOf(analysis)
    .filter(({ evidence: ev }) => ev.start >= 0 && ev.end <= text.length && ev.start < ev.end && text.slice(ev.start, ev.end) === ev.text)
    .sort((a, b) => a.evidence.start - b.evidence.start || b.evidence.end - a.evidence.end);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { evidence, label } of spans) {
    if (evidence.start < at) continue;
    if (evidence.start > at) pieces.push({ text: text.slice(at, evidence.start) });
    pieces.push({ text: evidence.text, label });
    at = evidence.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
