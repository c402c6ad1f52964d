// Who may do what in the console: FOI_ADMINS are admins of every mailbox; FOI_CONSOLE_OFFICERS
// work every mailbox's cases; a mailbox's `consoleOfficers` work only its cases. FOI_OFFICERS (who
// is sent mail) grants nothing here.
import type { ConsoleSettings } from '../config/console-settings.js';

export interface ConsoleUser {
  /** The signed-in identity (lower-case address): stored in the session and the audit, never in URLs or logs. */
  identity: string;
  role: 'admin' | 'officer';
  /** The mailboxes whose cases the user may see; null: every mailbox. */
  mailboxes: string[] | null;
}

function matches(identity: string, entry: string): boolean {
  return entry.startsWith('@') ? identity.endsWith(entry) : identity === entry;
}

export function userOf(identity: string, settings: Pick<ConsoleSettings, 'admins' | 'officers' | 'mailboxOfficers'>): ConsoleUser | null {
  const id = identity.trim().toLowerCase();
  if (!id.includes('@')) return null;
  if (settings.admins.some((e) => matches(id, e))) return { identity: id, role: 'admin', mailboxes: null };
  if (settings.officers.some((e) => matches(id, e))) return { identity: id, role: 'officer', mailboxes: null };
  const mailboxes = Object.entries(settings.mailboxOfficers).filter(([, list]) => list.some((e) => matches(id, e))).map(([name]) => name);
  return mailboxes.length > 0 ? { identity: id, role: 'officer', mailboxes } : null;
}

export function maySee(user: ConsoleUser, mailbox: string): boolean {
  return user.mailboxes === null || user.mailboxes.includes(mailbox);
}
