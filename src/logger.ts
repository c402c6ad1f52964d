// Structured JSON logs (pino). Log ids (case reference, inbound id, uid), never a requester's
// name, address or text: the redaction list is the safety net for fields that slip through.
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'password', '*.password', 'pass', '*.pass', 'auth', '*.auth', 'accessToken', '*.accessToken',
  'text', '*.text', 'html', '*.html', 'body', '*.body', 'raw', '*.raw',
  'from', '*.from', 'to', '*.to', 'requester', '*.requester', 'address', '*.address', 'email', '*.email',
  'name', '*.name', 'subject', '*.subject',
];

/**
 * Logs go to stdout for the daemon (`run`), where a container's log collector expects them, and to
 * stderr for every command whose stdout is data (`run --once`'s report, `cases list --json`, …).
 */
export function createLogger(level: string, destination: pino.DestinationStream | 'stdout' | 'stderr' = 'stderr'): Logger {
  const stream = typeof destination === 'string' ? pino.destination({ dest: destination === 'stdout' ? 1 : 2, sync: true }) : destination;
  return pino({ level, base: { service: 'foi-intake' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream);
}
