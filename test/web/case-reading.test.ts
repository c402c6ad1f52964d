// Correcting the reading from the case page: the same core as `case correct`, each correction an
// `analysis_corrected` event and a labelled example attributed to the signed-in officer, in the
// console's audit, shown on the page, and undone as a new attributed correction.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { caseEvents, cases, consoleAudit, labelledExamples } from '../../src/adapters/db/schema.js';
import { useTestServers } from '../harness/test-runtime.js';
import { consoleOn, consoleSettings, EIR_OFFICER, OFFICER, seedCases, sessionCookie } from './console-harness.js';
import { caseRow, hiddenIn, loadPage, postForm } from './case-forms.js';

const servers = useTestServers();
const REF = 'FOI-2017-00001';
const PAGE = `/cases/${REF}`;

async function seeded(): Promise<FastifyInstance> {
  const env = await seedCases(servers.db, servers.mailbox, servers.smtp.url);
  return consoleOn(servers.db, env, consoleSettings('http://127.0.0.1:1'));
}

async function corrections() {
  const [row] = await servers.db.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, REF));
  return servers.db.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, row!.id), eq(caseEvents.event, 'analysis_corrected')));
}

describe('correcting the reading in the console', () => {
  it("changes a question's topic through the form, attributed to the officer, and undoes it", async () => {
    const app = await seeded();
    const officer = sessionCookie(app, OFFICER);
    const before = await caseRow(servers.db.db, REF);
    const question = before.questions[1]!;
    const label = question.number ?? '2';
    const was = question.topics[0]!;
    const topic = was === 'finance' ? 'staffing' : 'finance';

    let form = await loadPage(app, PAGE, officer);
    expect(form.body).toContain('Correct the reading');
    expect(hiddenIn(form.body, 'correct-topic-form', 'expectedCorrection')).toBe('');
    const done = await postForm(app, form, `${PAGE}/corrections`, { correction: 'topic', question: label, topic, expectedCorrection: '' });
    expect(done.statusCode).toBe(303);

    const [event] = await corrections();
    expect(event!.cause).toBe('officer');
    expect(event!.details).toMatchObject({ by: OFFICER, changes: [`topic of question ${label}: ${was} → ${topic}`], undo: { topics: [{ question: label, topic: was }] } });
    const examples = await servers.db.db.select().from(labelledExamples);
    expect(examples).toEqual([expect.objectContaining({ source: `${'case:'}${REF}#${label}`, topic, text: question.text })]);
    const audit = (await servers.db.db.select().from(consoleAudit)).filter((a) => a.action === 'correct_reading');
    expect(audit).toEqual([expect.objectContaining({ actor: OFFICER, details: expect.objectContaining({ examples: 1 }) })]);
    expect((await caseRow(servers.db.db, REF)).questions[1]!.topics).toEqual([topic]);

    form = await loadPage(app, PAGE, form.cookie);
    expect(form.body).toContain('Reading corrected');
    expect(form.body).toMatch(new RegExp(`data-question-topics="${label}">${topic.replace(/_/g, ' ')}<`));
    expect(form.body).toContain(OFFICER);

    // A form loaded before that correction is refused: nothing is stored.
    const stale = await postForm(app, form, `${PAGE}/corrections`, { correction: 'topic', question: label, topic: 'housing', expectedCorrection: '' });
    expect(stale.statusCode).toBe(303);
    expect(await corrections()).toHaveLength(1);
    expect((await caseRow(servers.db.db, REF)).questions[1]!.topics).toEqual([topic]);

    // Undo: the inverse as a new correction by the officer; the undone label no longer trains.
    form = await loadPage(app, PAGE, form.cookie);
    const undoUrl = /action="([^"]+\/undo)"/.exec(form.body)![1]!;
    expect((await postForm(app, form, undoUrl, {})).statusCode).toBe(303);
    expect((await caseRow(servers.db.db, REF)).questions[1]!.topics).toEqual([was]);
    const events = await corrections();
    expect(events).toHaveLength(2);
    expect(events[1]!.details).toMatchObject({ by: OFFICER, undoes: events[0]!.id });
    expect((await servers.db.db.select().from(labelledExamples)).map((e) => e.topic)).toEqual([was]);
    expect((await servers.db.db.select().from(consoleAudit)).map((a) => a.action)).toContain('undo_correction');
    await app.close();
  });

  it('changes the kind without moving the deadline, toggles s.16, splits, merges back and edits a question', async () => {
    const app = await seeded();
    const officer = sessionCookie(app, OFFICER);
    const before = await caseRow(servers.db.db, REF);
    let form = await loadPage(app, PAGE, officer);
    const last = () => hiddenIn(form.body, 'correct-kind-form', 'expectedCorrection');

    expect((await postForm(app, form, `${PAGE}/corrections`, { correction: 'kind', kind: 'eir', expectedCorrection: last() })).statusCode).toBe(303);
    form = await loadPage(app, PAGE, form.cookie);
    expect(form.body).toContain('The deadline was not moved');
    expect(form.body).toMatch(/kind corrected/);
    const afterKind = await caseRow(servers.db.db, REF);
    expect(afterKind).toMatchObject({ kind: 'eir', dueDate: before.dueDate, regime: before.regime });

    const s16 = before.citesSection16 ? 'no' : 'yes';
    expect((await postForm(app, form, `${PAGE}/corrections`, { correction: 'flags', s16, pi: before.publicInterestArgument ? 'yes' : 'no', expectedCorrection: last() })).statusCode).toBe(303);
    expect((await caseRow(servers.db.db, REF)).citesSection16).toBe(s16 === 'yes');
    form = await loadPage(app, PAGE, form.cookie);

    const q1 = before.questions[0]!;
    const words = q1.text.split(/\s+/);
    const at = words.slice(Math.floor(words.length / 2), Math.floor(words.length / 2) + 2).join(' ');
    expect((await postForm(app, form, `${PAGE}/corrections`, { correction: 'split', question: q1.number ?? '1', at, expectedCorrection: last() })).statusCode).toBe(303);
    expect((await caseRow(servers.db.db, REF)).questions).toHaveLength(before.questions.length + 1);
    form = await loadPage(app, PAGE, form.cookie);
    expect((await postForm(app, form, /action="([^"]+\/undo)"/.exec(form.body)![1]!, {})).statusCode).toBe(303);
    const merged = await caseRow(servers.db.db, REF);
    expect(merged.questions.map((q) => q.number)).toEqual(before.questions.map((q) => q.number));
    expect(merged.questions[0]!.text.replace(/\s+/g, ' ')).toBe(q1.text.replace(/\s+/g, ' '));

    form = await loadPage(app, PAGE, form.cookie);
    const edited = await postForm(app, form, `${PAGE}/corrections`, { correction: 'edit', question: q1.number ?? '1', text: 'How many cyber incidents were there?', expectedCorrection: last() });
    expect(edited.statusCode).toBe(303);
    expect((await caseRow(servers.db.db, REF)).questions[0]!.text).toBe('How many cyber incidents were there?');
    expect((await corrections()).map((e) => (e.details as { by?: string }).by)).toEqual([OFFICER, OFFICER, OFFICER, OFFICER, OFFICER]);
    await app.close();
  });

  it('refuses a correction form with a mistake, shows the error summary and keeps what was typed', async () => {
    const app = await seeded();
    const form = await loadPage(app, PAGE, sessionCookie(app, OFFICER));
    const refused = await postForm(app, form, `${PAGE}/corrections`, { correction: 'split', question: '1', at: 'words nowhere in it', expectedCorrection: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('href="#correct-split-at"');
    expect(refused.body).toContain('value="words nowhere in it"');
    expect(await corrections()).toHaveLength(0);
    await app.close();
  });

  it('lists linked cases both ways, each a link, and hides those of a mailbox the officer may not see', async () => {
    const app = await seeded();
    const all = await servers.db.db.select({ id: cases.id, reference: cases.reference, mailbox: cases.mailbox }).from(cases);
    const [seed, second, third] = all.sort((a, b) => a.id - b.id);
    // A stranger's message quoting the seed request, a review of it, and a campaign with the third case.
    await servers.db.db.update(cases).set({ linkedCaseId: seed!.id }).where(eq(cases.id, second!.id));
    await servers.db.db.update(cases).set({ campaignKey: 'same-text' }).where(eq(cases.id, seed!.id));
    // The review sits in the EIR mailbox: its officer sees it, but not the seed request it links to.
    await servers.db.db.update(cases).set({ campaignKey: 'same-text', parentCaseId: seed!.id, mailbox: 'eir' }).where(eq(cases.id, third!.id));
    const officer = sessionCookie(app, OFFICER);
    const page = (await app.inject({ url: PAGE, headers: { cookie: officer } })).body;
    expect(page).toMatch(new RegExp(`data-relation="quoted_by">[\\s\\S]*?href="/cases/${second!.reference}"`));
    expect(page).toMatch(new RegExp(`data-relation="reviewed_in">[\\s\\S]*?href="/cases/${third!.reference}"`));
    expect(page).toMatch(new RegExp(`data-relation="campaign">[\\s\\S]*?href="/cases/${third!.reference}"`));
    const other = (await app.inject({ url: `/cases/${second!.reference}`, headers: { cookie: officer } })).body;
    expect(other).toMatch(new RegExp(`data-relation="quotes">[\\s\\S]*?href="/cases/${REF}"`));
    const review = (await app.inject({ url: `/cases/${third!.reference}`, headers: { cookie: officer } })).body;
    expect(review).toMatch(new RegExp(`data-relation="review_of">[\\s\\S]*?href="/cases/${REF}"`));
    const eirPage = await app.inject({ url: `/cases/${third!.reference}`, headers: { cookie: sessionCookie(app, EIR_OFFICER) } });
    expect(eirPage.statusCode).toBe(200);
    expect(eirPage.body).not.toContain(`href="/cases/${REF}"`);
    await app.close();
  });
});
