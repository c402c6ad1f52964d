// The active models' report for the admin pages and `classifier eval`'s figures: on the whole evaluation
// set, kind and primary topic as classification reports (per-label precision, recall, F1 and a confusion
// matrix), s.16 and public interest as yes/no precision, recall and F1.
import type { Db } from '../adapters/db/database.js';
import type { AnalysisSettings } from '../config/analysis-settings.js';
import { evaluateCorpus, type BinaryScores } from '../evaluation/evaluate-corpus.js';
import type { ClassificationReport } from '../evaluation/metrics.js';
import { createAnalyser } from '../pipeline/analyse/create-analyser.js';
import { loadAnalysisModels } from './analysis-models.js';
import { gateKey, readEvaluationSet } from './classifier-tuning.js';

export interface ModelReport {
  version: number | 'shipped';
  corpora: string[];
  items: number;
  kind: ClassificationReport;
  topic: ClassificationReport;
  section16: BinaryScores;
  publicInterest: BinaryScores;
}

// Scoring takes seconds; a version's report on one set under one settings file never changes.
const reports = new Map<string, ModelReport>();

export async function activeModelReport(db: Db, settings: AnalysisSettings, evalDir: string): Promise<ModelReport> {
  const loaded = await loadAnalysisModels(db);
  const set = readEvaluationSet(evalDir);
  const key = `${loaded.version}:${gateKey(settings, set)}`;
  const known = reports.get(key);
  if (known) return known;
  const analyse = createAnalyser(settings, loaded.models);
  const items = set.corpora.flatMap((c) => c.items);
  const scores = evaluateCorpus(items, (item) => {
    const a = analyse({ subject: item.subject, text: item.text, from: null });
    return { ...a, questions: a.questions.map((q) => q.text) };
  });
  const report: ModelReport = {
    version: loaded.version, corpora: set.corpora.map((c) => c.name), items: items.length,
    kind: scores.kind, topic: scores.topic, section16: scores.section16, publicInterest: scores.publicInterest,
  };
  if (reports.size > 20) reports.clear();
  reports.set(key, report);
  return report;
}
