// Analysis settings admins tune without a code change: a JSON file named by FOI_ANALYSIS_CONFIG
// with the topic threshold, the confidence below which officers are asked to check a decision, the
// trained model's weight, extra keywords (or new topics), and
// extra detector phrases for s.16, public-interest arguments and vague terms; and which team takes which
// topic (`teams`), from which the console suggests a case's team.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_TOPICS } from '../domain/request-analysis.js';
import { AppError } from '../errors.js';
import { DEFAULT_MODEL_WEIGHT, DEFAULT_TOPIC_THRESHOLD } from '../pipeline/analyse/classify-topics.js';
import { TOPIC_KEYWORDS } from '../pipeline/analyse/topic-keywords.js';
import type { AnalysisSettings } from '../pipeline/analyse/create-analyser.js';
import { compileAdminPhrase } from './admin-phrases.js';
import { DEFAULT_CONFIDENCE_THRESHOLD } from '../pipeline/analyse/analyse-request.js';

const regexSource = z.string().min(1).refine((source) => {
  try {
    compileAdminPhrase(source);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression (RE2 syntax: no look-around or back-references)');

const SettingsFile = z.object({
  topicThreshold: z.number().min(0).max(1).optional(),
  /** Below this confidence a decision (kind, s.16, public interest) is flagged for an officer to check. */
  confidenceThreshold: z.number().min(0).max(1).optional(),
  topicModelWeight: z.number().min(0).max(1).optional(),
  /** Keywords added to a topic's list; a topic not in the taxonomy becomes a new topic. */
  topicKeywords: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(z.string().min(1))).optional(),
  /** Extra phrases (regular expressions, case-insensitive) for the detectors. */
  section16Phrases: z.array(regexSource).optional(),
  publicInterestPhrases: z.array(regexSource).optional(),
  ambiguousTerms: z.array(regexSource).optional(),
  /** Topic → the team that takes it: the console suggests it when a case is assigned. */
  teams: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string().trim().min(1).max(80)).optional(),
});

export type { AnalysisSettings };

export function defaultAnalysisSettings(): AnalysisSettings {
  return {
    topicThreshold: DEFAULT_TOPIC_THRESHOLD, confidenceThreshold: DEFAULT_CONFIDENCE_THRESHOLD, topicModelWeight: DEFAULT_MODEL_WEIGHT, topics: [...DEFAULT_TOPICS], topicKeywords: TOPIC_KEYWORDS,
    extraPatterns: { section16: [], publicInterest: [], ambiguousTerms: [] },
  };
}

function readSettingsFile(path: string): z.infer<typeof SettingsFile> {
  try {
    return SettingsFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (cause) {
    const detail = cause instanceof z.ZodError ? cause.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'cannot be read as JSON';
    throw new AppError('config.invalid', `FOI_ANALYSIS_CONFIG: ${detail}`, { cause });
  }
}

/**
 * The topic → team map (empty by default), read and checked when the console starts: a topic that is
 * neither in the taxonomy nor given keywords in the same file is refused, naming it.
 */
export function loadTopicTeams(path: string | null): Record<string, string> {
  return path ? teamsOf(readSettingsFile(path)) : {};
}

/** The file's topic → team map, each topic known (taxonomy, or given keywords in the same file). */
function teamsOf(parsed: z.infer<typeof SettingsFile>): Record<string, string> {
  const known = new Set([...DEFAULT_TOPICS, ...Object.keys(TOPIC_KEYWORDS), ...Object.keys(parsed.topicKeywords ?? {})]);
  const teams = parsed.teams ?? {};
  const unknown = Object.keys(teams).filter((topic) => !known.has(topic));
  if (unknown.length > 0) throw new AppError('config.invalid', `FOI_ANALYSIS_CONFIG: teams: unknown topic ${unknown.join(', ')}`);
  return teams;
}

export function loadAnalysisSettings(path: string | null): AnalysisSettings {
  const defaults = defaultAnalysisSettings();
  if (!path) return defaults;
  const parsed = readSettingsFile(path);
  // Checked here too, so that whatever loads the file (the daemon, the admin settings page's save) refuses a team of an unknown topic.
  teamsOf(parsed);
  const keywords: Record<string, readonly string[]> = { ...defaults.topicKeywords };
  for (const [topic, extra] of Object.entries(parsed.topicKeywords ?? {})) keywords[topic] = [...(keywords[topic] ?? []), ...extra];
  const named = [...defaults.topics, ...Object.keys(keywords)].filter((t) => t !== 'other');
  const topics = [...new Set([...named, 'other'])];
  return {
    topicThreshold: parsed.topicThreshold ?? defaults.topicThreshold,
    confidenceThreshold: parsed.confidenceThreshold ?? defaults.confidenceThreshold,
    topicModelWeight: parsed.topicModelWeight ?? defaults.topicModelWeight,
    topics,
    topicKeywords: keywords,
    extraPatterns: {
      section16: compile(parsed.section16Phrases), publicInterest: compile(parsed.publicInterestPhrases), ambiguousTerms: compile(parsed.ambiguousTerms),
    },
  };
}

const compile = (sources: string[] | undefined) => (sources ?? []).map(compileAdminPhrase);
