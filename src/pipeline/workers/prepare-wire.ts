// What crosses between the main thread and a prepare worker. Structured cloning keeps Dates and
// Maps but turns a Buffer into a plain Uint8Array: the raw message goes over as its own copy
// (transferred, not cloned twice), and attachment bytes come back as Buffers again.
import type { FetchedMessage, InboundMail } from '../../domain/inbound-mail.js';
import type { PreparedMessage } from '../case/inbound-fate.js';
import type { PrepareJob, PreparedOutcome } from '../process-message.js';

/** Given to each worker once, at start-up. */
export interface PrepareWorkerData {
  /** FOI_ANALYSIS_CONFIG, read by each worker (its admin phrases compile to RE2 objects, which do not cross threads). */
  analysisConfigPath: string | null;
  /** The active models as JSON, restored once per worker; null: rules only. */
  models: WireModels | null;
}

/** Learned models as they cross threads: all four (`analysis`), or a topic model alone from an older version. */
export interface WireModels {
  format: 'analysis' | 'topic';
  json: string;
}

export interface WireJob extends Omit<PrepareJob, 'fetched'> {
  fetched: Omit<FetchedMessage, 'source'> & { source: Uint8Array };
}

/** A job ready to post, and the buffer handed over with it (the main thread keeps its own bytes for the commit). */
export function jobToWire(job: PrepareJob): { wire: WireJob; transfer: ArrayBuffer[] } {
  const source = new Uint8Array(job.fetched.source); // an exact-size copy, never a slice of a shared pool
  return { wire: { ...job, fetched: { ...job.fetched, source } }, transfer: [source.buffer] };
}

export function fromWire(wire: WireJob): PrepareJob {
  return { ...wire, fetched: { ...wire.fetched, source: asBuffer(wire.fetched.source) } };
}

/** Attachment bytes (still held by automated mail: a bounce's parts) are Buffers again. */
export function outcomeFromWire(outcome: PreparedOutcome): PreparedOutcome {
  return { ...outcome, prepared: revive(outcome.prepared) };
}

function revive(prepared: PreparedMessage): PreparedMessage {
  if (prepared.type === 'unreadable') return prepared;
  return { ...prepared, mail: reviveMail(prepared.mail) } as PreparedMessage;
}

function reviveMail(mail: InboundMail): InboundMail {
  return { ...mail, attachments: mail.attachments.map((a) => ({ ...a, content: asBuffer(a.content) })) };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
