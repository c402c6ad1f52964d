// The IMAP server a test talks to: Dovecot when TEST_IMAP_HOST is set (as .ci/run does), else the
// in-process server. Each vitest worker has its own Dovecot user, emptied before every test.
import { ImapFlow } from 'imapflow';
import { startInProcessImap } from '../../src/demo/in-process-imap.js';

export interface TestMailbox {
  url: string;
  kind: 'dovecot' | 'in-process';
  append(raw: string | Buffer, internalDate?: Date): Promise<void>;
  /** Subject lines of the messages in a folder (empty when the folder does not exist). */
  subjectsIn(folder: string): Promise<string[]>;
  /** A second connection for assertions and seeding; the product uses its own. */
  client(): Promise<ImapFlow>;
  close(): Promise<void>;
}

function dovecotUrl(): string | null {
  const host = process.env.TEST_IMAP_HOST;
  if (!host) return null;
  const port = process.env.TEST_IMAP_PORT ?? '10143';
  const user = `foi${process.env.VITEST_POOL_ID ?? '1'}`;
  const password = process.env.TEST_IMAP_PASSWORD ?? 'secret';
  return `imap://${user}:${encodeURIComponent(password)}@${host}:${port}/INBOX`;
}

async function connect(url: string): Promise<ImapFlow> {
  const u = new URL(url);
  const client = new ImapFlow({
    host: u.hostname, port: Number(u.port), secure: false, logger: false,
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
  });
  await client.connect();
  return client;
}

async function emptyAccount(url: string): Promise<void> {
  const client = await connect(url);
  try {
    for (const folder of await client.list()) {
      if (folder.path.toUpperCase() === 'INBOX') {
        await client.mailboxOpen('INBOX');
        if ((client.mailbox && client.mailbox.exists) || 0) await client.messageDelete('1:*');
      } else {
        await client.mailboxDelete(folder.path);
      }
    }
  } finally {
    await client.logout();
  }
}

export async function startTestMailbox(): Promise<TestMailbox> {
  const dovecot = dovecotUrl();
  const inProcess = dovecot ? null : await startInProcessImap();
  const url = dovecot ?? inProcess!.url;
  if (dovecot) await emptyAccount(url);
  const helper = await connect(url);
  return {
    url,
    kind: dovecot ? 'dovecot' : 'in-process',
    async append(raw, internalDate) {
      await helper.append('INBOX', raw, [], internalDate);
    },
    async subjectsIn(folder) {
      const exists = (await helper.list()).some((f) => f.path === folder);
      if (!exists) return [];
      const lock = await helper.getMailboxLock(folder);
      try {
        // A NOOP collects the EXPUNGEs other connections caused (servers hold them back during FETCH).
        await helper.noop();
        if (!helper.mailbox || !helper.mailbox.exists) return [];
        const messages = await helper.fetchAll('1:*', { envelope: true });
        return messages.map((m) => m.envelope?.subject ?? '');
      } finally {
        lock.release();
      }
    },
    client: () => connect(url),
    async close() {
      await helper.logout().catch(() => helper.close());
      await inProcess?.close();
    },
  };
}
