// `node dist/scripts/console-bench.js [--cases N]` (DATABASE_URL required): how fast the console's
// queue pages and search answer over many stored cases. Makes a throwaway database, fills it with N
// synthetic cases (default 200,000) with request texts, and prints p50/p95 per query in ms. Not a test.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { filterOptions, listQueue, onTimeFigure, queueCounts, type QueueFilter, type QueueScope } from '../src/adapters/db/console-queue-queries.js';
import { openDatabase } from '../src/adapters/db/database.js';
import { londonDateOf } from '../src/clock/index.js';
import { workingDaysAhead } from '../src/web/queue-routes.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const N = arg('--cases', 200_000);
const RUNS = arg('--runs', 40);
/** Keep the database afterwards (its name is printed), to look at plans with EXPLAIN ANALYZE. */
const KEEP = process.argv.includes('--keep');
const ME = 'bench@example.gov.uk';
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write('console-bench: DATABASE_URL is required\n');
  process.exit(2);
}

const WORDS = ['budget', 'contract', 'school', 'parking', 'housing', 'police', 'cyber', 'security', 'waste', 'air', 'quality', 'staff', 'agency', 'consultant', 'road', 'repairs', 'planning', 'licence', 'grant', 'pothole'];

async function fill(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  // Constants of this script, not input: inlined as an array literal.
  const words = sql.unsafe(`array[${WORDS.map((w) => `'${w}'`).join(',')}]`);
  await sql`
    insert into cases (reference, kind, regime, status, received_at, received_date, due_date, subject, analysis, flags, mailbox, owner, team)
    select 'FOI-B-' || g, (array['foi','foi','foi','eir','sar'])[1 + g % 5], 'foi',
      (array['acknowledged','in_progress','awaiting_clarification','extended','responded','closed','received'])[1 + g % 7],
      now() - (g % 700) * interval '1 day', (now() - (g % 700) * interval '1 day')::date, (now() - (g % 700) * interval '1 day' + interval '28 days')::date,
      'Request about ' || (${words})[1 + g % 20] || ' ' || (${words})[1 + (g / 20) % 20],
      jsonb_build_object('topics', jsonb_build_array((array['finance','contracts','housing','transport','it_security'])[1 + g % 5])),
      case when g % 9 = 0 then '[{"code":"s16","text":"s.16"}]'::jsonb else '[]'::jsonb end,
      case when g % 4 = 0 then 'eir' else 'default' end,
      -- Two cases in three have an owner among 25 officers; the bench's own officer has one case in fifty.
      case when g % 50 = 7 then ${ME} when g % 3 <> 0 then 'officer' || (g % 25) || '@example.gov.uk' end,
      case when g % 3 <> 0 then (array['finance team','contracts team','housing team','transport team','security team'])[1 + g % 5] end
    from generate_series(1, ${N}) g`;
  // Cases the bench's officer acted on in the console without owning them ("my cases" keeps those too).
  await sql`insert into console_audit (actor, case_id, action) select ${ME}, id, 'seek_clarification' from cases where id % 400 = 3`;
  await sql`insert into console_audit (actor, case_id, action) select 'officer' || (id % 25) || '@example.gov.uk', id, 'view' from cases where id % 2 = 0`;
  // An officer views far more cases than they act on: 'my cases' must not read every view.
  await sql`insert into console_audit (actor, case_id, action) select ${ME}, id, 'view' from cases where id % 5 = 1`;
  await sql`
    insert into inbound_messages (mailbox, uid_validity, uid, content_hash, internal_date, size_bytes, disposition, parse_outcome, destination_folder, case_id, fingerprint)
    select 'bench', 1, c.id, md5(c.id::text), c.received_at, 4000, 'opened_case', 'ok', 'Processed', c.id,
      'please provide ' || (${words})[1 + c.id % 20] || ' ' || (${words})[1 + (c.id * 7) % 20] || ' spending for the last ' || (c.id % 9) || ' years broken down by ' || (${words})[1 + (c.id * 13) % 20]
    from cases c`;
  // Every case has its history (opened, acknowledged), so the responses are a fraction of the events.
  await sql`insert into case_events (case_id, at, event, from_status, to_status, cause, details)
    select id, received_at, 'case_opened', null, 'received', 'new request', '{}'::jsonb from cases`;
  await sql`insert into case_events (case_id, at, event, from_status, to_status, cause, details)
    select id, received_at + interval '1 minute', 'acknowledged', 'received', 'acknowledged', 'acknowledgement sent', '{}'::jsonb from cases where status <> 'received'`;
  await sql`insert into case_events (case_id, at, event, from_status, to_status, cause, details)
    select id, received_at + interval '15 days', 'responded', 'in_progress', 'responded', 'officer', jsonb_build_object('oldDueDate', due_date) from cases where status = 'responded'`;
  // A settled database: autovacuum has run after the bulk load (index-only scans need the visibility map).
  await sql`vacuum analyze`;
  await sql.end();
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!.toFixed(1);
  process.stdout.write(`${label.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms\n`);
}

const name = `console_bench_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
try {
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  await database.migrate();
  const started = performance.now();
  await fill(url.toString());
  process.stdout.write(`${N} cases stored in ${((performance.now() - started) / 1000).toFixed(1)} s; ${RUNS} runs per query\n`);
  const today = londonDateOf(new Date());
  const scope: QueueScope = { today, soon: workingDaysAhead(today, 5), actor: ME, mailboxes: null };
  const officerScope: QueueScope = { ...scope, mailboxes: ['eir'] };
  const base: QueueFilter = { queue: 'open', sort: 'due', limit: 100 };
  const db = database.db;
  // One queue page = the counts, the listing, the on-time figure and the filter options together.
  await time('queue page: all open, by due date', () => Promise.all([queueCounts(db, scope), listQueue(db, scope, base), onTimeFigure(db, scope), filterOptions(db, scope)]));
  await time('queue page: overdue', () => Promise.all([queueCounts(db, scope), listQueue(db, scope, { ...base, queue: 'overdue' }), onTimeFigure(db, scope), filterOptions(db, scope)]));
  await time('queue page: one mailbox, topic + flag filter', () => Promise.all([queueCounts(db, officerScope), listQueue(db, officerScope, { ...base, topic: 'finance', flag: 's16' }), onTimeFigure(db, officerScope), filterOptions(db, officerScope)]));
  await time('queue page: my cases', () => Promise.all([queueCounts(db, scope), listQueue(db, scope, { ...base, queue: 'mine' }), onTimeFigure(db, scope), filterOptions(db, scope)]));
  await time('queue page: all open, owner filter', () => Promise.all([queueCounts(db, scope), listQueue(db, scope, { ...base, owner: 'officer7@example.gov.uk' }), onTimeFigure(db, scope), filterOptions(db, scope)]));
  await time('queue page: overdue, team filter, latest first', () => Promise.all([queueCounts(db, scope), listQueue(db, scope, { ...base, queue: 'overdue', team: 'housing team', sort: '-due' }), onTimeFigure(db, scope), filterOptions(db, scope)]));
  await time('search "pothole repairs"', () => listQueue(db, scope, { ...base, search: 'pothole repairs' }));
  await time('search "consultant spending" + kind foi', () => listQueue(db, scope, { ...base, search: 'consultant spending', kind: 'foi' }));
  await time('search "zebra crossing" (no match)', () => listQueue(db, scope, { ...base, search: 'zebra crossing' }));
  await database.close();
} finally {
  if (KEEP) process.stdout.write(`kept database ${name}\n`);
  else await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
