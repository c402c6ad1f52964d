// Reads the team's training corpus (fixtures/training/topics.jsonl): the examples every model
// starts from before admins add their own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../paths.js';
import type { TopicExample } from '../../pipeline/analyse/topic-model.js';

export function readTopicTrainingCorpus(path = join(fixturesDir, 'training', 'topics.jsonl')): TopicExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as TopicExample);
}
