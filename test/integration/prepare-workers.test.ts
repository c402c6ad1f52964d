// Parse + analyse in worker threads: the same result as on the main thread, a preparation past its
// deadline terminated (even one spinning without ever yielding) and reported as PrepareTimeoutError,
// its worker replaced; and, in the daemon, /healthz answering while a preparation spins.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { readTopicTrainingCorpus } from '../../src/adapters/fs/training-corpus.js';
import { defaultAnalysisSettings } from '../../src/config/analysis-settings.js';
import { loadConfig } from '../../src/config.js';
import { PrepareTimeoutError } from '../../src/errors.js';
import { runDaemon } from '../../src/jobs/daemon.js';
import { fixturesDir } from '../../src/paths.js';
import { createAnalyser } from '../../src/pipeline/analyse/create-analyser.js';
import { restoreTopicModel, trainTopicModel } from '../../src/pipeline/analyse/topic-model.js';
import { prepareOnThisThread, type PipelineSettings } from '../../src/pipeline/process-message.js';
import { createPreparePool, type PreparePool } from '../../src/pipeline/workers/prepare-pool.js';
import { openRuntime } from '../../src/runtime.js';
import { fixture, testEnv, useTestServers } from '../harness/test-runtime.js';

const settings: PipelineSettings = {
  mailboxKey: 'foi@example.gov.uk/INBOX', mailboxName: 'default', jurisdiction: 'england-and-wales', referenceFormat: 'FOI-{year}-{seq:5}',
  threadReferenceFormats: ['FOI-{year}-{seq:5}'], processedFolder: 'Processed', heldFolder: 'Held',
  own: { addresses: ['foi@example.gov.uk'] }, senderAuth: { mode: 'off', trustedAuthservId: null },
  authority: { authenticationOn: false, internalDomains: ['example.gov.uk'], officers: [] },
  maxAcksPerAddressPerDay: 5, duplicateWindowDays: 30, spamHeader: { name: 'x-spam-flag', value: 'yes' },
  limits: { maxMessageBytes: 26_214_400, maxPrepareAttempts: 3 },
  acknowledgeSince: { mode: 'all' },
};
const topicModelJson = trainTopicModel(readTopicTrainingCorpus()).serialise();
const job = (uid: number, source: Buffer) => ({ settings, extraHolidays: [], fetched: { uid, source, internalDate: new Date('2026-11-30T10:00:00Z') } });

let pools: PreparePool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  pools = [];
  delete process.env.FOI_FAULT_INJECTION;
});

function pool(timeoutMs = 20_000, workers = 2): PreparePool {
  const created = createPreparePool({ workers, timeoutMs, analysisConfigPath: null, models: { format: 'topic', json: topicModelJson } });
  pools.push(created);
  return created;
}

describe('the prepare pool', () => {
  it('prepares every sample message exactly as the main thread would, several at once', async () => {
    const here = prepareOnThisThread(createAnalyser(defaultAnalysisSettings(), restoreTopicModel(topicModelJson)));
    const names = readdirSync(join(fixturesDir, 'mail')).filter((name) => name.endsWith('.eml'));
    const sources = names.map((name) => readFileSync(join(fixturesDir, 'mail', name)));
    const workers = pool();
    const inWorkers = await Promise.all(sources.map((source, i) => workers.prepare(job(i + 1, source))));
    for (const [i, source] of sources.entries()) {
      const expected = await here(job(i + 1, source));
      expect({ name: names[i], prepared: inWorkers[i]!.prepared, hash: inWorkers[i]!.contentHash })
        .toEqual({ name: names[i], prepared: expected.prepared, hash: expected.contentHash });
    }
    const bounce = inWorkers[names.indexOf('bounce-dsn.eml')]!.prepared;
    if (bounce.type !== 'request' && bounce.type !== 'automated') throw new Error('the bounce was not read');
    for (const part of bounce.mail.attachments) expect(Buffer.isBuffer(part.content)).toBe(true);
    expect(workers.started).toBe(2);
  });

  it('terminates a preparation that never yields at its deadline, reports PrepareTimeoutError, and carries on with a new worker', async () => {
    process.env.FOI_FAULT_INJECTION = 'prepare-hang';
    const hanging = pool(300, 1);
    const failure = await hanging.prepare(job(7, fixture('numbered-request.eml'))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrepareTimeoutError);
    expect(failure).toMatchObject({ code: 'prepare.timeout', uid: 7, timeoutMs: 300 });
    expect(hanging.started).toBe(2);
    delete process.env.FOI_FAULT_INJECTION;
    const healthy = pool(20_000, 1);
    expect((await healthy.prepare(job(8, fixture('numbered-request.eml')))).prepared.type).toBe('request');
  });
});

describe('the daemon while a preparation spins', () => {
  const servers = useTestServers();

  it('answers /healthz, then reports the typed timeout for the stuck message', async () => {
    await servers.mailbox.append(fixture('numbered-request.eml'), new Date());
    const logged: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => void (logged.push(String(chunk)), done()) }));
    const port = await freePort();
    const env = testEnv(servers.mailbox.url, servers.smtp.url, { FOI_PREPARE_TIMEOUT_SECONDS: '4', FOI_PREPARE_WORKERS: '1', FOI_HEALTH_PORT: String(port) });
    process.env.FOI_FAULT_INJECTION = 'prepare-hang'; // read by the worker thread, which spins on it
    const runtime = await openRuntime(loadConfig(env), log, { database: servers.db, autoIdleDelayMs: 100 });
    const stop = new AbortController();
    const daemon = runDaemon(runtime, stop.signal, { pollCron: '0 0 1 1 *', reminderCron: '0 0 1 1 *' });
    const timedOut = () => logged.some((line) => line.includes('prepare.timeout'));
    const answeredDuringSpin: number[] = [];
    try {
      // The pass has reached the worker once a connection is logged; from then on it spins until its deadline.
      while (!logged.some((line) => line.includes('mailbox connected'))) await new Promise((r) => setTimeout(r, 20));
      while (!timedOut()) {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
        await response.json();
        if (!timedOut()) answeredDuringSpin.push(response.status);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      stop.abort();
      await daemon;
      await runtime.close();
    }
    expect(answeredDuringSpin.length).toBeGreaterThanOrEqual(3);
    expect(new Set(answeredDuringSpin)).toEqual(new Set([200]));
    const failure = JSON.parse(logged.find((line) => line.includes('prepare.timeout'))!) as { msg: string; err: string };
    // Counted as a failed attempt of that message (held after FOI_MAX_PREPARE_ATTEMPTS), not a failed pass.
    expect(failure.msg).toBe('preparing a message failed');
    expect(failure.err).toMatch(/^prepare\.timeout: preparing message UID \d+ took longer than 4000 ms/);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
