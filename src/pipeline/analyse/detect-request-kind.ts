// Decides what kind of message this is (FOI, EIR, SAR, internal review, clarification, complaint or
// other): the kind sets the statutory clock (20 working days, one month, review) and who handles it.
import type { Evidence, RequestKind } from '../../domain/request-analysis.js';
import { ACCESS_LAW_INVOKED, EIR_INVOKED_PATTERN, ENVIRONMENTAL_TERMS, KIND_RULES, MARKETING_CONCEPTS, SHORT_MESSAGE_WORDS } from './kind-phrases.js';
import { countWords } from './text-lines.js';
import { allMatches } from './all-matches.js';

export interface KindVerdict {
  kind: RequestKind;
  /** The phrase that decided it, with offsets in the body; null when taken from the subject or a default. */
  evidence: Evidence | null;
  /** Asks nothing about the authority's work (a sales pitch, how to make a request): topic `other`. */
  offTopic?: boolean;
}

const RULES = KIND_RULES.map((rule) => ({ ...rule, regex: new RegExp(rule.pattern, 'i') }));
/** Acronyms must be capitals ("EIR"); the spelled-out names may be in any case. */
const EIR_INVOKED = new RegExp(EIR_INVOKED_PATTERN);
const EIR_INVOKED_WORDS = new RegExp(EIR_INVOKED_PATTERN.replace('EIRs?|EISR|', ''), 'i');
/** One capture group per concept, so that distinct concepts can be counted. */
const ENVIRONMENTAL = new RegExp(ENVIRONMENTAL_TERMS.map((concept) => `(${concept.split('|').map(escapeRegex).join('|')})`).join('|'), 'gi');
const MIN_ENVIRONMENTAL_CONCEPTS = 2;
// Inner groups made non-capturing, so that the group that matched names the concept.
const MARKETING = new RegExp(MARKETING_CONCEPTS.map((concept) => `(${concept.replace(/(?<!\\)\((?!\?)/g, '(?:')})`).join('|'), 'gi');
const MIN_MARKETING_CONCEPTS = 2;
const ACCESS_LAW = new RegExp(ACCESS_LAW_INVOKED, 'i');

function escapeRegex(term: string): string {
  return `\\b${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
}

export function detectRequestKind(subject: string, body: string): KindVerdict {
  const replyOrShort = /^\s*(re|aw|sv|antw)\s*:/i.test(subject) || countWords(body) <= SHORT_MESSAGE_WORDS;
  for (const rule of RULES) {
    if (rule.in !== 'body') {
      if (rule.regex.test(subject)) return { kind: rule.kind, evidence: null, ...offTopic(rule) };
    }
    if (rule.in !== 'subject' && (replyOrShort || !rule.onlyInReplyOrShort)) {
      const m = rule.regex.exec(body);
      if (m) return { kind: rule.kind, evidence: toEvidence(m), ...offTopic(rule) };
    }
  }
  return detectMarketing(subject, body) ?? detectEnvironmental(subject, body);
}

/** A sales pitch or scam: two distinct marketing concepts, and no access law invoked. */
function detectMarketing(subject: string, body: string): KindVerdict | null {
  const whole = `${subject}\n${body}`;
  if (ACCESS_LAW.test(whole)) return null;
  const hits = allMatches(MARKETING, whole);
  if (distinctConcepts(hits) < MIN_MARKETING_CONCEPTS) return null;
  return { kind: 'other', evidence: firstInBody(hits, subject), offTopic: true };
}

/** Patterns built with one capture group per concept: how many different groups matched. */
function distinctConcepts(hits: readonly RegExpExecArray[]): number {
  return new Set(hits.map((m) => m.slice(1).findIndex((group) => group !== undefined))).size;
}

/** EIR when invoked by name, or when the information asked for is plainly environmental. */
function detectEnvironmental(subject: string, body: string): KindVerdict {
  const invoked = EIR_INVOKED.exec(body) ?? EIR_INVOKED_WORDS.exec(body);
  if (invoked || EIR_INVOKED.test(subject)) return { kind: 'eir', evidence: invoked ? toEvidence(invoked) : null };
  const hits = allMatches(ENVIRONMENTAL, `${subject}\n${body}`);
  if (distinctConcepts(hits) >= MIN_ENVIRONMENTAL_CONCEPTS) return { kind: 'eir', evidence: firstInBody(hits, subject) };
  return { kind: 'foi', evidence: null };
}

/** Evidence is given in body offsets: the first hit past the subject line the text was scanned with. */
function firstInBody(hits: readonly RegExpExecArray[], subject: string): Evidence | null {
  const bodyStart = subject.length + 1;
  const first = hits.find((m) => m.index >= bodyStart);
  return first ? { text: first[0], start: first.index - bodyStart, end: first.index - bodyStart + first[0].length } : null;
}

function offTopic(rule: { aboutTheProcess?: boolean }): { offTopic?: true } {
  return rule.aboutTheProcess ? { offTopic: true } : {};
}

function toEvidence(m: RegExpExecArray | RegExpMatchArray): Evidence {
  const start = m.index ?? 0;
  return { text: m[0], start, end: start + m[0].length };
}
