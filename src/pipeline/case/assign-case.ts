// Who has a case: its owner (an officer, by sign-in address) and its team. Assigning is allowed from any
// open status, moves no clock, and is an audited event like every other action (`case assign`, the console).
import type { CaseStatus } from '../../domain/case-status.js';
import { OPEN_STATUSES } from '../../domain/case-status.js';
import type { CaseEvent } from '../../domain/foi-case.js';
import type { LifecycleFailure } from './case-lifecycle.js';

export interface Assignment {
  owner: string | null;
  team: string | null;
}

/**
 * `owner` / `team`: undefined leaves it as it is; null (or empty) takes it away. `by` is who assigned
 * (the console's signed-in officer), kept in the event.
 */
export interface AssignAction {
  type: 'assign';
  owner?: string | null;
  team?: string | null;
  by?: string;
  cause?: string;
}

export interface AssignableCase extends Assignment {
  status: CaseStatus;
  dueDate: string | null;
}

export type AssignResult = { ok: true; assignment: Assignment; events: CaseEvent[] } | LifecycleFailure;

const ADDRESS = /^[^\s@<>,"]+@[^\s@<>,"]+\.[^\s@<>,"]+$/;
const MAX_TEAM = 80;

const fail = (reason: string): LifecycleFailure => ({ ok: false, code: 'lifecycle.invalid_input', reason });

/** An owner's address as stored: trimmed and lower case (sign-in identities are compared that way). */
function ownerOf(value: string | null | undefined, current: string | null): string | null | LifecycleFailure {
  if (value === undefined) return current;
  const owner = value?.trim().toLowerCase() ?? '';
  if (owner === '') return null;
  return ADDRESS.test(owner) ? owner : fail(`"${owner}" is not an email address`);
}

function teamOf(value: string | null | undefined, current: string | null): string | null | LifecycleFailure {
  if (value === undefined) return current;
  const team = value?.replace(/\s+/g, ' ').trim() ?? '';
  if (team === '') return null;
  // eslint-disable-next-line no-control-regex
  if (team.length > MAX_TEAM || /[\u0000-\u001f\u007f]/.test(team)) return fail(`a team name is at most ${MAX_TEAM} printable characters`);
  return team;
}

const isFailure = (value: unknown): value is LifecycleFailure => typeof value === 'object' && value !== null && 'ok' in value;

/** The new owner and team with the event that records them, or why not. */
export function decideAssignment(current: AssignableCase, action: AssignAction, now: Date): AssignResult {
  if (!OPEN_STATUSES.includes(current.status)) {
    return { ok: false, code: 'lifecycle.illegal_transition', reason: `cannot assign a case that is ${current.status.replace(/_/g, ' ')}: reopen it first` };
  }
  if (action.owner === undefined && action.team === undefined) return fail('say who should have the case: an owner, a team, or both');
  const owner = ownerOf(action.owner, current.owner);
  if (isFailure(owner)) return owner;
  const team = teamOf(action.team, current.team);
  if (isFailure(team)) return team;
  if (owner === current.owner && team === current.team) return fail(`the case is already ${describeAssignment({ owner, team })}`);
  const event: CaseEvent = {
    event: 'case_assigned', at: now, fromStatus: current.status, toStatus: current.status,
    cause: action.cause ?? describeAssignment({ owner, team }),
    details: {
      oldDueDate: current.dueDate, newDueDate: current.dueDate, owner, team, previousOwner: current.owner, previousTeam: current.team,
      ...(action.by ? { by: action.by } : {}),
    },
  };
  return { ok: true, assignment: { owner, team }, events: [event] };
}

/** "with a@b (Housing team)", "with the Housing team", "unassigned". */
export function describeAssignment({ owner, team }: Assignment): string {
  if (owner && team) return `with ${owner} (${team})`;
  if (owner) return `with ${owner}`;
  return team ? `with the ${team}` : 'unassigned';
}

/** The team an admin's topic→team map gives the case's topics, primary topic first; null when none is mapped. */
export function suggestTeam(topics: readonly string[], teams: Readonly<Record<string, string>>): string | null {
  for (const topic of topics) {
    const team = teams[topic];
    if (team) return team;
  }
  return null;
}
