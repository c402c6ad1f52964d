// Runs the built `foi-intake` command as a child process, the way operators run it.
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const CLI = join(packageRoot, 'dist', 'src', 'main.js');

/** A clean environment: only what the test gives, so the developer's own settings never leak in. */
export function cliEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  // Every message acknowledged unless the test sets a cutoff (test mail predates the first pass).
  return { PATH: process.env.PATH, HOME: process.env.HOME, FOI_LOG_LEVEL: 'warn', FOI_ACKNOWLEDGE_SINCE: 'all', ...extra };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

export function jsonLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A loopback port nothing listens on now: bound by the system, then let go for the daemon to take. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface WatchedDaemon {
  /** The child's process id (to look at what it listens on). */
  pid: number | undefined;
  /** Its stdout so far: pino JSON lines. */
  logs(): string;
  stderr(): string;
  /** Resolves once the log holds `text`; fails at once, with the daemon's stderr, if it exits first. */
  waitForLog(text: string, timeoutMs?: number): Promise<void>;
  /** SIGTERM, as an operator or a container runtime stops it; resolves to the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** `foi-intake run` as a child whose logs the test reads; a daemon that dies fails the test, never hangs it. */
export function watchDaemon(env: NodeJS.ProcessEnv): WatchedDaemon {
  const child = spawn(process.execPath, [CLI, 'run'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const check of waiters) check();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => {
    exitCode = code;
    for (const check of waiters) check();
    resolve(code);
  }));
  const died = () => new Error(`the daemon exited (code ${exitCode}) before it was asked to; stderr: ${stderr.slice(0, 2000)}`);
  return {
    pid: child.pid,
    logs: () => stdout,
    stderr: () => stderr,
    waitForLog: (text, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no "${text}" in the daemon's log within ${timeoutMs} ms; stderr: ${stderr.slice(0, 2000)}`)), timeoutMs);
        const finish = (error?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (stdout.includes(text)) finish();
          else if (exitCode !== undefined) finish(died());
        };
        waiters.add(check);
        check();
      }),
    async stop(timeoutMs = 30_000) {
      if (exitCode === undefined) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`the daemon did not exit within ${timeoutMs} ms of SIGTERM`));
        }, timeoutMs);
      });
      return Promise.race([exited, late]).finally(() => clearTimeout(timer));
    },
  };
}
