// Tags a request and each question with topics from the taxonomy, most relevant first, so that cases can
// be routed to the right team; a keyword score for now, replaceable by a trained classifier later.
import type { Topic } from '../../domain/request-analysis.js';
import { TOPIC_KEYWORDS } from './topic-keywords.js';

export type TopicKeywords = Readonly<Record<string, readonly string[]>>;

interface CompiledTopic {
  topic: Topic;
  pattern: RegExp;
}

const compiledCache = new WeakMap<TopicKeywords, CompiledTopic[]>();
/** Below this share of the best score a topic is not listed at request level. */
const SECONDARY_TOPIC_SHARE = 0.5;
const SUBJECT_WEIGHT = 2;

/** `bus` matches "bus" and "buses" but not "business"; `frack*` matches "fracking". */
function keywordSource(word: string): string {
  const stem = word.endsWith('*');
  const escaped = (stem ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return stem ? `(?<![\\w])${escaped}` : `(?<![\\w])${escaped}(?:s|es)?(?![\\w])`;
}

function compile(keywords: TopicKeywords): CompiledTopic[] {
  const cached = compiledCache.get(keywords);
  if (cached) return cached;
  const compiled = Object.entries(keywords).map(([topic, words]) => ({
    topic,
    pattern: new RegExp(words.map(keywordSource).join('|'), 'gi'),
  }));
  compiledCache.set(keywords, compiled);
  return compiled;
}

function scoreTopics(text: string, keywords: TopicKeywords): Map<Topic, number> {
  const scores = new Map<Topic, number>();
  for (const { topic, pattern } of compile(keywords)) {
    const hits = text.match(pattern)?.length ?? 0;
    if (hits > 0) scores.set(topic, hits);
  }
  return scores;
}

function ranked(scores: Map<Topic, number>, allowed: ReadonlySet<Topic>): Topic[] {
  const entries = [...scores].filter(([topic]) => allowed.has(topic)).sort((a, b) => b[1] - a[1]);
  const best = entries[0]?.[1] ?? 0;
  return entries.filter(([, score]) => score >= best * SECONDARY_TOPIC_SHARE).map(([topic]) => topic);
}

export interface TopicInput {
  subject: string;
  body: string;
  questions: readonly string[];
  taxonomy: readonly Topic[];
  keywords?: TopicKeywords;
}

export function classifyTopics(input: TopicInput): { request: Topic[]; perQuestion: Topic[][] } {
  const keywords = input.keywords ?? TOPIC_KEYWORDS;
  const allowed = new Set(input.taxonomy);
  const scores = scoreTopics(input.body, keywords);
  for (const [topic, score] of scoreTopics(input.subject, keywords)) {
    scores.set(topic, (scores.get(topic) ?? 0) + score * SUBJECT_WEIGHT);
  }
  const fallback: Topic[] = allowed.has('other') ? ['other'] : [];
  const request = ranked(scores, allowed);
  const requestTopics = request.length > 0 ? request : fallback;
  const perQuestion = input.questions.map((q) => {
    const own = ranked(scoreTopics(q, keywords), allowed);
    return own.length > 0 ? own : requestTopics.slice(0, 1);
  });
  return { request: requestTopics, perQuestion };
}
