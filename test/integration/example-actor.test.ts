// Who gave each label: a correction's labelled examples carry its actor (the console's signed-in identity,
// or the OS user of `case correct`), counted per person for the admins; and the tuning workers score a
// version exactly as the CLI's in-thread run does.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrectionStore, labellersOf } from '../../src/adapters/db/correction-store.js';
import { labelledExamples } from '../../src/adapters/db/schema.js';
import { cliActor } from '../../src/cli/case-correct-command.js';
import { defaultAnalysisSettings } from '../../src/config/analysis-settings.js';
import { fixturesDir } from '../../src/paths.js';
import { correctCase } from '../../src/pipeline/case/correct-case.js';
import { inThreadTuning } from '../../src/runtime/tuning-compute.js';
import { createTuningWorkers } from '../../src/runtime/tuning-workers.js';
import { cliEnv, runCli } from '../harness/cli.js';
import { exampleDraft, seedCase } from '../harness/seed-case.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
const settings = defaultAnalysisSettings();
const now = new Date('2026-11-02T10:00:00Z');

async function openCase(subject: string, questions: string[]): Promise<string> {
  const opened = await seedCase(db.db, exampleDraft(subject, questions, now), 'FOI-{year}-{seq:5}', now);
  return opened.reference;
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('labelled examples carry who labelled them', () => {
  it("stores the correction's actor on each example, null when none is known, and counts them per person", async () => {
    const store = createCorrectionStore(db.db);
    const first = await openCase('Empty homes', ['How many council homes have been empty for over a year?', 'How many potholes were filled?']);
    await correctCase(store, first, { topics: [{ question: '1', topic: 'housing' }] }, { now, topics: settings.topics, actor: 'officer.one@example.gov.uk' });
    await correctCase(store, first, { topics: [{ question: '2', topic: 'transport' }] }, { now, topics: settings.topics, actor: 'officer.one@example.gov.uk' });
    const second = await openCase('Parking', ['How many parking fines were issued in 2025?']);
    await correctCase(store, second, { topics: [{ question: '1', topic: 'transport' }] }, { now, topics: settings.topics });

    const rows = await db.db.select().from(labelledExamples);
    expect(rows.filter((r) => r.actor === 'officer.one@example.gov.uk').map((r) => r.topic).sort()).toEqual(['housing', 'transport']);
    expect(rows.filter((r) => r.actor === null)).toHaveLength(1);
    expect((await labellersOf(db.db)).map(({ actor, examples }) => ({ actor, examples }))).toEqual([
      { actor: 'officer.one@example.gov.uk', examples: 2 }, { actor: null, examples: 1 },
    ]);

    // Corrected again by someone else: the earlier label is superseded, and the count follows the label that stands.
    await correctCase(store, first, { topics: [{ question: '1', topic: 'planning_environment' }] }, { now, topics: settings.topics, actor: 'officer.two@example.gov.uk' });
    expect((await labellersOf(db.db)).map(({ actor, examples }) => ({ actor, examples }))).toEqual([
      { actor: 'officer.one@example.gov.uk', examples: 1 }, { actor: 'officer.two@example.gov.uk', examples: 1 }, { actor: null, examples: 1 },
    ]);
  });

  it.skipIf(!process.env.DATABASE_URL)('attributes `case correct` to the OS user running it (PostgreSQL: the CLI is another process)', async () => {
    const reference = await openCase('Libraries', ['How many library books were lost in 2025?']);
    const env = cliEnv({
      DATABASE_URL: db.url!, FOI_IMAP_URL: 'imap://user:pass@127.0.0.1:1', FOI_SMTP_URL: 'smtp://127.0.0.1:1',
      FOI_FROM: 'FOI Team <foi@example.gov.uk>', FOI_OFFICERS: 'officer@example.gov.uk',
    });
    const corrected = await runCli(['case', 'correct', reference, '--topic', '1=education'], env);
    expect(corrected.code, corrected.stderr).toBe(0);
    const expected = cliActor();
    expect(expected).toBe(userInfo().username || 'cli');
    expect((await db.db.select().from(labelledExamples)).filter((r) => r.source === `case:${reference}#1`)).toEqual([expect.objectContaining({ actor: expected })]);
  });
});

describe('the tuning workers', () => {
  it('score a version in a worker thread exactly as on this thread', async () => {
    const evalDir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(join(evalDir, 'holdout4.jsonl'), readFileSync(join(fixturesDir, 'eval', 'holdout4.jsonl'), 'utf8'));
    const workers = createTuningWorkers(null);
    try {
      const job = { kind: 'figures', models: 'shipped', evalDir } as const;
      const [inWorker, here] = await Promise.all([workers.run(job), inThreadTuning(settings).run(job)]);
      expect(inWorker).toEqual(here);
      expect(Object.keys(inWorker)).toEqual(['holdout4']);
    } finally {
      await workers.close();
    }
  });
});
