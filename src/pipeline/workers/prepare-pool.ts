// The daemon's Preparer: each message parsed and analysed in a worker thread under a hard deadline.
// A worker stopped at the deadline, or one that dies (out of memory), fails that message with a
// typed error (PrepareTimeoutError, PrepareCrashedError); how often that may happen before the
// message is held is the caller's decision, not the pool's.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError, PrepareCrashedError, PrepareTimeoutError } from '../../errors.js';
import { packageRoot } from '../../paths.js';
import type { Preparer, PreparedOutcome } from '../process-message.js';
import { jobToWire, outcomeFromWire, type PrepareWorkerData } from './prepare-wire.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

export interface PreparePoolOptions extends PrepareWorkerData {
  workers: number;
  timeoutMs: number;
}

export interface PreparePool {
  prepare: Preparer;
  /** Resolves once a worker has loaded its models (worker-pool.ts `ready`). */
  ready(): Promise<void>;
  /** Workers started so far, replacements for terminated ones included. */
  readonly started: number;
  close(): Promise<void>;
}

/**
 * Each worker's heap is capped: a message that needs more crashes its worker (and is reported as
 * crashed), never the process. Attachment readers count inflated bytes themselves, since buffers
 * outside the heap are not bounded by this. The young generation is held to 16 MB (8 MB
 * semi-spaces): at 32 it kept 16 MB more resident for no measurable saving in collection time, and
 * the buffers a parse leaves behind are freed by the more frequent scavenges sooner.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16, stackSizeMb: 8 };

export function createPreparePool(options: PreparePoolOptions): PreparePool {
  const pool: WorkerPool<unknown, PreparedOutcome> = createWorkerPool({
    script: preparerScript(),
    size: options.workers,
    timeoutMs: options.timeoutMs,
    workerData: { analysisConfigPath: options.analysisConfigPath, models: options.models } satisfies PrepareWorkerData,
    resourceLimits: RESOURCE_LIMITS,
  });
  return {
    async prepare(job) {
      const { wire, transfer } = jobToWire(job);
      const uid = job.fetched.uid;
      const outcome = await pool.run(wire, {
        transfer,
        fail: (failure) => (failure.kind === 'timeout' ? new PrepareTimeoutError(uid, failure.timeoutMs) : new PrepareCrashedError(uid, failure.reason)),
      });
      return outcomeFromWire(outcome);
    },
    ready: () => pool.ready(),
    get started() {
      return pool.started;
    },
    close: () => pool.close(),
  };
}

/**
 * The worker runs compiled JavaScript: next to this module once built (dist/), or, when this
 * module is the TypeScript source (the tests), the build's copy — `npm test` builds first.
 */
function preparerScript(): URL {
  if (import.meta.url.endsWith('.js')) return new URL('./prepare-worker.js', import.meta.url);
  const built = join(packageRoot, 'dist', 'src', 'pipeline', 'workers', 'prepare-worker.js');
  if (!existsSync(built)) throw new AppError('config.invalid', `the prepare worker is not built (${built}): run npm run build`);
  return pathToFileURL(built);
}
