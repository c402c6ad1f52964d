// The FOI mailbox over IMAP (imapflow). Thin: list UIDs, fetch sources, move by UID, watch for
// new mail. New mail is found by UID, never by \Seen: people read this mailbox too.
import { ImapFlow, type FetchMessageObject } from 'imapflow';
import type { MailServerEndpoint } from '../../config/mail-server-url.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { imapAuth, isImapAuthenticationFailure } from '../oauth/mail-auth.js';
import type { TokenProvider } from '../oauth/token-provider.js';
import type { FetchedMessage } from '../../domain/inbound-mail.js';
import type { MailboxSession } from '../../pipeline/intake/mailbox-session.js';

export interface ImapSettings {
  endpoint: MailServerEndpoint;
  mailbox: string;
  allowInsecure: boolean;
  /** How soon after the last command IDLE starts; small in tests and the daemon. */
  autoIdleDelayMs?: number;
  /** OAuth2 instead of a password: each session logs in with a current token. */
  oauth?: { user: string; tokens: TokenProvider };
}

export async function openMailboxSession(settings: ImapSettings, log: Logger): Promise<MailboxSession> {
  const { endpoint } = settings;
  const auth = settings.oauth
    ? await imapAuth(settings.oauth.user, settings.oauth.tokens)
    : { user: endpoint.user ?? '', pass: endpoint.password ?? '' };
  const client = new ImapFlow({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.secure,
    doSTARTTLS: endpoint.requireStartTls ? true : undefined,
    auth,
    logger: false,
    autoIdleDelay: settings.autoIdleDelayMs ?? 1000,
    connectionTimeout: 30_000,
  });
  client.on('error', (err: Error) => log.warn({ err: { message: err.message } }, 'imap connection error'));
  try {
    await client.connect();
    await client.mailboxOpen(settings.mailbox);
  } catch (cause) {
    client.close();
    // A refused token is renewed for the next attempt (the reconnect backoff makes that attempt).
    if (settings.oauth && isImapAuthenticationFailure(cause)) settings.oauth.tokens.invalidate();
    throw new AppError('imap.connect_failed', `cannot open mailbox on ${endpoint.host}:${endpoint.port}`, { cause });
  }
  const uidValidity = Number(client.mailbox && client.mailbox.uidValidity);
  return createSession(client, settings.mailbox, uidValidity);
}

function createSession(client: ImapFlow, mailbox: string, uidValidity: number): MailboxSession {
  const knownFolders = new Set<string>();
  let notices = 0;
  client.on('exists', () => void (notices += 1));
  const locked = async <T>(fn: () => Promise<T>): Promise<T> => {
    const lock = await client.getMailboxLock(mailbox);
    try {
      return await fn();
    } finally {
      lock.release();
    }
  };
  const ensureFolder = async (folder: string) => {
    if (knownFolders.has(folder)) return;
    const existing = await client.list();
    if (!existing.some((f) => f.path === folder)) await client.mailboxCreate(folder);
    knownFolders.add(folder);
  };
  return {
    uidValidity,
    get closed() {
      return !client.usable;
    },
    listUids: (from, to) =>
      locked(async () => {
        const found = (await client.search({ uid: `${from}:${to ?? '*'}` }, { uid: true })) || [];
        // `N:*` always matches the newest message even when its UID is below N (RFC 3501 §6.4.8).
        return found.filter((uid) => uid >= from && (to === undefined || uid <= to)).sort((a, b) => a - b);
      }),
    messageSizes: (uids) =>
      uids.length === 0
        ? Promise.resolve([])
        : locked(async () => {
            const fetched = await client.fetchAll(uids.join(','), { uid: true, size: true, internalDate: true }, { uid: true });
            return fetched.map((msg) => ({ uid: msg.uid, size: msg.size ?? 0, internalDate: internalDateOf(msg) })).sort((a, b) => a.uid - b.uid);
          }),
    fetchMessages: (uids) =>
      uids.length === 0
        ? Promise.resolve([])
        : locked(async () => {
            const fetched = await client.fetchAll(uids.join(','), { uid: true, source: true, internalDate: true }, { uid: true });
            return fetched.map(toFetchedMessage).sort((a, b) => a.uid - b.uid);
          }),
    moveMessages: (uids, folder) =>
      uids.length === 0
        ? Promise.resolve()
        : locked(async () => {
            await ensureFolder(folder);
            try {
              await client.messageMove(uids.join(','), folder, { uid: true });
            } catch (cause) {
              throw new AppError('imap.move_failed', `move of ${uids.length} message(s) failed`, { cause });
            }
          }),
    newMailMark: () => notices,
    waitForNewMail: (signal, since) => (since !== undefined && notices > since ? Promise.resolve('new_mail') : waitForExists(client, signal)),
    close: async () => {
      if (!client.usable) return;
      try {
        await client.logout();
      } catch {
        client.close(); // logout on a broken socket: closing is all that is left to do
      }
    },
  };
}

function toFetchedMessage(msg: FetchMessageObject): FetchedMessage {
  if (!msg.source) throw new AppError('imap.message_vanished', `uid ${msg.uid} has no source`);
  return { uid: msg.uid, source: msg.source, internalDate: internalDateOf(msg) };
}

function internalDateOf(msg: FetchMessageObject): Date {
  return msg.internalDate instanceof Date ? msg.internalDate : new Date(String(msg.internalDate));
}

function waitForExists(client: ImapFlow, signal: AbortSignal): Promise<'new_mail' | 'closed' | 'aborted'> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve('aborted');
    if (!client.usable) return resolve('closed');
    const finish = (result: 'new_mail' | 'closed' | 'aborted') => {
      client.off('exists', onExists);
      client.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onExists = () => finish('new_mail');
    const onClose = () => finish('closed');
    const onAbort = () => finish('aborted');
    client.on('exists', onExists);
    client.on('close', onClose);
    signal.addEventListener('abort', onAbort);
  });
}
