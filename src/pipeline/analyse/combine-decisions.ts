// Combines the rules with the learned models into each decision and a confidence: the rules decide
// where they have evidence, the models weigh in where the rules run out (nothing names the kind; a
// weak public-interest cue), and a message an officer corrected is read as the officer read it.
import { REQUEST_KINDS, type RequestKind } from '../../domain/request-analysis.js';
import { messageDigest, probabilityOfYes, type AnalysisModels, type RememberedLabels } from './analysis-models.js';
import type { KindBasis } from './detect-request-kind.js';

/** How sure the rules are of a kind, by what decided it. */
const KIND_BASIS_STRENGTH: Readonly<Record<KindBasis, number>> = {
  named: 0.95, phrase: 0.9, subject: 0.85, pitch: 0.85, content: 0.8, default: 0.7,
};
/** A default `foi` with some environmental content below the threshold is closer to a call. */
const DEFAULT_WITH_ENVIRONMENT_STRENGTH = 0.55;
/** The rules' share of a combined decision; the model's is the rest. */
const KIND_RULE_WEIGHT = 0.6;
const FLAG_RULE_WEIGHT = 0.8;

export interface Decision<T> {
  value: T;
  /** 0–1: the combined probability of the value decided. */
  confidence: number;
}

export function rememberedLabels(models: AnalysisModels | undefined, text: string): RememberedLabels | undefined {
  if (!models || models.remembered.size === 0) return undefined;
  return models.remembered.get(messageDigest(text));
}

/**
 * The rules' kind as a distribution (their strength on the kind they found, the rest spread evenly),
 * mixed with the kind model's probabilities. With these weights the model overturns the rules only
 * when they had no evidence and the model is near-certain.
 */
export function decideKind(
  rule: { kind: RequestKind; basis: KindBasis; environmentalScore?: number }, text: string, models: AnalysisModels | undefined,
): Decision<RequestKind> {
  const strength = rule.basis === 'default' && (rule.environmentalScore ?? 0) >= 1 ? DEFAULT_WITH_ENVIRONMENT_STRENGTH : KIND_BASIS_STRENGTH[rule.basis];
  const model = models?.kind?.probabilities(text);
  if (!model) return { value: rule.kind, confidence: strength };
  const others = (1 - strength) / (REQUEST_KINDS.length - 1);
  let best: Decision<RequestKind> = { value: rule.kind, confidence: -1 };
  for (const kind of REQUEST_KINDS) {
    const score = KIND_RULE_WEIGHT * (kind === rule.kind ? strength : others) + (1 - KIND_RULE_WEIGHT) * (model.get(kind) ?? 0);
    if (score > best.confidence) best = { value: kind, confidence: score };
  }
  return best;
}

/**
 * A yes/no call (s.16, public interest): `found` is whether the rules found evidence and `strength` how
 * sure that evidence (or its absence) makes them. The model can drop a weak rule hit it is confident
 * against; it cannot raise a flag the rules found no evidence for.
 */
export function decideFlag(found: boolean, strength: number, model: AnalysisModels['section16'], text: string): Decision<boolean> {
  // With no evidence the model could not raise the flag, so it is not consulted: the rules' confidence stands.
  if (!found) return { value: false, confidence: strength };
  const yes = model ? FLAG_RULE_WEIGHT * strength + (1 - FLAG_RULE_WEIGHT) * probabilityOfYes(model, text) : strength;
  return yes >= 0.5 ? { value: true, confidence: yes } : { value: false, confidence: 1 - yes };
}
