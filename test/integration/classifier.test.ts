// Admins' tuning loop on a real database: train a version, add an example from a case's
// question, retrain, roll back with `use`, and write the HTML evaluation report.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeModel, listExamples, listModels } from '../../src/adapters/db/classifier-store.js';
import { addClassifierExample, defaultEvalCorpus, evalClassifier, trainClassifier, useClassifierVersion } from '../../src/cli/classifier-command.js';
import { defaultAnalysisSettings } from '../../src/config/analysis-settings.js';
import { seedCase as openCase } from '../harness/seed-case.js';
import { isAppError } from '../../src/errors.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
const lines: string[] = [];
const write = (line: string) => void lines.push(line);
const settings = defaultAnalysisSettings();

beforeEach(async () => {
  db = await createTestDatabase();
  lines.length = 0;
});
afterEach(() => db.drop());

describe('classifier tuning', () => {
  it('versions every trained model with its figures, and rolls back with use', async () => {
    expect(await trainClassifier(db.db, settings, defaultEvalCorpus(), write)).toBe(1);
    const first = JSON.parse(lines[0]!) as { accuracy: number; examples: number };
    expect(first.accuracy).toBeGreaterThan(0.5);
    expect(first.examples).toBeGreaterThanOrEqual(840);

    await openCase(db.db, {
      kind: 'foi', regime: 'foi', jurisdiction: 'england-and-wales', receivedAt: new Date('2026-03-02T10:00:00Z'), receivedDate: '2026-03-02', dueDate: '2026-03-30', dueExplain: [],
      requester: { name: 'A Person', address: 'a@example.org' }, subject: 'Bridges', flags: [], acknowledge: { send: true },
      questions: [{ number: '1', text: 'How many weight restrictions apply to council bridges?', topics: ['other'] }],
      analysis: { kind: 'foi', questions: [], topics: [], citesSection16: false, publicInterestArgument: false, sectionsCited: [], timeSpan: null, ambiguousTerms: [], validity: { valid: true, missing: [] }, evidence: { section16: null, publicInterest: null, timeSpan: null, kind: null } },
    }, 'FOI-{year}-{seq:5}');
    await addClassifierExample(db.db, settings, { topic: 'transport', case: 'FOI-2026-00001', question: '1' }, write);
    expect(await listExamples(db.db)).toEqual([{ topic: 'transport', text: 'How many weight restrictions apply to council bridges?' }]);

    expect(await trainClassifier(db.db, settings, defaultEvalCorpus(), write)).toBe(2);
    expect((await activeModel(db.db))?.version).toBe(2);
    await useClassifierVersion(db.db, '1', write);
    expect((await activeModel(db.db))?.version).toBe(1);
    const versions = await listModels(db.db);
    expect(versions.map((v) => [v.version, v.active, v.exampleCount])).toEqual([[1, true, first.examples], [2, false, first.examples + 1]]);
    expect(versions[0]!.evaluation).toMatchObject({ accuracy: first.accuracy });
  });

  it('refuses an unknown topic or version with a clear message', async () => {
    await expect(addClassifierExample(db.db, settings, { topic: 'weather', text: 'x' }, write)).rejects.toThrow(/--topic must be one of/);
    await expect(useClassifierVersion(db.db, '9', write)).rejects.toSatisfy((e) => isAppError(e, 'cli.invalid_argument'));
  });

  it('prints per-topic precision, recall, F1 and a confusion matrix, and writes the HTML report', async () => {
    const html = join(mkdtempSync(join(tmpdir(), 'report-')), 'topics.html');
    await evalClassifier(db.db, settings, { corpus: defaultEvalCorpus(), html }, write);
    const text = lines.join('\n');
    expect(text).toMatch(/model fixtures/);
    expect(text).toMatch(/^it_security\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+\d+$/m);
    expect(text).toContain('confusion (rows: labelled, columns: predicted)');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<h2>Confusion matrix</h2>');
    expect(page).toContain('<th>planning_environment</th>');
  });
});
