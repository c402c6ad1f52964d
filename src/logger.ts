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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { service: 'foi-intake' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
