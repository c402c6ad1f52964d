// Learning from officers, as operators run it (the `foi-intake` child process) on PostgreSQL or PGlite:
// a misread message → the officer's summary asks for a check → `case correct` → `classifier train` →
// `classifier activate` → the same request from someone else is read as corrected. A correction that
// makes the evaluation set read worse is refused (exit 2) unless forced with a recorded reason, and
// `classifier use` rolls back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SmtpSink } from '../../src/demo/smtp-sink.js';
import type { LabelledRequest } from '../../src/evaluation/evaluate-corpus.js';
import { fixturesDir } from '../../src/paths.js';
import { jsonLines, runCli } from '../harness/cli.js';
import { startChildProcessTier, type ChildProcessTier } from '../harness/child-process-tier.js';
import type { TestDatabase } from '../harness/test-database.js';
import type { TestMailbox } from '../harness/test-mailbox.js';

let tier: ChildProcessTier;
let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  tier = await startChildProcessTier({ prefix: 'foi-learn', env: { FOI_AUTHORITY_NAME: 'Example Borough Council', FOI_ACKNOWLEDGE_SINCE: 'all' } });
  ({ mailbox, smtp, db, dataDir, env } = tier);
});

afterEach(async () => {
  await tier.close();
  db = null;
});

// Own personal data (the requester's own complaint and the notes on it) with "noise" in it: the shipped
// models lean to EIR and are unsure. An officer reads it as a subject access request.
const OWN_NOISE_FILE = 'Please can you send me everything you hold about the noise complaint I made about my neighbour in March, including the officer notes.';

let sequence = 0;
function message(from: string, subject: string, body: string): string {
  sequence += 1;
  return [
    `From: ${from}`, 'To: FOI Team <foi@example.gov.uk>', `Subject: ${subject}`, `Message-ID: <learn-${sequence}-${Date.now()}@mail.example.org>`,
    'Date: Mon, 2 Nov 2026 10:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body.replace(/\n/g, '\r\n'), '',
  ].join('\r\n');
}

async function cli(...args: string[]) {
  // The mailbox helper's connection would idle out (socket timeout) while slow child processes run on a busy machine.
  await mailbox.subjectsIn('INBOX');
  const result = await runCli(args, env);
  return { ...result, lines: result.stdout.trim() ? jsonLines(result.stdout) : [] };
}

async function runOnceAndList() {
  await mailbox.subjectsIn('INBOX');
  const run = await runCli(['run', '--once'], env);
  expect(run.code, run.stderr).toBe(0);
  return (await cli('cases', 'list', '--json')).lines as { reference: string; kind: string; flags: string[]; regime: string; dueDate: string }[];
}

