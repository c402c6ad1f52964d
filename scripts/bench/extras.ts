// Opt-in bench rows (CI runs neither): `--seeded` runs the same backlog end to end on a copy of a
// 200,000-case database, `--baseline [COMMIT]` runs it with an earlier build, both in the same run
// as today's rows so the machine's load is the same for all of them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { openDatabase } from '../../src/adapters/db/database.js';
import { seededMarker } from '../seed/history-plan.js';

export interface TimedRun {
  /** CPU seconds of the whole `run --once` process: on a shared machine, steadier than wall time. */
  cpuSeconds: number;
  /** CPU seconds of every process on the machine while it ran (foi-intake, PostgreSQL, the mail servers). */
  machineCpuSeconds: number;
  report: { mailbox?: { opened: number } | null; timings: { mailboxMs: number; deliveryMs: number } };
}

export interface ExtrasContext {
  n: number;
  /** The mailbox and SMTP settings of the measured runs, without a database. */
  env: Record<string, string>;
  /** Puts the same backlog (same texts) into the now empty INBOX again. */
  appendBacklog(): Promise<void>;
  runOnce(env: Record<string, string>, cli?: string): Promise<TimedRun>;
  row(label: string, value: string): void;
  /** Today's build on an empty database, measured earlier in this run: end to end msg/s, CPU seconds. */
  emptyRate: number;
  emptyCpuSeconds: number;
  emptyMachineCpuSeconds: number;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SEEDER = fileURLToPath(new URL('../seed-history.js', import.meta.url));
const SEED = 1;

export const rateOf = (run: TimedRun, n: number) => n / ((run.report.timings.mailboxMs + run.report.timings.deliveryMs) / 1000);

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function exitOf(command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<void> {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', process.stderr, process.stderr] });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

/**
 * The seeded history is made once per server and size (database `foi_bench_seeded_<cases>`) and
 * reused while its marker says the seeding finished; it is migrated to today's schema, then each
 * run works on a copy (CREATE DATABASE … TEMPLATE), so every run starts from the same history.
 */
async function seededCopy(adminUrl: string, cases: number): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = `foi_bench_seeded_${cases}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
    let marked = false;
    if (exists) {
      const probe = postgres(databaseUrl(adminUrl, template), { max: 1, onnotice: () => {} });
      const [row] = await probe`select obj_description(to_regclass('cases'), 'pg_class') as marker`;
      await probe.end();
      marked = row?.marker === seededMarker(cases, SEED);
    }
    if (!marked) {
      process.stderr.write(`seeding ${template} (once; later runs reuse it)\n`);
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.unsafe(`create database ${template}`);
      await exitOf(process.execPath, [SEEDER, '--cases', String(cases), '--seed', String(SEED)], { ...process.env, DATABASE_URL: databaseUrl(adminUrl, template) });
    }
    const database = await openDatabase({ databaseUrl: databaseUrl(adminUrl, template), dataDir: '' });
    await database.migrate();
    await database.close();
    const copy = `bench_seeded_${process.pid}`;
    await admin.unsafe(`create database ${copy} template ${template}`);
    return { url: databaseUrl(adminUrl, copy), drop: () => dropDatabase(adminUrl, copy) };
  } finally {
    await admin.end();
  }
}

async function onServer(adminUrl: string, statement: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}

const dropDatabase = (adminUrl: string, name: string) => onServer(adminUrl, `drop database if exists ${name} with (force)`);

export async function seededRows(context: ExtrasContext, cases: number): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    context.row('seeded database: skipped (needs DATABASE_URL, PostgreSQL)', '-');
    return;
  }
  const started = performance.now();
  const copy = await seededCopy(adminUrl, cases);
  const prepareSeconds = (performance.now() - started) / 1000;
  try {
    await context.appendBacklog();
    const run = await context.runOnce({ ...context.env, DATABASE_URL: copy.url });
    if (run.report.mailbox?.opened !== context.n) throw new Error(`seeded run opened ${run.report.mailbox?.opened} of ${context.n} cases`);
    const seededRate = rateOf(run, context.n);
    const cpuMs = (seconds: number) => ((seconds * 1000) / context.n).toFixed(1);
    context.row(`end to end on an empty database (msg/s)`, context.emptyRate.toFixed(1));
    context.row(`end to end on a ${cases.toLocaleString('en-GB')}-case database (msg/s)`, seededRate.toFixed(1));
    context.row('  ratio seeded / empty (throughput)', `${((seededRate / context.emptyRate) * 100).toFixed(1)} %`);
    context.row('  cost per message, seeded vs empty (wall)', `${(((context.emptyRate / seededRate) - 1) * 100).toFixed(1)} %`);
    context.row('  CPU per message incl. start-up, empty / seeded (ms)', `${cpuMs(context.emptyCpuSeconds)} / ${cpuMs(run.cpuSeconds)}`);
    context.row('  whole machine CPU per message, empty / seeded (ms)', `${cpuMs(context.emptyMachineCpuSeconds)} / ${cpuMs(run.machineCpuSeconds)}`);
    context.row('  seeded database: made or reused, migrated, copied (s)', prepareSeconds.toFixed(1));
  } finally {
    await copy.drop();
  }
}

/** The baseline's build, made once in a cache directory (a git worktree of this repository). */
function baselineBuild(commit: string): string {
  const cache = process.env.BENCH_CACHE_DIR ?? join(homedir(), '.cache', 'foi-intake-bench');
  const dir = join(cache, `baseline-${commit}`);
  const cli = join(dir, 'dist', 'src', 'main.js');
  if (existsSync(cli)) return cli;
  mkdirSync(cache, { recursive: true });
  const run = (command: string, args: string[], cwd: string) => {
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', process.stderr, process.stderr] });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
  };
  process.stderr.write(`building baseline ${commit} in ${dir} (once; later runs reuse it)\n`);
  if (existsSync(dir)) {
    spawnSync('git', ['worktree', 'remove', '--force', dir], { cwd: PACKAGE_ROOT });
    rmSync(dir, { recursive: true, force: true });
  }
  spawnSync('git', ['worktree', 'prune'], { cwd: PACKAGE_ROOT });
  run('git', ['worktree', 'add', '--detach', dir, commit], PACKAGE_ROOT);
  run('npm', ['ci', '--no-audit', '--no-fund'], dir); // `prepare` builds dist/
  if (!existsSync(cli)) run('npm', ['run', 'build'], dir);
  return cli;
}

export async function baselineRows(context: ExtrasContext, commit: string): Promise<void> {
  const cli = baselineBuild(commit);
  const adminUrl = process.env.DATABASE_URL;
  const name = `bench_baseline_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'foi-bench-baseline-'));
  if (adminUrl) await onServer(adminUrl, `create database ${name}`);
  try {
    await context.appendBacklog();
    const database: Record<string, string> = adminUrl ? { DATABASE_URL: databaseUrl(adminUrl, name) } : { FOI_DATA_DIR: dataDir };
    const run = await context.runOnce({ ...context.env, ...database }, cli);
    const rate = rateOf(run, context.n);
    context.row(`baseline ${commit} run --once, end to end (msg/s)`, rate.toFixed(1));
    context.row('  this build / baseline (throughput)', `${(context.emptyRate / rate).toFixed(2)} ×`);
    const cpuMs = (seconds: number) => ((seconds * 1000) / context.n).toFixed(1);
    context.row('  CPU per message incl. start-up, this build / baseline (ms)', `${cpuMs(context.emptyCpuSeconds)} / ${cpuMs(run.cpuSeconds)}`);
    context.row('  whole machine CPU per message, this build / baseline (ms)', `${cpuMs(context.emptyMachineCpuSeconds)} / ${cpuMs(run.machineCpuSeconds)}`);
  } finally {
    if (adminUrl) await dropDatabase(adminUrl, name);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
