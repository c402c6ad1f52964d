// A PostgreSQL cluster of the test's own (initdb and pg_ctl, run as processes), for tests that stop
// and start the server: the shared PostgreSQL other test files use must never be restarted.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './cli.js';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** DATABASE_URL of the cluster's `foi` database. */
  url: string;
  /** `immediate` is a crash (no checkpoint, recovery on the next start); `fast` a clean shutdown. */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** Starts again on the same port, so that clients holding the URL find it. */
  start(): Promise<void>;
  /** Stops the cluster whatever its state and removes its folder. */
  destroy(): Promise<void>;
  /** The server's own log, for a failure message. */
  log(): string;
}

interface Binaries {
  initdb: string;
  pgCtl: string;
  /** Prefix that runs a command as the `postgres` OS user: initdb refuses to run as root. */
  asPostgres: string[];
  owner: { uid: number; gid: number } | null;
}

const BIN_DIRS = ['/usr/local/bin', '/usr/bin', ...postgresVersionDirs()];

function postgresVersionDirs(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql').sort().reverse().map((version) => `/usr/lib/postgresql/${version}/bin`);
  } catch {
    return [];
  }
}

function findBinary(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...BIN_DIRS];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path)) ?? null;
}

function postgresUser(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

function locateBinaries(): Binaries | string {
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  if (!initdb || !pgCtl) return 'initdb and pg_ctl (PostgreSQL server binaries) are not installed';
  if (process.getuid?.() !== 0) return { initdb, pgCtl, asPostgres: [], owner: null };
  const runuser = findBinary('runuser');
  const owner = postgresUser();
  if (!runuser || !owner) return 'running as root, and initdb needs runuser and a postgres OS user to drop to';
  return { initdb, pgCtl, asPostgres: [runuser, '-u', 'postgres', '--'], owner };
}

const located = locateBinaries();

/** Why a private cluster cannot be started here, or null when it can. */
export const privatePostgresUnavailable: string | null = typeof located === 'string' ? located : null;

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (typeof located === 'string') throw new Error(located);
  const bin = located;
  const dir = mkdtempSync(join(tmpdir(), 'foi-private-pg-'));
  if (bin.owner) chownSync(dir, bin.owner.uid, bin.owner.gid);
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const exec = (file: string, args: string[]) => {
    const [command, ...prefix] = [...bin.asPostgres, file];
    return run(command!, [...prefix, ...args], { timeout: 60_000 });
  };
  let port = 0;
  const start = () => exec(bin.pgCtl, [
    'start', '-D', dataDir, '-l', logFile, '-w', '-t', '30',
    // fsync off: a test cluster need not survive the machine crashing, only the server.
    '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='${dir}' -c fsync=off`,
  ]);
  const destroy = async () => {
    await exec(bin.pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await exec(bin.initdb, ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // Another process may take the free port between the check and the bind: try a few.
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        await start();
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
    const { default: postgres } = await import('postgres');
    const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database foi');
    await admin.end();
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    await destroy();
    throw new Error(`private PostgreSQL did not start: ${String(error)}\n${log}`, { cause: error });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/foi`,
    stop: async (mode) => void (await exec(bin.pgCtl, ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '30'])),
    start: async () => void (await start()),
    destroy,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}
