// `npm run bench [-- --n 2000]`: seeds N realistic requests into a real IMAP server (Dovecot when
// TEST_IMAP_HOST is set, else the in-process server) and a real database (DATABASE_URL, else
// PGlite), then measures the stage limit (bare fetch + parse), `run --once` end to end, and the
// analysis alone. Prints one table. A script, not a test: it reports figures, it asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { startInProcessImap } from '../src/demo/in-process-imap.js';
import { startSmtpSink } from '../src/demo/smtp-sink.js';
import { shippedAnalysisModels } from '../src/adapters/analysis-models-loader.js';
import { defaultAnalysisSettings } from '../src/config/analysis-settings.js';
import { createAnalyser } from '../src/pipeline/analyse/create-analyser.js';
import { openRuntime } from '../src/runtime.js';
import { seededRandom, syntheticPdfRequest, syntheticRequest, type Random } from './bench/synthetic-requests.js';
import { runDaemon } from '../src/jobs/daemon.js';
import type { Runtime } from '../src/runtime.js';
import type { SmtpSink } from '../src/demo/smtp-sink.js';
import { runOnceInChild } from './bench/child-process.js';
import { runHostileBench } from './bench/hostile.js';
import { baselineRows, seededRows, type ExtrasContext, type TimedRun } from './bench/extras.js';

// `--baseline` takes an optional commit: `--baseline` alone means f929999 (the 2026-12-06 build).
const baselineAt = process.argv.indexOf('--baseline');
const baselineCommit = baselineAt < 0 ? null : /^[0-9a-f]{4,40}$/i.test(process.argv[baselineAt + 1] ?? '') ? process.argv.splice(baselineAt + 1, 1)[0]! : 'f929999';
const { values } = parseArgs({
  options: {
    hostile: { type: 'boolean', default: false }, n: { type: 'string', default: '2000' }, latency: { type: 'string', default: '200' }, attachments: { type: 'string', default: '0.1' },
    seeded: { type: 'boolean', default: false }, 'seed-cases': { type: 'string', default: '200000' }, baseline: { type: 'boolean', default: false },
  },
});
const N = Number(values.n);
const LATENCY_MESSAGES = Number(values.latency);
const ATTACHMENT_SHARE = Number(values.attachments);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function imapClient(url: string): Promise<ImapFlow> {
  const u = new URL(url);
  const client = new ImapFlow({ host: u.hostname, port: Number(u.port), secure: false, logger: false, auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } });
  await client.connect();
  return client;
}

async function prepareMailbox(): Promise<{ url: string; kind: string; close: () => Promise<void> }> {
  if (process.env.TEST_IMAP_HOST) {
    const url = `imap://foi16:${process.env.TEST_IMAP_PASSWORD ?? 'secret'}@${process.env.TEST_IMAP_HOST}:${process.env.TEST_IMAP_PORT ?? '10143'}/INBOX`;
    const client = await imapClient(url);
    for (const folder of await client.list()) {
      if (folder.path === 'INBOX') {
        await client.mailboxOpen('INBOX');
        if (client.mailbox && client.mailbox.exists) await client.messageDelete('1:*');
      } else await client.mailboxDelete(folder.path);
    }
    await client.logout();
    return { url, kind: 'Dovecot', close: async () => {} };
  }
  const server = await startInProcessImap();
  return { url: server.url, kind: 'in-process IMAP', close: server.close };
}

