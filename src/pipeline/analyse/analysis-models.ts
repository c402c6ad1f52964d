// The learned parts of the analysis, trained together from labelled examples (the team's corpus plus
// officers' corrections) and stored as one JSON document: a topic model, a kind model, and models for
// the borderline s.16 and public-interest calls. Training is pure: examples in, models out.
import { createHash } from 'node:crypto';
import type { LabelledExample } from '../../domain/labelled-example.js';
import { REQUEST_KINDS, type RequestKind } from '../../domain/request-analysis.js';
import { AppError } from '../../errors.js';
import { restoreTextClassifier, trainTextClassifier, type LabelledText, type TextClassifier } from './text-classifier.js';
import { textFingerprint } from './near-duplicate.js';
import { restoreTopicModel, trainTopicModel, type TopicModel } from './topic-model.js';

/** Decisions an example can label; each has its own model and its own memory of corrected messages. */
export interface RememberedLabels {
  kind?: RequestKind;
  topic?: string;
  section16?: boolean;
  publicInterest?: boolean;
}

export interface AnalysisModels {
  topic?: TopicModel;
  kind?: TextClassifier;
  section16?: TextClassifier;
  publicInterest?: TextClassifier;
  /**
   * The labels of whole messages an officer corrected, by a digest of their normalised text (never the
   * text): the same message read again (re-analysed, or resent) gets the officer's reading.
   */
  remembered: ReadonlyMap<string, RememberedLabels>;
}

const FORMAT_VERSION = 1;
const YES = 'yes';
const NO = 'no';
/** Examples this long or longer are whole messages, worth remembering; shorter ones are phrases. */
const MESSAGE_WORDS = 25;

export function trainAnalysisModels(examples: readonly LabelledExample[]): AnalysisModels {
  const kindExamples = examples.flatMap((e) => (e.kind ? [{ text: exampleText(e), label: e.kind }] : []));
  const topicExamples = examples.flatMap((e) => (e.topic ? [{ text: exampleText(e), topic: e.topic }] : []));
  const flag = (pick: (e: LabelledExample) => boolean | undefined) =>
    examples.flatMap((e) => (pick(e) === undefined ? [] : [{ text: exampleText(e), label: pick(e) ? YES : NO }]));
  return {
    topic: new Set(topicExamples.map((e) => e.topic)).size >= 2 ? trainTopicModel(topicExamples) : undefined,
    kind: trainIfTwoLabels(kindExamples),
    section16: trainIfTwoLabels(flag((e) => e.section16)),
    publicInterest: trainIfTwoLabels(flag((e) => e.publicInterest)),
    remembered: rememberMessages(examples),
  };
}

function trainIfTwoLabels(examples: LabelledText[]): TextClassifier | undefined {
  return new Set(examples.map((e) => e.label)).size >= 2 ? trainTextClassifier(examples) : undefined;
}

function exampleText(example: LabelledExample): string {
  return example.subject ? `${example.subject}\n${example.text}` : example.text;
}

function rememberMessages(examples: readonly LabelledExample[]): Map<string, RememberedLabels> {
  const remembered = new Map<string, RememberedLabels>();
  for (const e of examples) {
    if (e.text.split(/\s+/).length < MESSAGE_WORDS) continue;
    const labels: RememberedLabels = {
      ...(e.kind ? { kind: e.kind } : {}), ...(e.topic ? { topic: e.topic } : {}),
      ...(e.section16 !== undefined ? { section16: e.section16 } : {}), ...(e.publicInterest !== undefined ? { publicInterest: e.publicInterest } : {}),
    };
    const key = messageDigest(e.text);
    remembered.set(key, { ...remembered.get(key), ...labels });
  }
  return remembered;
}

/**
 * A digest of what a message says, whatever its spacing, case, line wrapping, greeting or sign-off (and
 * the name and signature after it): the same request from another requester, or sent again, is known.
 */
export function messageDigest(text: string): string {
  return createHash('sha256').update(textFingerprint(text)).digest('hex').slice(0, 32);
}

/** The probability a flag model gives to "yes". */
export function probabilityOfYes(model: TextClassifier, text: string): number {
  return model.probabilities(text).get(YES) ?? 0;
}

export function serialiseAnalysisModels(models: AnalysisModels): string {
  return JSON.stringify({
    version: FORMAT_VERSION,
    topic: models.topic?.serialise() ?? null,
    kind: models.kind?.serialise() ?? null,
    section16: models.section16?.serialise() ?? null,
    publicInterest: models.publicInterest?.serialise() ?? null,
    remembered: Object.fromEntries(models.remembered),
  });
}

interface StoredModels {
  version: number;
  topic: string | null;
  kind: string | null;
  section16: string | null;
  publicInterest: string | null;
  remembered: Record<string, RememberedLabels>;
}

export function restoreAnalysisModels(json: string): AnalysisModels {
  let stored: StoredModels;
  try {
    stored = JSON.parse(json) as StoredModels;
  } catch (cause) {
    throw new AppError('analyse.models_invalid', 'stored analysis models are not JSON', { cause });
  }
  if (stored.version !== FORMAT_VERSION) throw new AppError('analyse.models_invalid', `analysis models: unknown format version ${String(stored.version)}`);
  const remembered = new Map(Object.entries(stored.remembered ?? {}).filter(([, labels]) => !labels.kind || REQUEST_KINDS.includes(labels.kind)));
  return {
    topic: stored.topic ? restoreTopicModel(stored.topic) : undefined,
    kind: stored.kind ? restoreTextClassifier(stored.kind) : undefined,
    section16: stored.section16 ? restoreTextClassifier(stored.section16) : undefined,
    publicInterest: stored.publicInterest ? restoreTextClassifier(stored.publicInterest) : undefined,
    remembered,
  };
}
