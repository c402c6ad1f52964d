// Assigning a case from its page: an owner (an officer who may work the case's mailbox) and a team, the
// team suggested from the case's topics by the admins' topic→team map. The same decider as
// `case assign` (actOnCase), with optimistic concurrency on status, due date, owner and team.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { consoleCase, recordAudit } from '../adapters/db/console-case-queries.js';
import { OPEN_STATUSES } from '../domain/case-status.js';
import type { RequestAnalysis } from '../domain/request-analysis.js';
import { isAppError } from '../errors.js';
import { actOnCase } from '../pipeline/case/act-on-case.js';
import { describe, suggestTeam } from '../pipeline/case/assign-case.js';
import { maySee, userOf } from './roles.js';
import type { ConsoleDeps } from './server.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** What the officer typed in the assignment form, kept when it was refused. */
    assignDraft: { reference: string; owner: string; team: string };
  }
}

type AssignBody = Partial<Record<'owner' | 'team' | 'toMe' | 'expectedStatus' | 'expectedDue' | 'expectedOwner' | 'expectedTeam', string>>;

interface CaseFacts {
  reference: string;
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

/** The assignment panel of a case page (the case route passes it as `assign`); reads once and clears a refused form's values. */
export function assignPanelOf(request: FastifyRequest, row: CaseFacts, topicTeams: Readonly<Record<string, string>> = {}): AssignPanel {
  const draft = request.session.get('assignDraft');
  if (draft) request.session.set('assignDraft', undefined);
  const kept = draft?.reference === row.reference ? draft : undefined;
  const suggestedTeam = suggestTeam((row.analysis as RequestAnalysis).topics ?? [], topicTeams);
  const team = kept?.team ?? row.team ?? suggestedTeam ?? '';
  const names = [...new Set([...Object.values(topicTeams), ...(row.team ? [row.team] : [])])].sort((a, b) => a.localeCompare(b));
  return {
    open: (OPEN_STATUSES as readonly string[]).includes(row.status),
    owner: kept?.owner ?? row.owner ?? '',
    team,
    suggestedTeam,
    teams: names.map((name) => ({ value: name, text: name === suggestedTeam ? `${name} (suggested from the topics)` : name })),
    assignedTo: describe({ owner: row.owner, team: row.team }),
  };
}

export function addAssignRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const now = deps.now ?? (() => new Date());

  app.post<{ Params: { reference: string }; Body: AssignBody }>('/cases/:reference/assign', async (request, reply) => {
    const found = await consoleCase(deps.db, request.params.reference);
    // Another mailbox's case reads as absent: its existence is not disclosed.
    if (!found || !maySee(request.user!, found.row.mailbox)) return reply.callNotFound();
    const { row } = found;
    const body = request.body ?? {};
    const back = `/cases/${encodeURIComponent(row.reference)}`;
    const owner = body.toMe ? request.user!.identity : (body.owner ?? '').trim().toLowerCase();
    const team = (body.team ?? '').trim();
    const refuse = (text: string) => {
      request.session.set('flash', { kind: 'error', text });
      request.session.set('assignDraft', { reference: row.reference, owner, team });
      return reply.redirect(back, 303);
    };
    // The owner must be able to open the case: an officer of its mailbox (a console role, not mail alone).
    const assignee = owner ? userOf(owner, deps.settings) : null;
    if (owner && (!assignee || !maySee(assignee, row.mailbox))) return refuse(`${owner} cannot work on this mailbox's cases in the console.`);
    try {
      const outcome = await actOnCase(deps.stores.cases, row.reference, { type: 'assign', owner: owner || null, team: team || null, by: request.user!.identity }, {
        now: now(), notify: deps.notify,
        expected: { status: body.expectedStatus ?? '', dueDate: body.expectedDue || null, owner: body.expectedOwner || null, team: body.expectedTeam || null },
      });
      await recordAudit(deps.db, { actor: request.user!.identity, caseId: row.id, action: 'assign', details: { ...outcome.assigned } });
      request.session.set('flash', { kind: 'success', text: `Assigned: the case is now ${describe(outcome.assigned ?? { owner: null, team: null })}.` });
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'case.changed' && error.code !== 'cli.invalid_argument')) throw error;
      return refuse(error.code === 'case.changed'
        ? 'Someone else changed this case since you loaded the page. Nothing was changed: check it and try again.'
        : error.message.replace(/^[^:]+: /, '').replace(/^./, (c) => c.toUpperCase()) + '.');
    }
    return reply.redirect(back, 303);
  });
}
