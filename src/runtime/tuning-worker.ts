// The worker thread's side of the tuning workers: trains or scores one job at a time and posts the plain
// result back. The admins' analysis settings are read from their file for each job (compiled phrases
// cannot cross threads, and an admin may have changed the file since the last job).
import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalysisSettings } from '../config/analysis-settings.js';
import { describeError } from '../errors.js';
import type { WorkerReply } from '../pipeline/workers/worker-pool.js';
import { runTuningJob, type TuningJob } from './tuning-compute.js';

const init = workerData as { analysisConfigPath: string | null };

parentPort!.on('message', (job: TuningJob) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, result: runTuningJob(loadAnalysisSettings(init.analysisConfigPath), job) };
  } catch (error) {
    reply = { ok: false, error: describeError(error) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
