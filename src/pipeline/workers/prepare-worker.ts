// The worker thread's side of the prepare pool: loads the analysis settings and the models
// once, then parses, screens, analyses and plans one message at a time. It stores and sends
// nothing; the main thread commits what it returns.
import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalysisSettings } from '../../config/analysis-settings.js';
import { describeError } from '../../errors.js';
import { stallPoint } from '../../fault-injection.js';
import { createAnalyser } from '../analyse/create-analyser.js';
import { restoreAnalysisModels } from '../analyse/analysis-models.js';
import { restoreTopicModel } from '../analyse/topic-model.js';
import { loadMailParser } from '../parse/parse-mail.js';
import { prepareOnThisThread, type PrepareJob } from '../process-message.js';
import type { WorkerReply } from './worker-pool.js';
import { fromWire, type PrepareWorkerData, type WireJob } from './prepare-wire.js';

const init = workerData as PrepareWorkerData;
// Compiled admin phrases (RE2) and trained models cannot cross threads: each worker builds its own.
const models = init.models === null ? undefined
  : init.models.format === 'analysis' ? restoreAnalysisModels(init.models.json) : restoreTopicModel(init.models.json);
const analyse = createAnalyser(loadAnalysisSettings(init.analysisConfigPath), models);
const prepare = prepareOnThisThread(analyse);

parentPort!.on('message', (wire: WireJob) => {
  void handle(fromWire(wire)).then((reply) => parentPort!.postMessage(reply));
});
// One short analysis first, and the mail parser loaded, so that what loads on first use (compiled
// patterns, the model's tables, the parser's modules) is not counted against the first message's
// deadline; then the pool may send work.
analyse({ subject: 'Request', text: 'How many potholes were repaired in 2025?', from: null });
await loadMailParser();
parentPort!.postMessage({ ready: true } satisfies WorkerReply);

async function handle(job: PrepareJob): Promise<WorkerReply> {
  stallPoint('prepare-hang');
  try {
    return { ok: true, result: await prepare(job) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}
