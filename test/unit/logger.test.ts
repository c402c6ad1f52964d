import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

describe('logger', () => {
  it('redacts personal data and secrets that slip into log fields', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
    const log = createLogger('info', sink);
    log.info({ caseId: 7, uid: 12, requester: { name: 'Ann Example', address: 'ann@example.org' }, mail: { from: 'ann@example.org', text: 'my private request', subject: 'About me' }, imap: { password: 'hunter2' } }, 'message committed');
    const out = lines.join('');
    expect(out).toContain('"caseId":7');
    expect(out).toContain('"uid":12');
    for (const secret of ['Ann Example', 'ann@example.org', 'my private request', 'About me', 'hunter2']) expect(out).not.toContain(secret);
  });
});