describe('learning from officers', () => {
  // Every step is a child process (PGlite opens and migrates in each): minutes on a busy machine.
  it('a correction, retrained and activated, reads the same request from someone else as corrected; a regression is refused', { timeout: 600_000 }, async () => {
    await mailbox.append(message('Dan Hale <dan.hale@example.org>', 'My dealings with you', `Dear FOI team,\n\n${OWN_NOISE_FILE}\n\nKind regards,\nDan`), new Date('2026-11-02T10:00:00Z'));
    const [misread] = await runOnceAndList();
    expect(misread).toMatchObject({ kind: 'eir', regime: 'eir' });
    const summary = smtp.received.find((m) => m.parsed.subject?.startsWith(`[${misread!.reference}]`))!;
    expect(summary.parsed.text).toMatch(/Please check: the kind \(read as EIR request, \d+ % sure\)/);

    // The officer's correction: stored, audited, flagged (the clock is left under EIR for the officer to decide).
    const corrected = await cli('case', 'correct', misread!.reference, '--kind', 'sar', '--topic', '1=personal_data');
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(corrected.lines[0]).toMatchObject({ kind: 'sar', examples: 2, changes: ['topic of question 1: planning_environment → personal_data', 'kind: eir → sar'] });
    const [after] = (await cli('cases', 'list', '--json')).lines as { kind: string; regime: string; dueDate: string; flags: string[]; topics: string[] }[];
    expect(after).toMatchObject({ kind: 'sar', regime: 'eir', dueDate: misread!.dueDate, topics: ['personal_data'], questions: [expect.objectContaining({ topics: ['personal_data'] })] });
    expect(after!.flags).toContain('kind_corrected');
    const shown = JSON.parse((await cli('case', 'show', misread!.reference, '--json')).stdout) as { events: { event: string }[] };
    expect(shown.events.map((e) => e.event)).toContain('analysis_corrected');
    expect((await cli('case', 'correct', misread!.reference, '--kind', 'letter')).code).toBe(2);

    // Train a candidate: not active until activated; the evaluation gate passes.
    const trained = await cli('classifier', 'train');
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.lines[0]).toMatchObject({ version: 1, active: false, corrections: 2 });
    const activated = await cli('classifier', 'activate', '1');
    expect(activated.code, activated.stdout + activated.stderr).toBe(0);
    expect(activated.lines[0]).toMatchObject({ version: 1, activated: true, forced: false, against: 'shipped', drops: [] });

    // The same request from someone else, greeted and signed differently, is read as the officer read it.
    await mailbox.append(message('Eve Stone <eve.stone@example.org>', 'Request', `Hi,\n\n${OWN_NOISE_FILE}\n\nThanks,\nEve Stone`), new Date('2026-11-03T10:00:00Z'));
    const second = (await runOnceAndList()).find((c) => c.reference !== misread!.reference)!;
    expect(second).toMatchObject({ kind: 'sar', regime: 'sar' });
    const secondSummary = smtp.received.find((m) => m.parsed.subject?.startsWith(`[${second.reference}]`))!;
    expect(secondSummary.parsed.text).not.toMatch(/Please check: the kind/);

    // A wrong correction of a message the evaluation set holds makes a candidate that reads it worse.
    const evaluated = readFileSync(join(fixturesDir, 'eval', 'requests.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
      .map((l) => JSON.parse(l) as LabelledRequest).find((item) => item.labels.kind === 'foi')!;
    await mailbox.append(message('Fay Lin <fay.lin@example.org>', evaluated.subject, evaluated.text), new Date('2026-11-04T10:00:00Z'));
    const third = (await runOnceAndList()).find((c) => ![misread!.reference, second.reference].includes(c.reference))!;
    expect((await cli('case', 'correct', third.reference, '--kind', 'complaint')).code).toBe(0);
    expect((await cli('classifier', 'train')).lines[0]).toMatchObject({ version: 2, active: false });
    const refused = await cli('classifier', 'activate', '2');
    expect(refused.code).toBe(2);
    expect(refused.lines[0]).toMatchObject({ version: 2, activated: false, against: 1 });
    expect(refused.lines[0]!.drops).toContainEqual(expect.objectContaining({ corpus: 'requests', figure: 'kindAccuracy' }));
    expect(refused.stderr).toMatch(/--force --reason/);
    expect((await cli('classifier', 'activate', '2', '--force')).code).toBe(2);
    const forced = await cli('classifier', 'activate', '2', '--force', '--reason', 'the evaluation label is disputed');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.lines[0]).toMatchObject({ version: 2, activated: true, forced: true });

    // Rolled back with use; every change of version is on record.
    expect((await cli('classifier', 'use', '1')).code).toBe(0);
    const versions = (await cli('classifier', 'list')).lines as { version: number; active: boolean; evaluation: { figures: Record<string, object> }; activations: { action: string; reason: string | null }[] }[];
    expect(versions.map((v) => [v.version, v.active])).toEqual([[1, true], [2, false]]);
    expect(versions[0]!.evaluation.figures.requests).toMatchObject({ kindAccuracy: expect.any(Number), questionSpanF1: expect.any(Number), section16F1: expect.any(Number) });
    expect(versions[0]!.activations.map((a) => a.action)).toEqual(['activate', 'use']);
    expect(versions[1]!.activations).toEqual([expect.objectContaining({ action: 'force', reason: 'the evaluation label is disputed' })]);
  });
});
