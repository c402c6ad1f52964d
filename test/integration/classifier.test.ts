// Admins' tuning on a real database, in process: an example from a case's question counts in the next
// candidate, candidates wait for activation, usage mistakes are refused plainly, and `eval` reports every
// component and writes the HTML topic report.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeModel, listExamples } from '../../src/adapters/db/classifier-store.js';
import { addClassifierExample, defaultEvalCorpus, evalClassifier } from '../../src/cli/classifier-command.js';
import { activateCandidate, trainCandidate, useVersion, type TuningContext } from '../../src/cli/classifier-tuning.js';
import { defaultAnalysisSettings } from '../../src/config/analysis-settings.js';
import { isAppError } from '../../src/errors.js';
import { loadAnalysisModels, modelsChanged } from '../../src/runtime/analysis-models.js';
import { fixturesDir } from '../../src/paths.js';
import { seedCase as openCase } from '../harness/seed-case.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
const lines: string[] = [];
const write = (line: string) => void lines.push(line);
const settings = defaultAnalysisSettings();
// One small corpus keeps scoring quick; the gate reads every .jsonl in the folder it is given.
const evalDir = mkdtempSync(join(tmpdir(), 'eval-'));
const ctx = (): TuningContext => ({ db: db.db, settings, evalDir, now: new Date('2026-11-02T10:00:00Z'), write });

beforeEach(async () => {
  db = await createTestDatabase();
  lines.length = 0;
  const holdout = readFileSync(join(fixturesDir, 'eval', 'holdout4.jsonl'), 'utf8');
  writeFileSync(join(evalDir, 'holdout4.jsonl'), holdout);
});
afterEach(() => db.drop());

describe('classifier tuning', () => {
  it("counts an example from a case's question in the next candidate, which waits for activation", async () => {
    await openCase(db.db, {
      kind: 'foi', regime: 'foi', jurisdiction: 'england-and-wales', receivedAt: new Date('2026-03-02T10:00:00Z'), receivedDate: '2026-03-02', dueDate: '2026-03-30', dueExplain: [],
      requester: { name: 'A Person', address: 'a@example.org' }, subject: 'Empty homes', flags: [], acknowledge: { send: true },
      questions: [{ number: '1', text: 'How many council homes have been empty for over a year?', topics: ['other'] }],
      analysis: { kind: 'foi', questions: [], topics: [], citesSection16: false, publicInterestArgument: false, sectionsCited: [], timeSpan: null, ambiguousTerms: [], validity: { valid: true, missing: [] }, evidence: { section16: null, publicInterest: null, timeSpan: null, kind: null } },
    }, 'FOI-{year}-{seq:5}');
    await addClassifierExample(db.db, settings, { topic: 'housing', case: 'FOI-2026-00001', question: '1' }, write);
    expect(await listExamples(db.db)).toEqual([{ topic: 'housing', text: 'How many council homes have been empty for over a year?' }]);
    lines.length = 0;
    expect(await trainCandidate(ctx())).toBe(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ version: 1, active: false, corrections: 0, figures: { holdout4: { kindAccuracy: expect.any(Number) } } });
    expect(await activeModel(db.db)).toBeNull();
    const before = await loadAnalysisModels(db.db);
    expect(before.version).toBe('shipped');
    await activateCandidate(ctx(), '1', {});
    expect((await activeModel(db.db))?.version).toBe(1);
    // What a running daemon checks at each poll: a new active version is loaded, then nothing more changes.
    expect(await modelsChanged(db.db, before)).toBe(true);
    const after = await loadAnalysisModels(db.db);
    expect(after.version).toBe(1);
    expect(await modelsChanged(db.db, after)).toBe(false);
  });

  it('refuses an unknown topic or version, and a forced activation without a reason', async () => {
    await expect(addClassifierExample(db.db, settings, { topic: 'weather', text: 'x' }, write)).rejects.toThrow(/--topic must be one of/);
    await expect(useVersion(db.db, '9', new Date(), write)).rejects.toSatisfy((e) => isAppError(e, 'cli.invalid_argument'));
    await expect(activateCandidate(ctx(), '9', {})).rejects.toThrow(/no classifier model version 9/);
    await expect(activateCandidate(ctx(), '1', { force: true })).rejects.toThrow(/--force needs --reason/);
  });

  it('reports every component, per-topic precision, recall, F1 and a confusion matrix, and writes the HTML report', async () => {
    const html = join(mkdtempSync(join(tmpdir(), 'report-')), 'topics.html');
    await evalClassifier(db.db, settings, { corpus: defaultEvalCorpus(), html }, write);
    expect(JSON.parse(lines[0]!)).toMatchObject({ model: 'shipped', figures: { kindAccuracy: expect.any(Number), questionSpanF1: expect.any(Number), publicInterestF1: expect.any(Number) } });
    const text = lines.join('\n');
    expect(text).toMatch(/model shipped/);
    expect(text).toMatch(/^it_security\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+\d+$/m);
    expect(text).toContain('confusion (rows: labelled, columns: predicted)');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<h2>Confusion matrix</h2>');
    expect(page).toContain('<th>planning_environment</th>');
  });
});
