// Decides what kind of message this is (FOI, EIR, SAR, internal review, clarification, complaint or
// other): the kind sets the statutory clock (20 working days, one month, review) and who handles it.
import type { EnvironmentalEvidence, Evidence, RequestKind } from '../../domain/request-analysis.js';
import { ACCESS_LAW_INVOKED, EIR_INVOKED_PATTERN, KIND_RULES, MARKETING_CONCEPTS, REFERS_BACK_PATTERN, SHORT_MESSAGE_WORDS } from './kind-phrases.js';
import { readEnvironmental, type AskSpan, type EnvironmentalReading } from './detect-environmental.js';
import { splitQuestions } from './split-questions.js';
import { isExplicitRequest } from './classify-sentence.js';
import { countWords, unwrapSoftBreaks } from './text-lines.js';
import { allMatches } from './all-matches.js';

export interface KindVerdict {
  kind: RequestKind;
  /** The phrase that decided it, with offsets in the body; null when taken from the subject or a default. */
  evidence: Evidence | null;
  /** Asks nothing about the authority's work (a sales pitch, how to make a request): topic `other`. */
  offTopic?: boolean;
  /** What makes the information asked for environmental (EIR reg 2(1)), when it is. */
  environmental?: EnvironmentalEvidence;
  /** What decided it, from a phrase that names the kind down to the default when nothing does. */
  basis: KindBasis;
  /** The environmental content score (weighted concepts) of the subject and body, when read. */
  environmentalScore?: number;
}

/**
 * `phrase`: a rule's phrase in the body; `subject`: in the subject line; `named`: the EIR named;
 * `content`: environmental by content; `pitch`: a sales pitch; `default`: a request for information
 * because nothing says otherwise.
 */
export type KindBasis = 'phrase' | 'subject' | 'named' | 'content' | 'pitch' | 'default';

const RULES = KIND_RULES.map((rule) => ({ ...rule, regex: new RegExp(rule.pattern, 'i') }));
const OWN_DATA = RULES.filter((rule) => rule.kind === 'sar' && rule.in !== 'subject').map((rule) => rule.regex);

/** Whether a text (one question) asks for the requester's own personal data. */
export function asksForOwnData(text: string): boolean {
  return OWN_DATA.some((regex) => regex.test(text));
}
/** Acronyms must be capitals ("EIR"); the spelled-out names may be in any case. */
const EIR_INVOKED = new RegExp(EIR_INVOKED_PATTERN);
const EIR_INVOKED_WORDS = new RegExp(EIR_INVOKED_PATTERN.replace('EIRs?|EISR|', ''), 'i');
// Inner groups made non-capturing, so that the group that matched names the concept.
const MARKETING = new RegExp(MARKETING_CONCEPTS.map((concept) => `(${concept.replace(/(?<!\\)\((?!\?)/g, '(?:')})`).join('|'), 'gi');
const MIN_MARKETING_CONCEPTS = 2;
const ACCESS_LAW = new RegExp(ACCESS_LAW_INVOKED, 'i');
const REFERS_BACK = new RegExp(REFERS_BACK_PATTERN, 'i');

export interface KindContext {
  /** Where the questions are in the body (found here when not given): environmental words outside them weigh less. */
  asks?: readonly AskSpan[];
  /** The environmental reading of this subject and body, when the caller has made it already. */
  environmental?: EnvironmentalReading;
}

export function detectRequestKind(subject: string, wrappedBody: string, context: KindContext = {}): KindVerdict {
  // Phrases wrapped over two lines by the sender's client are read as one line; offsets are unchanged.
  const body = unwrapSoftBreaks(wrappedBody);
  const replyOrShort = /^\s*(re|aw|sv|antw)\s*:/i.test(subject) || countWords(body) <= SHORT_MESSAGE_WORDS;
  let asks = context.asks;
  const asksOf = () => (asks ??= splitQuestions(body));
  let refersBack: boolean | undefined;
  let asksAfresh: boolean | undefined;
  for (const rule of RULES) {
    if (rule.in !== 'body') {
      if (rule.regex.test(subject)) return { kind: rule.kind, evidence: null, basis: 'subject', ...offTopic(rule) };
    }
    if (rule.in === 'subject') continue;
    if (rule.onlyInReplyOrShort && !replyOrShort && !(rule.kind === 'clarification' && (refersBack ??= REFERS_BACK.test(body)))) continue;
    const m = rule.regex.exec(body);
    if (!m) continue;
    if (rule.notWithNewAsks && !(refersBack ??= REFERS_BACK.test(body)) && (asksAfresh ??= asksSomethingNew(body, asksOf()))) continue;
    return { kind: rule.kind, evidence: toEvidence(m), basis: 'phrase', ...offTopic(rule) };
  }
  return detectMarketing(subject, body)
    ?? detectEnvironmental(subject, body, context.environmental ?? readEnvironmental(subject, body, asksOf()));
}

/** An explicit request of its own ("Please send…", "Can I have…") that does not point back at an earlier one. */
function asksSomethingNew(body: string, asks: readonly AskSpan[]): boolean {
  return asks.some((ask) => {
    const text = body.slice(ask.start, ask.end);
    return isExplicitRequest(text) && !REFERS_BACK.test(text);
  });
}

/** A sales pitch or scam: two distinct marketing concepts, and no access law invoked. */
function detectMarketing(subject: string, body: string): KindVerdict | null {
  const whole = `${subject}\n${body}`;
  if (ACCESS_LAW.test(whole)) return null;
  const hits = allMatches(MARKETING, whole);
  if (distinctConcepts(hits) < MIN_MARKETING_CONCEPTS) return null;
  return { kind: 'other', evidence: firstInBody(hits, subject), offTopic: true, basis: 'pitch' };
}

/** Patterns built with one capture group per concept: how many different groups matched. */
function distinctConcepts(hits: readonly RegExpExecArray[]): number {
  return new Set(hits.map((m) => m.slice(1).findIndex((group) => group !== undefined))).size;
}

/** EIR when invoked by name, or when the information asked for is plainly environmental. */
function detectEnvironmental(subject: string, body: string, content: EnvironmentalReading): KindVerdict {
  const invoked = EIR_INVOKED.exec(body) ?? EIR_INVOKED_WORDS.exec(body);
  const environmental = content.evidence && content.environmental ? { environmental: content.evidence } : {};
  const score = { environmentalScore: content.score };
  if (invoked || EIR_INVOKED.test(subject)) return { kind: 'eir', evidence: invoked ? toEvidence(invoked) : null, basis: 'named', ...environmental, ...score };
  if (content.environmental && content.evidence) {
    const evidence = content.evidence.field === 'body' ? { text: content.evidence.text, start: content.evidence.start, end: content.evidence.end } : null;
    return { kind: 'eir', evidence, basis: 'content', ...environmental, ...score };
  }
  return { kind: 'foi', evidence: null, basis: 'default', ...score };
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
