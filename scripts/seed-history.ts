// `npm run seed -- --cases 200000`: fills the PostgreSQL database at DATABASE_URL with a realistic
// five-year history (cases with their questions, audit events, raw inbound messages, outgoing mail
// and reminders; prolific requesters; campaigns) by COPY, so 200,000 cases take minutes. The
// schema is migrated first; ids, sequences, reference counters and the old mailbox's checkpoint
// are left consistent, so the daemon runs on top of it and numbers new cases after the seeded ones.
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openDatabase } from '../src/adapters/db/database.js';
import { formatReference } from '../src/pipeline/case/format-reference.js';
import { copyInto, type CopyWriter } from './seed/copy-stream.js';
import { CAMPAIGNS, planCase, seededMarker, type HistoryShape } from './seed/history-plan.js';
import {
  CASE_COLUMNS, caseRow, eventRows, EVENT_COLUMNS, inboundRows, INBOUND_COLUMNS, OUTBOX_COLUMNS, outboxRows, QUESTION_COLUMNS, questionRows,
  receivedDateOf, REMINDER_COLUMNS, reminderRows, type CaseIds, type SeedSettings,
} from './seed/history-rows.js';
import { makeTemplates, seededText } from './seed/history-templates.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '200000' }, years: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' },
    templates: { type: 'string', default: '400' }, 'reference-format': { type: 'string', default: 'FOI-{year}-{seq:5}' },
    // An earlier mail server's account: the history's raw messages keep their own checkpoint row.
    'mailbox-key': { type: 'string', default: 'foi@imap.example.gov.uk:993/INBOX' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('seed-history: DATABASE_URL must name the PostgreSQL database to fill\n');
  process.exit(2);
}
const shape: HistoryShape = { cases: Number(values.cases), years: Number(values.years), now: new Date(), templates: Number(values.templates), seed: Number(values.seed) };
const format = values['reference-format']!;
const settings: SeedSettings = { mailboxKey: values['mailbox-key']!, uidValidity: 1, mailboxName: 'default', fromAddress: 'FOI Team <foi@example.gov.uk>', officers: 'officer@example.gov.uk' };

async function migrate(): Promise<void> {
  const database = await openDatabase({ databaseUrl: url!, dataDir: '' });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}

const maxId = async (sql: postgres.Sql, table: string) => Number((await sql.unsafe(`select coalesce(max(id), 0) as m from ${table}`))[0]!.m);

/** Phase 1: the cases, numbered year by year after whatever the counters already hold. */
async function seedCases(sql: postgres.Sql, templates: ReturnType<typeof makeTemplates>): Promise<CaseIds[]> {
  const caseBase = await maxId(sql, 'cases');
  let inboundId = (await maxId(sql, 'inbound_messages')) + 1;
  const counters = new Map<number, number>();
  for (const row of await sql`select year, last_value from reference_counters where format = ${format}`) counters.set(Number(row.year), Number(row.last_value));
  const writer = await copyInto(url!, 'cases', CASE_COLUMNS);
  const ids: CaseIds[] = [];
  for (let i = 0; i < shape.cases; i++) {
    const plan = planCase(i, shape);
    const year = Number(receivedDateOf(plan.receivedAt).slice(0, 4));
    const sequence = (counters.get(year) ?? 0) + 1;
    counters.set(year, sequence);
    const caseIds = { caseId: caseBase + i + 1, reference: formatReference(format, year, sequence), inboundId };
    inboundId += plan.replies + 1;
    ids.push(caseIds);
    const template = plan.campaign === null ? templates.ordinary[plan.template]! : templates.campaigns[plan.campaign]!;
    await writer.row(caseRow(plan, template, seededText(plan, template), caseIds, settings));
  }
  await writer.end();
  for (const [year, last] of counters) {
    await sql`insert into reference_counters (format, year, last_value) values (${format}, ${year}, ${last})
      on conflict (format, year) do update set last_value = greatest(reference_counters.last_value, excluded.last_value)`;
  }
  return ids;
}

