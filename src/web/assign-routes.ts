// Assigning a case from its page: an owner (an officer who may work the case's mailbox) and a team, the
// team suggested from the case's topics by the admins' topic→team map. The same decider as
// `case assign` (actOnCase), with optimistic concurrency on status, due date, owner and team.
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../adapters/db/console-case-queries.js';
import { OPEN_STATUSES } from '../domain/case-status.js';
import type { RequestAnalysis } from '../domain/request-analysis.js';
import { isAppError } from '../errors.js';
import { actOnCase } from '../pipeline/case/act-on-case.js';
import { describeAssignment, suggestTeam } from '../pipeline/case/assign-case.js';
import { renderCasePage, typedValues, visibleCase, type RefusedForm } from './case-page.js';
import { maySee, userOf } from './roles.js';
import type { ConsoleDeps } from './server.js';

type AssignBody = Partial<Record<'owner' | 'team' | 'toMe' | 'expectedStatus' | 'expectedDue' | 'expectedOwner' | 'expectedTeam', string>>;

interface CaseFacts {
  status: string;
  owner: string | null;
  team: string | null;
  analysis: unknown;
}

/** What views/case/assign.njk shows: the form's values, the team choices and the suggestion. */
export interface AssignPanel {
  open: boolean;
  owner: string;
  team: string;
  suggestedTeam: string | null;
  teams: { value: string; text: string }[];
  assignedTo: string;
}

/** The assignment panel of a case page (passed as `assign`); a refused form's values are put back. */
export function assignPanelOf(row: CaseFacts, topicTeams: Readonly<Record<string, string>> = {}, refused?: RefusedForm): AssignPanel {
  const kept = refused?.form === 'assign' ? refused.values : undefined;
  const suggestedTeam = suggestTeam((row.analysis as RequestAnalysis).topics ?? [], topicTeams);
  const names = [...new Set([...Object.values(topicTeams), ...(row.team ? [row.team] : [])])].sort((a, b) => a.localeCompare(b));
  return {
    open: (OPEN_STATUSES as readonly string[]).includes(row.status),
    owner: kept?.owner ?? row.owner ?? '',
    team: kept?.team ?? row.team ?? suggestedTeam ?? '',
    suggestedTeam,
    teams: names.map((name) => ({ value: name, text: name === suggestedTeam ? `${name} (suggested from the topics)` : name })),
    assignedTo: describeAssignment({ owner: row.owner, team: row.team }),
  };
}

export function addAssignRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const now = deps.now ?? (() => new Date());

  app.post<{ Params: { reference: string }; Body: AssignBody }>('/cases/:reference/assign', async (request, reply) => {
    const found = await visibleCase(deps, request, reply);
    if (!found) return reply;
    const { row } = found;
    const body = request.body ?? {};
    const owner = body.toMe ? request.user!.identity : (body.owner ?? '').trim().toLowerCase();
    const team = (body.team ?? '').trim();
    // Refused: the page again with the error summary and what was typed (the GOV.UK pattern).
    const refuse = (text: string) => renderCasePage(deps, request, reply, found, { form: 'assign', errors: [{ field: 'assign-owner', text }], values: { ...typedValues(body), owner } });
    // The owner must be able to open the case: an officer of its mailbox (a console role, not mail alone).
    const assignee = owner ? userOf(owner, deps.settings) : null;
    if (owner && (!assignee || !maySee(assignee, row.mailbox))) return refuse(`${owner} cannot work on this mailbox's cases in the console`);
    try {
      const outcome = await actOnCase(deps.stores.cases, row.reference, { type: 'assign', owner: owner || null, team: team || null, by: request.user!.identity }, {
        now: now(), notify: deps.notify,
        expected: { status: body.expectedStatus ?? '', dueDate: body.expectedDue || null, owner: body.expectedOwner || null, team: body.expectedTeam || null },
      });
      await recordAudit(deps.db, { actor: request.user!.identity, caseId: row.id, action: 'assign', details: { ...outcome.assigned } });
      request.session.set('flash', { kind: 'success', text: `Assigned: the case is now ${describeAssignment(outcome.assigned ?? { owner: null, team: null })}.` });
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'case.changed' && error.code !== 'cli.invalid_argument')) throw error;
      if (error.code === 'cli.invalid_argument') return refuse(error.message.replace(`${row.reference}: `, '').replace(/^./, (c) => c.toUpperCase()));
      request.session.set('flash', { kind: 'error', text: 'Someone else changed this case since you loaded the page. Nothing was changed: check it and try again.' });
    }
    return reply.redirect(`/cases/${encodeURIComponent(row.reference)}`, 303);
  });
}
