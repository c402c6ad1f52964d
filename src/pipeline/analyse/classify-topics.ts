// Tags a request and each question with topics from the taxonomy, most relevant first, so that cases can
// be routed to the right team: a keyword score blended with a trained naive Bayes model, with a confidence.
import type { Topic } from '../../domain/request-analysis.js';
import { TOPIC_KEYWORDS } from './topic-keywords.js';
import type { TopicModel } from './topic-model.js';

export type TopicKeywords = Readonly<Record<string, readonly string[]>>;

interface CompiledTopic {
  topic: Topic;
  /** Whole-weight keywords, and the `~` ones that count half; null when the topic has none of that kind. */
  pattern: RegExp | null;
  weak: RegExp | null;
}

const compiledCache = new WeakMap<TopicKeywords, CompiledTopic[]>();
/** Below this share of the best score a topic is not listed at request level. */
const SECONDARY_TOPIC_SHARE = 0.5;
const SUBJECT_WEIGHT = 2;
/** What a `~` keyword (a measure or an actor, not a subject) counts for. */
const WEAK_KEYWORD_WEIGHT = 0.5;
/** "Financial year" is a period, not a topic. */
const PERIOD_PHRASES = /\bfinancial years?\b/gi;

/** `bus` matches "bus" and "buses" but not "business"; `frack*` matches "fracking". */
function keywordSource(word: string): string {
  const stem = word.endsWith('*');
  const escaped = (stem ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return stem ? `(?<![\\w])${escaped}` : `(?<![\\w])${escaped}(?:s|es)?(?![\\w])`;
}

function alternation(words: readonly string[]): RegExp | null {
  return words.length > 0 ? new RegExp(words.map(keywordSource).join('|'), 'gi') : null;
}

function compile(keywords: TopicKeywords): CompiledTopic[] {
  const cached = compiledCache.get(keywords);
  if (cached) return cached;
  const compiled = Object.entries(keywords).map(([topic, words]) => ({
    topic,
    pattern: alternation(words.filter((w) => !w.startsWith('~'))),
    weak: alternation(words.filter((w) => w.startsWith('~')).map((w) => w.slice(1))),
  }));
  compiledCache.set(keywords, compiled);
  return compiled;
}

function scoreTopics(raw: string, keywords: TopicKeywords): Map<Topic, number> {
  const text = raw.replace(PERIOD_PHRASES, 'period');
  const scores = new Map<Topic, number>();
  for (const { topic, pattern, weak } of compile(keywords)) {
    const hits = (pattern ? text.match(pattern)?.length ?? 0 : 0) + WEAK_KEYWORD_WEIGHT * (weak ? text.match(weak)?.length ?? 0 : 0);
    if (hits > 0) scores.set(topic, hits);
  }
  return scores;
}

function ranked(scores: Map<Topic, number>, allowed: ReadonlySet<Topic>): Topic[] {
  const entries = [...scores].filter(([topic, score]) => allowed.has(topic) && score > 0).sort((a, b) => b[1] - a[1]);
  const best = entries[0]?.[1] ?? 0;
  return entries.filter(([, score]) => score >= best * SECONDARY_TOPIC_SHARE).map(([topic]) => topic);
}

export interface TopicInput {
  subject: string;
  body: string;
  questions: readonly string[];
  taxonomy: readonly Topic[];
  keywords?: TopicKeywords;
  /** The trained model; without one, keywords alone decide. */
  model?: TopicModel;
  /** The model's share of the blended score (0–1); keywords carry the rest. */
  modelWeight?: number;
  /** Below this blended confidence a question's topic is `other`, flagged low-confidence. */
  threshold?: number;
}

export interface TopicResult {
  request: Topic[];
  perQuestion: Topic[][];
  /** The blended score of the request's first topic. */
  confidence: number;
  perQuestionConfidence: number[];
  lowConfidence: boolean[];
  /** The topic each question's own words point at (keywords only, no context), or null. */
  perQuestionOwn: (Topic | null)[];
}

export const DEFAULT_MODEL_WEIGHT = 0.3;
export const DEFAULT_TOPIC_THRESHOLD = 0.2;
// A question is read in the light of its request: "How many were there in 2023?" has no topic alone.
const QUESTION_CONTEXT_WEIGHT = 0.4;
// The model reads the opening of long bodies; the rest is mostly detail and boilerplate.
export const MODEL_TEXT_CHARS = 1500;

type Scores = Map<Topic, number>;

function shares(raw: Scores): Scores {
  const total = [...raw.values()].reduce((sum, v) => sum + v, 0);
  return new Map([...raw].map(([t, v]) => [t, total > 0 ? v / total : 0]));
}

function blend(keywordScores: Scores, input: TopicInput, text: string): Scores {
  const weight = input.model ? (input.modelWeight ?? DEFAULT_MODEL_WEIGHT) : 0;
  const modelScores = input.model ? input.model.probabilities(text.slice(0, MODEL_TEXT_CHARS)) : new Map<Topic, number>();
  const keyword = shares(keywordScores);
  const out: Scores = new Map();
  for (const topic of new Set([...keyword.keys(), ...modelScores.keys()])) {
    out.set(topic, (1 - weight) * (keyword.get(topic) ?? 0) + weight * (modelScores.get(topic) ?? 0));
  }
  return out;
}

function mix(a: Scores, b: Scores, bWeight: number): Scores {
  const out: Scores = new Map();
  for (const topic of new Set([...a.keys(), ...b.keys()])) out.set(topic, (1 - bWeight) * (a.get(topic) ?? 0) + bWeight * (b.get(topic) ?? 0));
  return out;
}

function best(scores: Scores, allowed: ReadonlySet<Topic>): [Topic, number] | null {
  return [...scores].filter(([t]) => allowed.has(t)).sort((x, y) => y[1] - x[1])[0] ?? null;
}

export function classifyTopics(input: TopicInput): TopicResult {
  const keywords = input.keywords ?? TOPIC_KEYWORDS;
  const allowed = new Set(input.taxonomy);
  const threshold = input.threshold ?? DEFAULT_TOPIC_THRESHOLD;
  const keywordScores = scoreTopics(input.body, keywords);
  for (const [topic, score] of scoreTopics(input.subject, keywords)) {
    keywordScores.set(topic, (keywordScores.get(topic) ?? 0) + score * SUBJECT_WEIGHT);
  }
  const requestScores = blend(keywordScores, input, `${input.subject}\n${input.body}`);
  const top = best(requestScores, allowed);
  const request = top && top[1] >= threshold ? ranked(requestScores, allowed) : allowed.has('other') ? ['other'] : [];
  const perQuestion: Topic[][] = [];
  const perQuestionConfidence: number[] = [];
  const lowConfidence: boolean[] = [];
  const perQuestionOwn: (Topic | null)[] = [];
  for (const question of input.questions) {
    const own = scoreTopics(question, keywords);
    perQuestionOwn.push([...own].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null);
    const scores = mix(blend(own, input, question), requestScores, QUESTION_CONTEXT_WEIGHT);
    const q = best(scores, allowed);
    const confident = q !== null && q[1] >= threshold;
    perQuestion.push(confident ? ranked(scores, allowed) : ['other']);
    perQuestionConfidence.push(q?.[1] ?? 0);
    lowConfidence.push(!confident);
  }
  return { request, perQuestion, confidence: top?.[1] ?? 0, perQuestionConfidence, lowConfidence, perQuestionOwn };
}
