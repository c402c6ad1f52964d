// Which mail is history: a message received (IMAP INTERNALDATE) before the cutoff becomes a case with its
// deadline but is not acknowledged, so requesters who wrote months ago are not told "we will respond by" a past date.
import type { AcknowledgeSince } from '../../config/acknowledge-since.js';

export interface CutoffInput {
  setting: AcknowledgeSince;
  /** When foi-intake first read this mailbox (its checkpoint row's creation); used by `first-seen`. */
  firstSeenAt: Date;
}

/** The instant before which mail is not acknowledged, or null when everything is (`all`). */
export function acknowledgementCutoff({ setting, firstSeenAt }: CutoffInput): Date | null {
  switch (setting.mode) {
    case 'all': return null;
    case 'first-seen': return firstSeenAt;
    case 'since': return setting.at;
  }
}

/** Strictly before: mail received at the cutoff instant itself is new mail and is acknowledged. */
export function isBeforeCutoff(internalDate: Date, cutoff: Date | null): boolean {
  return cutoff !== null && internalDate.getTime() < cutoff.getTime();
}
