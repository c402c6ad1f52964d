import { availableParallelism } from 'node:os';

/**
 * One core stays with the main thread (IMAP, database, SMTP, the lease and /healthz); the rest
 * parse and analyse, up to four (each worker holds its own copy of the models, ~60 MB).
 */
export function defaultPrepareWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}
