// The topic classification: keywords blended with the trained model, a confidence, and the
// admins' threshold below which a question becomes `other`, flagged low-confidence.
import { describe, expect, it } from 'vitest';
import { readTopicTrainingCorpus } from '../../../src/adapters/fs/training-corpus.js';
import { DEFAULT_TOPICS } from '../../../src/domain/request-analysis.js';
import { classifyTopics } from '../../../src/pipeline/analyse/classify-topics.js';
import { restoreTopicModel, trainTopicModel } from '../../../src/pipeline/analyse/topic-model.js';

const model = trainTopicModel(readTopicTrainingCorpus());

describe('topic model', () => {
  it('gives probabilities summing to 1 and survives a save and restore', () => {
    const text = 'How many ransomware attacks hit the council servers last year?';
    const p = model.probabilities(text);
    expect([...p.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect([...p].sort((a, b) => b[1] - a[1])[0]![0]).toBe('it_security');
    const restored = restoreTopicModel(model.serialise());
    expect([...restored.probabilities(text)]).toEqual([...p]);
  });
});

describe('classifyTopics', () => {
  const base = { taxonomy: DEFAULT_TOPICS, model };

  it('ranks request topics and gives each question topics with a confidence', () => {
    const result = classifyTopics({
      ...base, subject: 'Potholes and road repairs', body: 'Please tell me how many potholes were reported on council roads.',
      questions: ['How many potholes were reported on council roads?', 'What did the council spend on school meals?'],
    });
    expect(result.request[0]).toBe('transport');
    expect(result.perQuestion[0]![0]).toBe('transport');
    expect(result.perQuestionConfidence[0]).toBeGreaterThan(0.5);
    expect(result.lowConfidence).toEqual([false, false]);
  });

  it('says other, flagged low-confidence, below the threshold', () => {
    const result = classifyTopics({ ...base, subject: 'Request', body: 'Please send it.', questions: ['Please send it.'], threshold: 0.99 });
    expect(result.request).toEqual(['other']);
    expect(result.perQuestion).toEqual([['other']]);
    expect(result.lowConfidence).toEqual([true]);
  });

  it('lets admins add keywords and whole new topics', () => {
    const result = classifyTopics({
      taxonomy: [...DEFAULT_TOPICS, 'cemeteries'], subject: 'Burial plots', body: 'How many burial plots remain in the cemetery?',
      questions: ['How many burial plots remain?'], keywords: { cemeteries: ['burial', 'cemetery', 'cemeteries'] },
    });
    expect(result.request[0]).toBe('cemeteries');
  });
});

describe('classifyTopics: the subject of a request outweighs what is measured', () => {
  const topicOf = (subject: string, body: string) => classifyTopics({ subject, body, questions: [], taxonomy: DEFAULT_TOPICS }).request[0];

  it.each([
    ['Pothole repairs', 'How much money was spent on pothole repairs, and how much was paid in compensation for pothole damage?', 'transport'],
    ['Tree works', 'What was the cost of felling the protected oaks, and who paid for the replacement planting?', 'planning_environment'],
    ['Benefit sanctions', 'How many universal credit claimants had a sanction applied in 2024, and what did the payments lost come to?', 'other'],
    ['Station cameras', 'How many CCTV cameras are installed at each bus station, and who can view the footage?', 'transport'],
    ['Expenses', 'Please list the expense claims made by elected members in 2024 with the amounts paid.', 'finance'],
  ])('%s → %s', (subject, body, topic) => {
    expect(topicOf(subject, body)).toBe(topic);
  });

  it('reads "financial year" as a period, not a finance topic', () => {
    expect(topicOf('Planning enforcement', 'How many planning enforcement notices were served in each financial year since 2020?')).toBe('planning_environment');
  });
});
