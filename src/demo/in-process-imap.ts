// An IMAP server inside this process (hoodiecrow-imap), for the demo and the default test tier:
// IDLE, UIDPLUS and MOVE, one user (testuser/testpass), nothing written to disk. Tests may choose
// the capabilities, the accounts (e.g. XOAUTH2-only) and what the inbox holds at start.
import type { Socket } from 'node:net';
import hoodiecrow from 'hoodiecrow-imap';

export interface InProcessImap {
  /** imap://testuser:testpass@127.0.0.1:PORT/INBOX */
  url: string;
  port: number;
  close(): Promise<void>;
}

const PLUGINS = ['ID', 'IDLE', 'ENABLE', 'CONDSTORE', 'UIDPLUS', 'MOVE', 'SASL-IR', 'AUTH-PLAIN', 'NAMESPACE', 'UNSELECT', 'LITERALPLUS', 'SPECIAL-USE'];

export interface InProcessImapOptions {
  plugins?: string[];
  users?: NonNullable<Parameters<typeof hoodiecrow>[0]>['users'];
  /** Messages in INBOX at start. */
  inbox?: { raw: Buffer; internalDate: Date }[];
}

export async function startInProcessImap(options: InProcessImapOptions = {}): Promise<InProcessImap> {
  const messages = (options.inbox ?? []).map((m) => ({ raw: m.raw.toString('binary'), internaldate: m.internalDate }));
  const server = hoodiecrow({
    plugins: options.plugins ?? PLUGINS, ...(options.users ? { users: options.users } : {}),
    storage: { INBOX: { messages }, '': { separator: '/', folders: {} } },
  });
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `imap://testuser:testpass@127.0.0.1:${port}/INBOX`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
