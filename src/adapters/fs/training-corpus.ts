// Reads the team's training corpus (fixtures/training/*.jsonl): the examples every model starts from
// before officers' corrections are added — topics per question, kinds per message, and the s.16 and
// public-interest flags per phrase.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelledExample } from '../../domain/labelled-example.js';
import { fixturesDir } from '../../paths.js';
import type { TopicExample } from '../../pipeline/analyse/topic-model.js';

const trainingFile = (name: string) => join(fixturesDir, 'training', name);

function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export function readTopicTrainingCorpus(path = trainingFile('topics.jsonl')): TopicExample[] {
  return readJsonLines<TopicExample>(path);
}

/** The shipped corpus's files as they are (to tell whether models trained from it are current). */
export function trainingCorpusBytes(dir = join(fixturesDir, 'training')): Buffer[] {
  return CORPUS_FILES.map((name) => readFileSync(join(dir, name)));
}

const CORPUS_FILES = ['topics.jsonl', 'kinds.jsonl', 'flags.jsonl'];

/** Every shipped example, in the one format officers' corrections are stored in. */
export function readAnalysisTrainingCorpus(dir = join(fixturesDir, 'training')): LabelledExample[] {
  return CORPUS_FILES.flatMap((name) => readJsonLines<LabelledExample>(join(dir, name)));
}
