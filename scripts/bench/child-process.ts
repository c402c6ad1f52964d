// `foi-intake run --once` as a child process, measured from /proc while it runs: its peak RSS
// (VmHWM, worker threads included, plus any processes it starts) and its CPU time.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunOnceReport } from '../../src/jobs/run-once.js';

export interface ChildRun {
  /** The report `run --once` prints; null when it failed (see `exitCode`). */
  report: RunOnceReport | null;
  exitCode: number | null;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  /**
   * CPU time the whole machine spent while it ran (every process: foi-intake, PostgreSQL, the IMAP
   * server, the bench's SMTP server, anything else running), from /proc/stat.
   */
  machineCpuSeconds: number;
}

const CLI = fileURLToPath(new URL('../../src/main.js', import.meta.url));
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface ChildOptions {
  /** Another build's CLI (the bench's baseline); default this build's. */
  cli?: string;
  /** FOI_LOG_LEVEL of the child (default warn); its log lines (stderr) go to `onLogLine` when given, else to ours. */
  logLevel?: string;
  onLogLine?: (line: string) => void;
}

export async function runOnceInChild(env: Record<string, string>, options: ChildOptions = {}): Promise<ChildRun> {
  const started = performance.now();
  const machineBefore = machineBusySeconds();
  // BENCH_NODE_FLAGS (e.g. --cpu-prof) go to the measured process only.
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, options.cli ?? CLI, 'run', '--once'], {
    env: { ...env, PATH: process.env.PATH ?? '', NODE_OPTIONS: process.env.NODE_OPTIONS ?? '', FOI_LOG_LEVEL: options.logLevel ?? 'warn' },
    stdio: ['ignore', 'pipe', options.onLogLine ? 'pipe' : 'inherit'],
  });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  if (options.onLogLine) {
    let pending = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop()!;
      for (const line of lines) options.onLogLine!(line);
    });
  }
  let peakRssBytes = 0;
  let cpuSeconds = 0;
  const sample = () => {
    const usage = readProcUsage(child.pid!);
    if (!usage) return;
    peakRssBytes = Math.max(peakRssBytes, usage.peakRssBytes);
    cpuSeconds = usage.cpuSeconds;
  };
  const sampler = setInterval(sample, 50);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const machineCpuSeconds = machineBusySeconds() - machineBefore;
  const last = stdout.trim().split('\n').pop();
  const report = exitCode === 0 && last ? (JSON.parse(last) as RunOnceReport) : null;
  return { report, exitCode, wallSeconds: (performance.now() - started) / 1000, cpuSeconds, peakRssBytes, machineCpuSeconds };
}

/** Busy time of all cores so far: everything but idle and I/O wait (man 5 proc, /proc/stat `cpu`). */
function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
}

/** The process's own figures plus those of the processes it started (a worker thread is part of its process). */
function readProcUsage(pid: number): { peakRssBytes: number; cpuSeconds: number } | null {
  let status: string;
  let stat: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // the process has just exited: the previous sample stands
  }
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
  // Fields after the command name: utime and stime are the 12th and 13th (man 5 proc).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = { peakRssBytes: hwm ? Number(hwm[1]) * 1024 : 0, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND };
  for (const child of childrenOf(pid)) {
    const usage = readProcUsage(child);
    if (!usage) continue;
    own.peakRssBytes += usage.peakRssBytes;
    own.cpuSeconds += usage.cpuSeconds;
  }
  return own;
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}
