// The learned parts of the analysis: trained purely from labelled examples, stored as JSON, combined with
// the rules into decisions with a confidence, and taught by officers' corrections.
import { describe, expect, it } from 'vitest';
import { readAnalysisTrainingCorpus } from '../../../src/adapters/fs/training-corpus.js';
import type { LabelledExample } from '../../../src/domain/labelled-example.js';
import { analyseRequest } from '../../../src/pipeline/analyse/analyse-request.js';
import { restoreAnalysisModels, serialiseAnalysisModels, trainAnalysisModels } from '../../../src/pipeline/analyse/analysis-models.js';
import { decideFlag, decideKind } from '../../../src/pipeline/analyse/combine-decisions.js';

const corpus = readAnalysisTrainingCorpus();
const models = trainAnalysisModels(corpus);
const analyse = (subject: string, text: string, learned = models) =>
  analyseRequest({ subject, text, from: { name: 'A Resident', address: 'a@example.org' } }, { models: learned });

describe('trainAnalysisModels', () => {
  it('trains a model for every component from one list of examples', () => {
    expect(models.topic?.topics).toContain('transport');
    expect(models.kind?.labels).toEqual(expect.arrayContaining(['foi', 'eir', 'sar', 'internal_review', 'clarification', 'complaint', 'other']));
    expect(models.section16?.labels).toEqual(expect.arrayContaining(['yes', 'no']));
    expect(models.publicInterest?.labels).toEqual(expect.arrayContaining(['yes', 'no']));
  });

  it('leaves out a component with fewer than two labels', () => {
    const only = trainAnalysisModels([{ text: 'How many buses?', topic: 'transport' }, { text: 'How many nurses?', topic: 'health' }]);
    expect(only.topic).toBeDefined();
    expect(only.kind).toBeUndefined();
    expect(only.section16).toBeUndefined();
  });

  it('survives a save and a restore with the same probabilities', () => {
    const restored = restoreAnalysisModels(serialiseAnalysisModels(models));
    const text = 'Please send the noise monitoring results for the quarry.';
    expect([...restored.kind!.probabilities(text)]).toEqual([...models.kind!.probabilities(text)]);
    expect([...restored.topic!.probabilities(text)]).toEqual([...models.topic!.probabilities(text)]);
  });

  it('refuses stored models of an unknown format with a typed error', () => {
    expect(() => restoreAnalysisModels('{"version": 99}')).toThrow(expect.objectContaining({ code: 'analyse.models_invalid' }));
    expect(() => restoreAnalysisModels('not json')).toThrow(expect.objectContaining({ code: 'analyse.models_invalid' }));
  });

  it('gives probabilities that stay below certainty on a long message', () => {
    const long = 'Please tell me how many potholes were repaired on each road in the district in each month of 2024. '.repeat(30);
    const top = Math.max(...models.kind!.probabilities(long).values());
    expect(top).toBeLessThan(0.999);
  });
});

describe('decisions combined from rules and models', () => {
  it('keeps the rules\' kind where they have evidence, whatever the model says', () => {
    const decision = decideKind({ kind: 'internal_review', basis: 'phrase' }, 'Please send me the bus timetable.', models);
    expect(decision.value).toBe('internal_review');
    expect(decision.confidence).toBeGreaterThan(0.5);
  });

  it('is less sure of a default reading than of one a phrase decided', () => {
    const text = 'About the depot on Mill Lane: the lorries, the hours, the works next to it.';
    expect(decideKind({ kind: 'foi', basis: 'default' }, text, models).confidence)
      .toBeLessThan(decideKind({ kind: 'foi', basis: 'phrase' }, text, models).confidence);
  });

  it('never raises a flag the rules found no evidence for, and may only doubt a weak one', () => {
    expect(decideFlag(false, 0.8, models.section16, 'Please advise me how to narrow this under section 16.').value).toBe(false);
    expect(decideFlag(true, 0.65, models.publicInterest, 'Taxpayers deserve to know.').value).toBe(true);
  });
});

describe('analyseRequest with the learned models', () => {
  it('gives a confidence for each decision and lists those below the threshold', () => {
    const analysis = analyse('Parking fines', 'How many parking fines were issued in 2024?');
    expect(analysis.kindConfidence).toBeGreaterThan(0);
    expect(analysis.section16Confidence).toBeGreaterThan(0.5);
    expect(analysis.publicInterestConfidence).toBeGreaterThan(0.5);
    expect(analysis.lowConfidence).not.toContain('section16');
    const strict = analyseRequest({ subject: 'Parking fines', text: 'How many parking fines were issued in 2024?', from: null }, { models, confidenceThreshold: 0.99 });
    expect(strict.lowConfidence).toEqual(expect.arrayContaining(['kind', 'section16', 'publicInterest']));
  });

  it('reads a message as an officer corrected it once retrained with the correction', () => {
    // A follow-up the rules take for a new request: it points back at nothing and says nothing of narrowing.
    const text = 'About the depot figures you sent on Tuesday: the totals for Eastgate and Northgate should be given separately for each of the three years, and the agency drivers should be left out of the count altogether, as they are employed by the contractor.';
    const before = analyse('Depot figures', text);
    expect(before.kind).toBe('foi');
    const correction: LabelledExample = { subject: 'Depot figures', text, kind: 'clarification', topic: 'staffing', publicInterest: false };
    const retrained = trainAnalysisModels([...corpus, correction]);
    const after = analyse('Depot figures', text, retrained);
    expect(after.kind).toBe('clarification');
    expect(after.kindConfidence).toBe(1);
    expect(after.topics[0]).toBe('staffing');
    // The same message wrapped differently by another client is still recognised.
    expect(analyse('Depot figures', text.replace(/ the /g, '\nthe '), retrained).kind).toBe('clarification');
    // Other messages are read as before.
    expect(analyse('Bins', 'How many bins were replaced in 2024?', retrained).kind).toBe('foi');
  });
});