/** Phase 2: everything that refers to the cases, one COPY per table on its own connection. */
async function seedDependents(sql: postgres.Sql, templates: ReturnType<typeof makeTemplates>, ids: CaseIds[]): Promise<Record<string, CopyWriter>> {
  const writers = {
    questions: await copyInto(url!, 'questions', QUESTION_COLUMNS),
    case_events: await copyInto(url!, 'case_events', EVENT_COLUMNS),
    inbound_messages: await copyInto(url!, 'inbound_messages', INBOUND_COLUMNS),
    outbox: await copyInto(url!, 'outbox', OUTBOX_COLUMNS),
    case_reminders: await copyInto(url!, 'case_reminders', REMINDER_COLUMNS),
  };
  let rawBytes = 0;
  for (let i = 0; i < shape.cases; i++) {
    const plan = planCase(i, shape);
    const template = plan.campaign === null ? templates.ordinary[plan.template]! : templates.campaigns[plan.campaign]!;
    const text = seededText(plan, template);
    const caseIds = ids[i]!;
    for (const row of questionRows(template, caseIds)) await writers.questions.row(row);
    for (const row of eventRows(plan, caseIds)) await writers.case_events.row(row);
    for (const row of inboundRows(plan, text, caseIds, settings)) {
      rawBytes += row[9] as number;
      await writers.inbound_messages.row(row);
    }
    for (const row of outboxRows(plan, text, caseIds, settings)) await writers.outbox.row(row);
    for (const row of reminderRows(plan, caseIds, shape.now)) await writers.case_reminders.row(row);
  }
  await Promise.all(Object.values(writers).map((w) => w.end()));
  say(`raw messages: ${(rawBytes / 1024 / 1024).toFixed(0)} MB, ${(rawBytes / writers.inbound_messages.rows / 1024).toFixed(1)} KB average`);
  return writers;
}

async function finish(sql: postgres.Sql): Promise<void> {
  const [{ uid }] = (await sql`select coalesce(max(uid), 0)::bigint as uid from inbound_messages where mailbox = ${settings.mailboxKey}`) as unknown as [{ uid: string }];
  const lastUid = Number(uid);
  for (const table of ['cases', 'questions', 'case_events', 'inbound_messages', 'outbox', 'case_reminders']) {
    await sql.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select coalesce(max(id), 0) from ${table}), 1))`);
  }
  await sql`insert into mailbox_state (mailbox, uid_validity, last_uid) values (${settings.mailboxKey}, ${settings.uidValidity}, ${lastUid})
    on conflict (mailbox) do update set last_uid = greatest(mailbox_state.last_uid, excluded.last_uid)`;
  await sql.unsafe('analyze');
  await sql.unsafe(`comment on table cases is '${seededMarker(shape.cases, shape.seed)}'`);
}

async function main(): Promise<void> {
  await migrate();
  const sql = postgres(url!, { max: 12, onnotice: () => {} });
  try {
    const started = performance.now();
    const templates = makeTemplates(shape.templates, CAMPAIGNS, shape.seed);
    say(`${shape.templates + CAMPAIGNS} texts analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const ids = await seedCases(sql, templates);
    const casesDone = performance.now();
    say(`cases: ${shape.cases} in ${((casesDone - started) / 1000).toFixed(1)} s`);
    const writers = await seedDependents(sql, templates, ids);
    await finish(sql);
    const seconds = (performance.now() - started) / 1000;
    const rows = shape.cases + Object.values(writers).reduce((sum, w) => sum + w.rows, 0);
    for (const [table, writer] of Object.entries(writers)) say(`${table}: ${writer.rows}`);
    say(`seeded ${rows} rows in ${seconds.toFixed(1)} s (${(rows / seconds).toFixed(0)} rows/s), analyse included`);
  } finally {
    await sql.end();
  }
}

await main();
