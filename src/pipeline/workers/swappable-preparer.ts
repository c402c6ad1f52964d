// A prepare pool that can be replaced while mail is being read: when an admin activates another
// version of the models, new messages go to a new pool whose workers load it, and the old pool is
// closed once the messages it holds are prepared (closing it at once would fail them).
import type { Preparer } from '../process-message.js';
import type { PreparePool } from './prepare-pool.js';

export interface SwappablePreparer {
  prepare: Preparer;
  /** The current pool's `ready`. */
  ready(): Promise<void>;
  swap(next: PreparePool): void;
  close(): Promise<void>;
}

export function swappablePreparer(first: PreparePool): SwappablePreparer {
  let current = first;
  const busy = new Map<PreparePool, number>([[first, 0]]);
  const retiring = new Set<PreparePool>();
  const settle = (pool: PreparePool) => {
    const left = (busy.get(pool) ?? 1) - 1;
    busy.set(pool, left);
    if (left === 0 && retiring.has(pool)) retire(pool);
  };
  const retire = (pool: PreparePool) => {
    retiring.delete(pool);
    busy.delete(pool);
    void pool.close();
  };
  return {
    async prepare(job) {
      const pool = current;
      busy.set(pool, (busy.get(pool) ?? 0) + 1);
      try {
        return await pool.prepare(job);
      } finally {
        settle(pool);
      }
    },
    ready: () => current.ready(),
    swap(next) {
      const old = current;
      current = next;
      busy.set(next, 0);
      if ((busy.get(old) ?? 0) === 0) retire(old);
      else retiring.add(old);
    },
    async close() {
      await Promise.all([current, ...retiring].map((pool) => pool.close()));
    },
  };
}
