// A few worker threads that each run one task at a time under a hard deadline. A task past its
// deadline has its worker terminated (V8 stops it mid-instruction, even inside a synchronous loop
// or a pdf.js page) and a fresh worker takes its place; so does a worker that dies. The main
// thread only queues and waits: its event loop (lease renewal, IDLE, /healthz) never stalls.
import { Worker, type ResourceLimits } from 'node:worker_threads';

export interface WorkerPoolOptions {
  /** The worker's entry module (compiled JavaScript). */
  script: URL;
  size: number;
  /** Hard deadline per task, counted from when a worker takes it (not while it waits in the queue). */
  timeoutMs: number;
  /** Given to every worker at start-up (e.g. the models it loads once). */
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
}

/** What the caller makes of a task that did not finish: `crashed` says why the worker stopped. */
export type TaskFailure = { kind: 'timeout'; timeoutMs: number } | { kind: 'crashed'; reason: string };

export interface WorkerPool<Task, Result> {
  /** Runs `task` in a worker; `transfer` lists buffers handed over (not copied); `fail` builds the error for a timeout or crash. */
  run(task: Task, options: { transfer?: ArrayBuffer[]; fail: (failure: TaskFailure) => Error }): Promise<Result>;
  /**
   * Starts the workers if none runs, and resolves once one has loaded what it needs (or every one
   * died while starting: then `run` fails as it would have).
   */
  ready(): Promise<void>;
  /** Workers started so far, replacements included (tests observe a terminated worker's replacement). */
  readonly started: number;
  close(): Promise<void>;
}

interface Job {
  task: unknown;
  transfer: ArrayBuffer[];
  fail: (failure: TaskFailure) => Error;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Set when the worker says it has loaded what it needs: its start-up does not count against a task's deadline. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** Messages from a worker: a task's result, or the error it threw (as text: errors do not cross threads whole). */
export type WorkerReply = { ok: true; result: unknown } | { ok: false; error: string } | { ready: true };

export function createWorkerPool<Task, Result>(options: WorkerPoolOptions): WorkerPool<Task, Result> {
  const queue: Job[] = [];
  const slots = new Set<Slot>();
  let started = 0;
  let closed = false;
  const readyWaiters: (() => void)[] = [];
  const wakeReadyWaiters = () => {
    for (const wake of readyWaiters.splice(0)) wake();
  };

  const spawn = (): Slot => {
    started += 1;
    const worker = new Worker(options.script, { workerData: options.workerData, resourceLimits: options.resourceLimits });
    // An idle worker must not keep a finished `run --once` alive.
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        wakeReadyWaiters();
        return next(slot);
      }
      const job = settle(slot);
      if (!job) return;
      if (reply.ok) job.resolve(reply.result);
      else job.reject(job.fail({ kind: 'crashed', reason: `it threw: ${reply.error}` }));
      next(slot);
    });
    worker.on('error', (error: Error & { code?: string }) => replace(slot, { kind: 'crashed', reason: crashReason(error) }));
    worker.on('exit', (code) => replace(slot, { kind: 'crashed', reason: `exited with code ${code}` }));
    slots.add(slot);
    return slot;
  };

  /** Takes the slot's job off it (and its timer); null when it had none. */
  const settle = (slot: Slot): Job | null => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    return job;
  };

  /** The worker is gone or going: its task fails, and a new worker serves the queue. */
  const replace = (slot: Slot, failure: TaskFailure) => {
    if (!slots.delete(slot)) return;
    const job = settle(slot);
    slot.worker.removeAllListeners();
    // Keep listening for late errors from a terminating worker, so none goes unhandled.
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    job?.reject(job.fail(failure));
    if (closed) return;
    if (slot.ready) return next(spawn());
    // A worker that dies while starting would die again: what waits fails, rather than respawning in a loop.
    if (slots.size === 0) {
      for (const waiting of queue.splice(0)) waiting.reject(waiting.fail(failure));
      wakeReadyWaiters();
    }
  };

  const next = (slot: Slot) => {
    if (closed || !slot.ready || slot.job || !slots.has(slot)) return;
    const job = queue.shift();
    if (!job) return;
    slot.job = job;
    slot.timer = setTimeout(() => replace(slot, { kind: 'timeout', timeoutMs: options.timeoutMs }), options.timeoutMs);
    slot.worker.postMessage(job.task, job.transfer);
  };

  return {
    get started() {
      return started;
    },
    ready() {
      if (closed) return Promise.resolve();
      if (slots.size === 0) for (let i = 0; i < options.size; i++) spawn();
      if ([...slots].some((slot) => slot.ready)) return Promise.resolve();
      return new Promise<void>((resolve) => readyWaiters.push(resolve));
    },
    run(task, { transfer = [], fail }) {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      if (slots.size === 0) for (let i = 0; i < options.size; i++) spawn();
      return new Promise<Result>((resolve, reject) => {
        queue.push({ task, transfer, fail, resolve: resolve as (value: unknown) => void, reject });
        const idle = [...slots].find((slot) => slot.ready && !slot.job);
        if (idle) next(idle);
      });
    },
    async close() {
      closed = true;
      wakeReadyWaiters();
      const closing = [...slots];
      slots.clear();
      for (const job of queue.splice(0)) job.reject(new Error('the worker pool is closed'));
      await Promise.all(closing.map(async (slot) => {
        settle(slot)?.reject(new Error('the worker pool is closed'));
        slot.worker.removeAllListeners();
        slot.worker.on('error', () => undefined);
        await slot.worker.terminate();
      }));
    },
  };
}

function crashReason(error: Error & { code?: string }): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'out of memory';
  return error.message.split('\n')[0] ?? 'unknown error';
}
