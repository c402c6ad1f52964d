// Keeps this process's lease on a mailbox fresh while it works, so that a second daemon stands
// by, and takes over within the lease time when this one dies (a killed process renews nothing).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LeaseStore } from '../adapters/db/mailbox-state-store.js';


export interface MailboxLease {
  readonly holder: string;
  /** Tries to take (or keep) the lease; true while this process holds it. */
  acquire(): Promise<boolean>;
  /** Renews in the background; `onAcquired` runs when a standby becomes the holder. */
  keepAlive(onAcquired: () => void, onError: (error: unknown) => void): void;
  release(): Promise<void>;
}

/** Names this process in the lease (host, pid and a random part). */
export function instanceId(role: string): string {
  return `${role}:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** The lease lasts `leaseMs` (FOI_LEASE_SECONDS) and is renewed three times as often. */
export function createMailboxLease(store: LeaseStore, mailbox: string, role: string, leaseMs: number): MailboxLease {
  const holder = instanceId(role);
  const renewEveryMs = Math.max(500, leaseMs / 3);
  let timer: NodeJS.Timeout | null = null;
  let held = false;
  const acquire = async () => (held = await store.acquire(mailbox, holder, leaseMs));
  return {
    holder,
    acquire,
    keepAlive(onAcquired, onError) {
      timer = setInterval(() => {
        const before = held;
        acquire().then((now) => (now && !before ? onAcquired() : undefined), onError);
      }, renewEveryMs);
      timer.unref();
    },
    async release() {
      if (timer) clearInterval(timer);
      if (held) await store.release(mailbox, holder);
      held = false;
    },
  };
}
