// Reads whether the information asked for is environmental (EIR reg 2(1); EISR reg 2(1) in Scotland):
// the state of the elements, factors affecting them, measures affecting either, analyses behind those
// measures, and health as the environment affects it. The regulations apply by content, whatever Act
// the requester names, so a request about a low-traffic scheme "under the FOI Act" is still EIR.
import type { EnvironmentalEvidence } from '../../domain/request-analysis.js';
import { allMatches } from './all-matches.js';
import { ENVIRONMENTAL_CONCEPTS, LIMB_PARAGRAPH } from './environmental-terms.js';

/** One capture group per concept, so that the group that matched names the concept. */
const CONCEPTS = new RegExp(ENVIRONMENTAL_CONCEPTS.map((concept) => `(${nonCapturing(concept.pattern)})`).join('|'), 'gi');
/** Weighted concepts needed: one strong concept asked about, or two weaker ones. */
const ENVIRONMENTAL_SCORE = 2;

function nonCapturing(source: string): string {
  return source.replace(/(?<!\\)\((?!\?)/g, '(?:');
}

/** Where the analysis found the asks in the body: only there (and in the subject) does a concept count in full. */
export interface AskSpan {
  start: number;
  end: number;
}

export interface EnvironmentalReading {
  environmental: boolean;
  /** The concept that weighed most, as officers see it; null when nothing environmental was found. */
  evidence: EnvironmentalEvidence | null;
  score: number;
  /** Every concept found, so that parts of the text (one question) can be read without scanning again. */
  hits: EnvironmentalHit[];
}

export interface EnvironmentalHit {
  concept: number;
  text: string;
  field: 'subject' | 'body';
  start: number;
  weight: number;
}

/**
 * A concept weighs 2 when strong and asked about (in the subject or inside an ask), 1 when weak and
 * asked about or strong but only in the background ("I ask because of the flooding"), ½ when weak and
 * in the background. Each concept counts once, at its best.
 */
export function readEnvironmental(subject: string, body: string, asks?: readonly AskSpan[]): EnvironmentalReading {
  const inAsk = (index: number) => !asks || asks.some((a) => index >= a.start && index < a.end);
  const hits: EnvironmentalHit[] = [
    ...conceptHits(subject).map((h) => ({ ...h, field: 'subject' as const, weight: weightOf(h.concept, true) })),
    ...conceptHits(body).map((h) => ({ ...h, field: 'body' as const, weight: weightOf(h.concept, inAsk(h.start)) })),
  ];
  return { ...scoreHits(hits), hits };
}

/** The reading of the hits that fall inside one span of the body, each weighed as asked about. */
export function readEnvironmentalSpan(reading: EnvironmentalReading, span: AskSpan): Omit<EnvironmentalReading, 'hits'> {
  const inside = reading.hits.filter((h) => h.field === 'body' && h.start >= span.start && h.start < span.end);
  return scoreHits(inside.map((h) => ({ ...h, weight: weightOf(h.concept, true) })));
}

function scoreHits(hits: readonly EnvironmentalHit[]): Omit<EnvironmentalReading, 'hits'> {
  const best = new Map<number, EnvironmentalHit>();
  for (const hit of hits) {
    const seen = best.get(hit.concept);
    if (!seen || hit.weight > seen.weight || (hit.weight === seen.weight && seen.field === 'subject' && hit.field === 'body')) best.set(hit.concept, hit);
  }
  const score = [...best.values()].reduce((sum, h) => sum + h.weight, 0);
  const top = [...best.values()].sort((a, b) => b.weight - a.weight || (a.field === 'body' ? -1 : 1))[0];
  return { environmental: score >= ENVIRONMENTAL_SCORE, evidence: top ? toEvidence(top) : null, score };
}

function conceptHits(text: string): { concept: number; text: string; start: number }[] {
  return allMatches(CONCEPTS, text).map((m) => ({ concept: m.slice(1).findIndex((g) => g !== undefined), text: m[0], start: m.index }));
}

function weightOf(concept: number, asked: boolean): number {
  const strong = ENVIRONMENTAL_CONCEPTS[concept]?.strong ?? false;
  return (strong ? 2 : 1) * (asked ? 1 : 0.5);
}

function toEvidence(hit: EnvironmentalHit): EnvironmentalEvidence {
  const concept = ENVIRONMENTAL_CONCEPTS[hit.concept]!;
  return {
    reading: `environmental: ${concept.name} (${concept.limb}, EIR/EISR reg 2(1)${LIMB_PARAGRAPH[concept.limb]})`,
    text: hit.text, field: hit.field, start: hit.start, end: hit.start + hit.text.length,
  };
}