async function prepareDatabase(): Promise<{ env: Record<string, string>; kind: string; close: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'foi-bench-'));
    return { env: { FOI_DATA_DIR: dir }, kind: 'PGlite', close: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { default: postgres } = await import('postgres');
  const name = `bench_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() }, kind: 'PostgreSQL',
    close: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function measureLimit(url: string): Promise<{ seconds: number; texts: { subject: string; text: string }[] }> {
  const started = performance.now();
  const client = await imapClient(url);
  await client.mailboxOpen('INBOX');
  const texts: { subject: string; text: string }[] = [];
  for await (const message of client.fetch('1:*', { uid: true, source: true })) {
    const parsed = await simpleParser(message.source!);
    texts.push({ subject: parsed.subject ?? '', text: parsed.text ?? '' });
  }
  await client.logout();
  return { seconds: (performance.now() - started) / 1000, texts };
}

/** The analysis as the daemon runs it: settings and learned models loaded once, then every message. */
async function measureAnalysis(texts: { subject: string; text: string }[]): Promise<number> {
  const analyse = createAnalyser(defaultAnalysisSettings(), shippedAnalysisModels());
  const rounds = Math.max(1, Math.ceil(2000 / texts.length));
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) analyse({ subject: t.subject, text: t.text, from: { name: 'A Person', address: 'a@example.org' } });
  return (rounds * texts.length) / ((performance.now() - started) / 1000);
}

/** Waits until the SMTP server has accepted the acknowledgement of request number `index`. */
async function acknowledgementOf(smtp: SmtpSink, index: number, since: number): Promise<void> {
  const marker = `<bench-${index}-`; // in the acknowledgement's In-Reply-To (a subject may be folded)
  for (let seen = 0; performance.now() - since < 30_000; ) {
    for (; seen < smtp.received.length; seen++) {
      const head = smtp.received[seen]!.raw.subarray(0, 4096).toString('latin1');
      if (head.includes(marker) && /^Auto-Submitted: auto-replied/im.test(head)) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`no acknowledgement of request ${index} within 30 s`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** The daemon idling on the mailbox: each message APPENDed alone, timed until its acknowledgement is accepted. */
async function measureLatency(runtime: Runtime, url: string, smtp: SmtpSink, random: Random): Promise<number[]> {
  if (LATENCY_MESSAGES <= 0) return [];
  const stop = new AbortController();
  let passes = 0;
  const daemon = runDaemon(runtime, stop.signal, { pollCron: '0 0 1 1 *', reminderCron: '0 0 1 1 *', onPass: () => void (passes += 1) });
  while (passes === 0) await new Promise((r) => setTimeout(r, 20));
  const client = await imapClient(url);
  const latencies: number[] = [];
  for (let k = 0; k < LATENCY_MESSAGES; k++) {
    const started = performance.now();
    await client.append('INBOX', syntheticRequest(N + k, random, new Date()), [], new Date());
    await acknowledgementOf(smtp, N + k, started);
    latencies.push(performance.now() - started);
  }
  await client.logout();
  stop.abort();
  await daemon;
  return latencies;
}

/** `run --once` of this build or another (`cli`), failing the bench if it fails. */
async function timedRunOnce(env: Record<string, string>, cli?: string): Promise<TimedRun> {
  const run = await runOnceInChild(env, { cli });
  if (!run.report) throw new Error(`run --once exited with ${run.exitCode}`);
  return { cpuSeconds: run.cpuSeconds, machineCpuSeconds: run.machineCpuSeconds, report: run.report };
}

/** The backlog of N requests APPENDed to INBOX; the same generator state gives the same mail. */
async function appendBacklog(url: string, random: Random): Promise<number> {
  const seeding = await imapClient(url);
  let bytes = 0;
  const withPdf = (i: number) => ATTACHMENT_SHARE > 0 && i % Math.round(1 / ATTACHMENT_SHARE) === 0;
  for (let i = 0; i < N; i++) {
    // Received now: months-old requests would make the daemon phase send overdue reminders too.
    const when = new Date();
    const raw = withPdf(i) ? syntheticPdfRequest(i, random, when) : syntheticRequest(i, random, when);
    bytes += raw.length;
    await seeding.append('INBOX', raw, [], when);
  }
  await seeding.logout();
  return bytes;
}

async function main(): Promise<void> {
  const [mailbox, database, smtp] = await Promise.all([prepareMailbox(), prepareDatabase(), startSmtpSink({ parse: false })]);
  try {
    const random = seededRandom(20261128);
    const bytes = await appendBacklog(mailbox.url, random);
    say(`seeded ${N} messages (${(bytes / N / 1024).toFixed(1)} KB average, ${(ATTACHMENT_SHARE * 100).toFixed(0)} % with a 1–2 MB PDF) into ${mailbox.kind}; database ${database.kind}`);

    const limit = await measureLimit(mailbox.url);
    const env = {
      ...database.env, FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM: 'FOI Team <foi@example.gov.uk>',
      FOI_OFFICERS: 'officer@example.gov.uk', FOI_AUTHORITY_NAME: 'Benchmark Council',
      // The seeded mail predates the run: acknowledge it all, as the pass being measured does in production.
      FOI_ACKNOWLEDGE_SINCE: 'all',
    };
    // The real command in its own process, so its memory and CPU are its own, not this script's.
    const measured = await runOnceInChild(env);
    const { report } = measured;
    if (!report) throw new Error(`run --once exited with ${measured.exitCode}`);
    const passSeconds = (report.timings.mailboxMs + report.timings.deliveryMs) / 1000;
    const runtime = await openRuntime(loadConfig(env), pino({ level: 'silent' }), { autoIdleDelayMs: 50 });
    const latencies = await measureLatency(runtime, mailbox.url, smtp, random);
    await runtime.close();
    // The daemon phase also sends the reminders and digest it finds due at start-up, so only a
    // lower bound on the mail count is checked.
    if (report.mailbox?.opened !== N || smtp.received.length < 2 * (N + latencies.length)) {
      throw new Error(`expected ${N} cases and at least ${2 * (N + latencies.length)} messages sent, got ${report.mailbox?.opened} and ${smtp.received.length}`);
    }
    const analysisRate = await measureAnalysis(limit.texts);

    const row = (label: string, value: string) => say(`| ${label.padEnd(52)} | ${value.padStart(10)} |`);
    say(`| ${'measure'.padEnd(52)} | ${'value'.padStart(10)} |`);
    say(`|${'-'.repeat(54)}|${'-'.repeat(12)}|`);
    row('limit: bare IMAP fetch + mailparser (msg/s)', (N / limit.seconds).toFixed(0));
    row('foi-intake run --once, end to end (msg/s)', (N / passSeconds).toFixed(0));
    row('ratio foi-intake / limit', `${((N / passSeconds) / (N / limit.seconds) * 100).toFixed(1)} %`);
    row(`run --once pass for ${N} messages (s)`, passSeconds.toFixed(1));
    row('  the same with process start-up and migrations (s)', measured.wallSeconds.toFixed(1));
    row('  of which mailbox pass: commit + move (msg/s)', (N / (report.timings.mailboxMs / 1000)).toFixed(0));
    row('  of which last outbox pass (s)', (report.timings.deliveryMs / 1000).toFixed(1));
    row('  CPU time of the foi-intake process / its wall time', `${((measured.cpuSeconds / measured.wallSeconds) * 100).toFixed(0)} %`);
    row('peak RSS of the foi-intake process over the backlog (MB)', (measured.peakRssBytes / 1024 / 1024).toFixed(0));
    // On a machine this size everything shares the cores: what the run cost all processes bounds msg/s.
    const machineMs = (measured.machineCpuSeconds * 1000) / N;
    row('  CPU per message, foi-intake / whole machine (ms)', `${((measured.cpuSeconds * 1000) / N).toFixed(1)} / ${machineMs.toFixed(1)}`);
    row(`  msg/s the ${availableParallelism()} cores allow at the whole machine's cost`, ((availableParallelism() * 1000) / machineMs).toFixed(0));
    row('messages accepted by SMTP (acks, summaries, reminders)', String(smtp.received.length));
    row('analysis alone incl. topic model, one core (msg/s)', analysisRate.toFixed(0));
    if (latencies.length > 0) {
      row(`daemon latency APPEND → ack accepted, p50 (ms, n=${latencies.length})`, percentile(latencies, 0.5).toFixed(0));
      row('daemon latency APPEND → ack accepted, p95 (ms)', percentile(latencies, 0.95).toFixed(0));
    }
    const extras: ExtrasContext = {
      // Every row does the same work: the backlog acknowledged as the first row's is (without it a
      // build that knows FOI_ACKNOWLEDGE_SINCE would file the backlog as history and send no acknowledgement).
      n: N, env: { FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM: env.FOI_FROM, FOI_OFFICERS: env.FOI_OFFICERS, FOI_AUTHORITY_NAME: env.FOI_AUTHORITY_NAME, FOI_ACKNOWLEDGE_SINCE: env.FOI_ACKNOWLEDGE_SINCE },
      appendBacklog: async () => void (await appendBacklog(mailbox.url, seededRandom(20261128))), runOnce: timedRunOnce, row, emptyRate: N / passSeconds, emptyCpuSeconds: measured.cpuSeconds, emptyMachineCpuSeconds: measured.machineCpuSeconds,
    };
    if (values.seeded) await seededRows(extras, Number(values['seed-cases']));
    if (baselineCommit) await baselineRows(extras, baselineCommit);
  } finally {
    await Promise.all([mailbox.close(), database.close(), smtp.close()]);
  }
}

// `--hostile`: the hostile corpus and generated attacks instead (scripts/bench/hostile.ts).
await (values.hostile ? runHostileBench({ prepareMailbox, prepareDatabase, imapClient, say }) : main());
