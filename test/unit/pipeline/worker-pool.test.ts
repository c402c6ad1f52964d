// A deadline or a worker's death fails only the task the worker was running (it counts as one
// preparation attempt of that message); a task waiting behind it runs whole on the next worker.
// Pinned here because keeping a second task in each worker (to hide the main thread's delay in
// posting the next one) is the obvious next optimisation, and must not blur this.
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, type TaskFailure, type WorkerPool } from '../../../src/pipeline/workers/worker-pool.js';

interface Task { id: string; mode?: 'hang' | 'exit'; ms?: number; bytes?: Uint8Array }
interface Done { id: string; bytes: number | null }

const pools: WorkerPool<Task, Done>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(timeoutMs: number): WorkerPool<Task, Done> {
  const created = createWorkerPool<Task, Done>({ script: new URL('../../harness/echo-worker.mjs', import.meta.url), size: 1, timeoutMs });
  pools.push(created);
  return created;
}

const failed = (failure: TaskFailure) => new Error(failure.kind);
const outcome = (p: Promise<Done>) => p.then((done) => `done ${done.id} ${done.bytes}`, (error: Error) => `failed ${error.message}`);

describe('the worker pool', () => {
  it('fails only the task past its deadline; the one queued behind it runs on the new worker with its bytes', async () => {
    const workers = pool(400);
    const hung = workers.run({ id: 'a', mode: 'hang' }, { fail: failed });
    const bytes = new Uint8Array(1000);
    const queued = workers.run({ id: 'b', bytes }, { transfer: [bytes.buffer], fail: failed });
    expect(await Promise.all([outcome(hung), outcome(queued)])).toEqual(['failed timeout', 'done b 1000']);
    expect(workers.started).toBe(2);
  });

  it('fails only the task a dying worker was running, not the one it had answered nor the one behind it', async () => {
    const workers = pool(20_000);
    const runs = [workers.run({ id: 'a', ms: 50 }, { fail: failed }), workers.run({ id: 'b', mode: 'exit' }, { fail: failed }), workers.run({ id: 'c' }, { fail: failed })];
    expect(await Promise.all(runs.map(outcome))).toEqual(['done a null', 'failed crashed', 'done c null']);
    expect(workers.started).toBe(2);
  });

  it("starts a queued task's deadline only when the task before it is answered", async () => {
    const workers = pool(300);
    const runs = [workers.run({ id: 'a', ms: 200 }, { fail: failed }), workers.run({ id: 'b', ms: 200 }, { fail: failed })];
    expect(await Promise.all(runs.map(outcome))).toEqual(['done a null', 'done b null']);
  });
});
