// Reads one tracker cell: a date, a kind, a status, an outcome, an extension, an e-mail address. Each
// reader returns the value or a reason an officer can act on; none guesses where a tracker is ambiguous.
import addressparser from 'nodemailer/lib/addressparser';
import { isIsoDate, type IsoDate } from '../../clock/index.js';
import {
  IMPORT_KINDS, IMPORT_OUTCOMES, IMPORT_STATUSES, type ImportKind, type ImportOutcome, type ImportStatus,
} from './import-row.js';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** Lower case, every run of marks and spaces one space: "Part-granted" and "part granted" read alike. */
function words(cell: string): string {
  return cell.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` or the UK's `DD/MM/YYYY` (one-digit day and month too, as spreadsheets export them). */
export function readDate(cell: string, label: string): Read<IsoDate> {
  const text = cell.trim();
  const uk = UK_DATE.exec(text);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : ISO_DAY.test(text) ? text : null;
  if (iso === null) {
    const hint = /^\d{1,2}\/\d{1,2}\/\d{2}$/.test(text) ? ' (write the year in full)' : '';
    return bad(`${label} '${text}' is not a date: use YYYY-MM-DD or DD/MM/YYYY${hint}`);
  }
  return isIsoDate(iso) ? ok(iso) : bad(`${label} '${text}' is not a day of the calendar`);
}

const KINDS: Readonly<Record<string, { kind: ImportKind; environmental?: true }>> = {
  foi: { kind: 'foi' }, foia: { kind: 'foi' }, foisa: { kind: 'foi' }, 'freedom of information': { kind: 'foi' },
  'freedom of information act': { kind: 'foi' }, 'freedom of information request': { kind: 'foi' }, 'foi request': { kind: 'foi' },
  eir: { kind: 'eir' }, eirs: { kind: 'eir' }, eisr: { kind: 'eir' }, environmental: { kind: 'eir' },
  'environmental information': { kind: 'eir' }, 'environmental information regulations': { kind: 'eir' }, 'eir request': { kind: 'eir' },
  sar: { kind: 'sar' }, dsar: { kind: 'sar' }, 'subject access': { kind: 'sar' }, 'subject access request': { kind: 'sar' },
  'data subject access request': { kind: 'sar' },
  'internal review': { kind: 'internal_review' }, internal_review: { kind: 'internal_review' }, review: { kind: 'internal_review' },
  ir: { kind: 'internal_review' }, 'foi review': { kind: 'internal_review' }, 'foi internal review': { kind: 'internal_review' },
  'eir review': { kind: 'internal_review', environmental: true }, 'eir internal review': { kind: 'internal_review', environmental: true },
  reconsideration: { kind: 'internal_review', environmental: true },
};

/** An empty cell is `foi` (the contract's default). `environmental` marks an EIR review (regulation 11). */
export function readKind(cell: string): Read<{ kind: ImportKind; environmental: boolean }> {
  const key = words(cell);
  if (key === '') return ok({ kind: 'foi', environmental: false });
  const found = KINDS[key] ?? KINDS[key.replace(/ /g, '_')];
  if (!found) return bad(`unknown kind '${cell.trim()}' (expected one of ${IMPORT_KINDS.join(', ')})`);
  return ok({ kind: found.kind, environmental: found.environmental ?? false });
}

const STATUSES: Readonly<Record<string, ImportStatus>> = {
  open: 'open', opened: 'open', new: 'open', received: 'open', live: 'open', ongoing: 'open', 'in progress': 'open',
  pending: 'open', 'awaiting response': 'open', acknowledged: 'open', logged: 'open', active: 'open', extended: 'open',
  'on hold': 'open', 'awaiting clarification': 'open',
  responded: 'responded', 'response sent': 'responded', answered: 'responded', replied: 'responded', complete: 'responded',
  completed: 'responded', done: 'responded', sent: 'responded',
  closed: 'closed', lapsed: 'closed',
  withdrawn: 'withdrawn', cancelled: 'withdrawn', canceled: 'withdrawn', abandoned: 'withdrawn',
};

/** An empty cell is null: the validator then infers the status from a response date. */
export function readStatus(cell: string): Read<ImportStatus | null> {
  const key = words(cell);
  if (key === '') return ok(null);
  const found = STATUSES[key];
  return found ? ok(found) : bad(`unknown status '${cell.trim()}' (expected one of ${IMPORT_STATUSES.join(', ')})`);
}

const OUTCOMES: Readonly<Record<string, ImportOutcome>> = {
  granted: 'granted', 'granted in full': 'granted', 'full disclosure': 'granted', disclosed: 'granted',
  'disclosed in full': 'granted', 'released in full': 'granted', 'information provided': 'granted', 'provided in full': 'granted',
  'part granted': 'part_granted', 'partly granted': 'part_granted', 'partially granted': 'part_granted', 'granted in part': 'part_granted',
  'partial disclosure': 'part_granted', 'partially disclosed': 'part_granted', 'part disclosed': 'part_granted',
  'partly granted partly refused': 'part_granted', 'part granted part refused': 'part_granted', 'part released': 'part_granted',
  refused: 'refused', 'refused in full': 'refused', withheld: 'refused', 'withheld in full': 'refused', 'fully exempt': 'refused',
  'not disclosed': 'refused', refusal: 'refused',
  'not held': 'not_held', 'information not held': 'not_held', 'no information held': 'not_held',
  'part not held': 'part_not_held', 'partly not held': 'part_not_held', 'partly granted partly not held': 'part_not_held',
  'part granted part not held': 'part_not_held', 'partially held': 'part_not_held',
};

export function readOutcome(cell: string): Read<ImportOutcome | null> {
  const key = words(cell);
  if (key === '') return ok(null);
  const found = OUTCOMES[key] ?? OUTCOMES[key.replace(/_/g, ' ')];
  return found ? ok(found) : bad(`unknown outcome '${cell.trim()}' (expected one of ${IMPORT_OUTCOMES.join(', ')})`);
}

const YES = new Set(['yes', 'y', 'true', '1', 'extended']);
const NO = new Set(['no', 'n', 'false', '0', 'none', 'n a', 'na']);
const EXTENSION_KINDS: Readonly<Record<string, 'pit' | 'complex'>> = {
  pit: 'pit', 'public interest': 'pit', 'public interest test': 'pit', 'pit extension': 'pit', 's10 3': 'pit', 's 10 3': 'pit',
  'section 10 3': 'pit', complex: 'complex', 'complex and voluminous': 'complex', 'complex voluminous': 'complex',
  voluminous: 'complex', 'reg 7': 'complex', 'regulation 7': 'complex', 'reg 7 1': 'complex',
};

/** `pit`, `complex`, yes (the kind follows from the regime: `inferred`), or no / empty. */
export function readExtension(cell: string): Read<{ kind: 'pit' | 'complex' } | 'inferred' | null> {
  const key = words(cell);
  if (key === '' || NO.has(key)) return ok(null);
  if (YES.has(key)) return ok('inferred');
  const kind = EXTENSION_KINDS[key];
  return kind ? ok({ kind }) : bad(`unknown extension '${cell.trim()}' (expected pit, complex, yes or no)`);
}

/** A yes/no cell, or a date that means yes. */
export function readYesOrDate(cell: string, label: string): Read<{ yes: boolean; date: IsoDate | null }> {
  const key = words(cell);
  if (key === '' || NO.has(key)) return ok({ yes: false, date: null });
  if (YES.has(key)) return ok({ yes: true, date: null });
  const date = readDate(cell, label);
  return date.ok ? ok({ yes: true, date: date.value }) : bad(`${label} '${cell.trim()}' is neither yes, no nor a date`);
}

// One address, with a host name of labels and a top-level domain: what a reply can be sent to.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Empty is allowed (no mail is ever sent for the case); `Name <address>` gives the name too. */
export function readEmail(cell: string): Read<{ address: string; name: string | null } | null> {
  const text = cell.trim();
  if (text === '') return ok(null);
  const parsed = addressparser(text, { flatten: true });
  if (parsed.length !== 1) return bad(`requester e-mail '${text}' is not one e-mail address`);
  const { address, name } = parsed[0]!;
  if (!ADDRESS.test(address)) return bad(`requester e-mail '${text}' is not an e-mail address`);
  return ok({ address: address.toLowerCase(), name: name.trim() || null });
}
