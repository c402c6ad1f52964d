// Each configured mailbox's mail settings by name: a case's mail (its acknowledgement, replies'
// effects, reminders, officers' actions, delivery alerts) goes out in the name of the mailbox the
// case belongs to, to its officers. The one way anything finds a mailbox's mail settings.
import type { NotifySettings } from './compose-messages.js';

export interface NotifyDirectory {
  /** Mailbox names in configuration order; the first is the default. */
  readonly names: readonly string[];
  /**
   * The configured mailbox a recorded name belongs to. A name no longer configured falls to
   * `fallback` (the mailbox at hand, for mail that reached it), else to the first.
   */
  nameOf(mailbox: string, fallback?: string): string;
  settingsOf(mailbox: string, fallback?: string): NotifySettings;
}

/** Settings are made on first use, so a command touching one mailbox needs only that one's settings. */
export function createNotifyDirectory(entries: readonly (readonly [name: string, settings: () => NotifySettings])[]): NotifyDirectory {
  if (entries.length === 0) throw new Error('a notify directory needs at least one mailbox');
  const made = new Map<string, NotifySettings>();
  const makers = new Map(entries);
  const names = entries.map(([name]) => name);
  const nameOf = (mailbox: string, fallback?: string) =>
    makers.has(mailbox) ? mailbox : fallback !== undefined && makers.has(fallback) ? fallback : names[0]!;
  return {
    names,
    nameOf,
    settingsOf(mailbox, fallback) {
      const name = nameOf(mailbox, fallback);
      const known = made.get(name);
      if (known) return known;
      const settings = makers.get(name)!();
      made.set(name, settings);
      return settings;
    },
  };
}

/** One mailbox's settings serving every case (a single-mailbox installation, and tests). */
export function singleMailbox(settings: NotifySettings, name = 'default'): NotifyDirectory {
  return createNotifyDirectory([[name, () => settings]]);
}
