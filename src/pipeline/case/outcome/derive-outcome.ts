// derive-outcome.ts: a case's outcome follows from its questions' outcomes, and the provisions applied
// must agree with the outcome (nothing withheld needs no provision; a refusal needs one, FOIA s.17(1)(b)).
import type { Provision } from './provision-types.js';
import { OUTCOME_LABELS, reject, type Outcome, type OutcomeRejection } from './outcome-types.js';

/**
 * The whole case's outcome from its questions': something released and something withheld is partly
 * granted; something released and something not held, nothing withheld, is partly not held; nothing
 * released is refused (if anything was withheld) or not held.
 */
export function deriveCaseOutcome(outcomes: readonly Outcome[]): Outcome | null {
  if (outcomes.length === 0) return null;
  const released = outcomes.some((o) => o === 'granted' || o === 'part_granted' || o === 'part_not_held');
  const withheld = outcomes.some((o) => o === 'refused' || o === 'part_granted');
  const notHeld = outcomes.some((o) => o === 'not_held' || o === 'part_not_held');
  if (!released) return withheld ? 'refused' : 'not_held';
  if (withheld) return 'part_granted';
  return notHeld ? 'part_not_held' : 'granted';
}

// The "not held" grounds: EIR reg 12(4)(a), EISR reg 10(4)(a), FOISA s.17(1) notice.
const NOT_HELD_CODES = new Set(['reg12(4)(a)', 'reg10(4)(a)', 's17', 's17(1)']);
export const isNotHeldProvision = (p: Provision): boolean => NOT_HELD_CODES.has(p.code);

/** Why `provisions` cannot go with `outcome`, or null when they agree. `where` names a question, if any. */
export function checkOutcomeProvisions(outcome: Outcome, provisions: readonly Provision[], where = ''): OutcomeRejection | null {
  const label = `${where}${OUTCOME_LABELS[outcome].toLowerCase()}`;
  const codes = provisions.map((p) => p.code).join(', ');
  if (outcome === 'granted' && provisions.length > 0) {
    return reject('outcome.contradictory', `${label} withholds nothing, yet ${codes} ${provisions.length === 1 ? 'is' : 'are'} applied: use part_granted or refused`);
  }
  if (outcome === 'not_held') {
    const other = provisions.filter((p) => !isNotHeldProvision(p));
    if (other.length > 0) {
      return reject('outcome.contradictory', `${label}, yet ${other.map((p) => p.code).join(', ')} withhold${other.length === 1 ? 's' : ''} information: ` +
        (other.some((p) => p.ncnd) ? 'neither confirming nor denying is a refusal (refused)' : 'use part_not_held, part_granted or refused'));
    }
  }
  if (outcome === 'refused' || outcome === 'part_granted') {
    const grounds = provisions.filter((p) => !isNotHeldProvision(p));
    if (grounds.length === 0) {
      return provisions.length > 0
        ? reject('outcome.contradictory', `${label} on ${codes} alone: information not held is not_held or part_not_held`)
        : reject('outcome.provision_required', `${label} needs at least one provision (an exemption, exception, s12 or s14): the refusal notice must state it (FOIA s.17(1)(b); FOISA s.16(1)(c); EIR reg 14(3)(a))`);
    }
  }
  return null;
}
