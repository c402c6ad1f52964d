// The console's TuningRunner: training a candidate (seconds) and scoring a version on the evaluation set
// run in worker threads, so that the console keeps answering every officer (and /healthz) meanwhile.
// Built on the same worker pool as the intake's prepare workers, with its own workers and deadline.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors.js';
import { packageRoot } from '../paths.js';
import { createWorkerPool } from '../pipeline/workers/worker-pool.js';
import type { TuningJob, TuningRunner } from './tuning-compute.js';

export interface TuningWorkers extends TuningRunner {
  close(): Promise<void>;
}

// Training grows with the authority's corrections; the deadline only stops a runaway job.
const TIMEOUT_MS = 15 * 60_000;

/**
 * Two workers: a training and a page's first scoring of a version can run side by side (one training at
 * a time is the console's rule, not the pool's). They start on first use and hold nothing between jobs.
 */
export function createTuningWorkers(analysisConfigPath: string | null): TuningWorkers {
  const pool = createWorkerPool<TuningJob, unknown>({ script: tuningScript(), size: 2, timeoutMs: TIMEOUT_MS, workerData: { analysisConfigPath } });
  return {
    run: (job) => pool.run(job, {
      fail: (failure) => new AppError('analyse.tuning_failed', failure.kind === 'timeout'
        ? `${job.kind} did not finish within ${failure.timeoutMs / 1000} s` : `${job.kind} failed: ${failure.reason}`),
    }) as never,
    close: () => pool.close(),
  };
}

/** Compiled JavaScript, as for the prepare workers: next to this module once built, else the build's copy (the tests build first). */
function tuningScript(): URL {
  if (import.meta.url.endsWith('.js')) return new URL('./tuning-worker.js', import.meta.url);
  const built = join(packageRoot, 'dist', 'src', 'runtime', 'tuning-worker.js');
  if (!existsSync(built)) throw new AppError('config.invalid', `the tuning worker is not built (${built}): run npm run build`);
  return pathToFileURL(built);
}
