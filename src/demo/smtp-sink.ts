// A real SMTP server inside this process (smtp-server) that accepts every message and keeps it,
// for the demo and the tests. It can be told to refuse mail to simulate a rejecting server.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** While set, every message is answered with this SMTP reply code (e.g. 550 or 451). */
  rejectWith: number | null;
  /** Resolves once `count` messages have been received in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** `parse: false` keeps only raw bytes (the benchmark: parsing here would steal the measured process's CPU). */
export async function startSmtpSink(options: { parse?: boolean } = {}): Promise<SmtpSink> {
  const parse = options.parse ?? true;
  const waiters: Array<() => void> = [];
  const sink: SmtpSink = {
    url: '', port: 0, received: [], rejectWith: null,
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (sink.received.length < count) return false;
          clearTimeout(timer);
          resolve(sink.received);
          return true;
        };
        const timer = setTimeout(() => reject(new Error(`expected ${count} messages, got ${sink.received.length}`)), timeoutMs);
        const retry = () => {
          if (!check()) waiters.push(retry);
        };
        retry();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (sink.rejectWith !== null) {
          const error = Object.assign(new Error('rejected by test server'), { responseCode: sink.rejectWith });
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        sink.received.push({ envelope, raw, parsed: parse ? await simpleParser(raw) : (null as unknown as ParsedMail) });
        callback();
        for (const wake of waiters.splice(0)) wake();
      });
    },
  });
  // smtp-server reports a client that vanished mid-transaction as a server 'error' event; without a
  // standing listener Node would throw it. A client going away is what a real MTA sees too: the
  // message it was sending was never accepted, which is all the tests judge.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  sink.port = typeof address === 'object' && address ? address.port : 0;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  return sink;
}
