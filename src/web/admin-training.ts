// One candidate trains at a time, in the background: the admin who asks is sent to a progress page, and
// a second request while one runs is told so rather than starting another (training is seconds of CPU in
// a worker thread, and two at once would only race to store near-identical versions).
import type { Logger } from '../logger.js';

export type TrainingState =
  | { kind: 'idle' }
  | { kind: 'running'; by: string; startedAt: Date }
  | { kind: 'trained'; by: string; version: number }
  | { kind: 'failed'; by: string; message: string };

export interface CandidateTraining {
  readonly state: TrainingState;
  /** Starts `train` unless a training is running (then false, and nothing starts). */
  start(by: string, startedAt: Date, train: () => Promise<number>): boolean;
  /** Resolves when the running training, if any, has settled (the console waits for it on close). */
  settled(): Promise<void>;
}

export function createCandidateTraining(log: Logger): CandidateTraining {
  let state: TrainingState = { kind: 'idle' };
  let running: Promise<void> = Promise.resolve();
  return {
    get state() {
      return state;
    },
    start(by, startedAt, train) {
      if (state.kind === 'running') return false;
      state = { kind: 'running', by, startedAt };
      running = train().then(
        (version) => { state = { kind: 'trained', by, version }; },
        (error: unknown) => {
          // Not the admin's mistake: logged for the operator, and the progress page says it failed.
          log.error({ err: error }, 'candidate training failed');
          state = { kind: 'failed', by, message: error instanceof Error ? error.message : String(error) };
        },
      );
      return true;
    },
    settled: () => running,
  };
}
