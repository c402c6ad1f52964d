// Template preview: the admins' templates (prompts/) rendered for a real case chosen by reference, as the
// requester and the officers would receive them: the acknowledgement, the officer summary, and the
// response letter for an outcome. Nothing is sent or recorded.
import type { FastifyInstance } from 'fastify';
import { caseForPreview, recentReferences } from '../adapters/db/admin-queries.js';
import { loadExtraHolidays } from '../adapters/db/holiday-store.js';
import { londonDateOf } from '../clock/index.js';
import type { CaseFlag } from '../domain/case-flag.js';
import type { ReferencedCase } from '../domain/foi-case.js';
import type { Jurisdiction } from '../domain/jurisdiction.js';
import type { Regime } from '../domain/regime.js';
import type { RequestAnalysis, RequestKind } from '../domain/request-analysis.js';
import { OUTCOMES, type Outcome } from '../pipeline/case/outcome/outcome-types.js';
import { resolveProvisions } from '../pipeline/case/outcome/provisions.js';
import { composeAcknowledgement, composeOfficerSummary } from '../pipeline/notify/compose-messages.js';
import { composeResponse, type ResponseTemplateName } from '../pipeline/notify/compose-response.js';
import { parseMail } from '../pipeline/parse/parse-mail.js';
import { nowOf } from './admin-options.js';
import { page, type ConsoleDeps } from './server.js';

type Preview = NonNullable<Awaited<ReturnType<typeof caseForPreview>>>;

/** The stored case as the pipeline had it when it composed the case's first mail. */
function referencedCase({ row, questions }: Preview): ReferencedCase {
  const analysis = row.analysis as RequestAnalysis;
  return {
    reference: row.reference, kind: row.kind as RequestKind, regime: row.regime === 'none' ? null : (row.regime as Regime),
    jurisdiction: row.jurisdiction as Jurisdiction, receivedAt: row.receivedAt, receivedDate: row.receivedDate, dueDate: row.dueDate,
    dueExplain: row.dueExplain, requester: { name: row.requesterName, address: row.requesterAddress ?? '' }, subject: row.subject, analysis,
    // The questions as they stand now (an officer's corrections included).
    questions: questions.map((q, i) => ({ ...(analysis.questions?.[i] ?? {}), number: q.number, text: q.text, topics: q.topics })),
    flags: row.flags as CaseFlag[], acknowledge: { send: true }, mailbox: row.mailbox,
  };
}

async function previews(deps: ConsoleDeps, found: Preview, outcome: Outcome) {
  const settings = deps.notify.settingsOf(found.row.mailbox);
  const foiCase = referencedCase(found);
  const mail = found.raw ? await parseMail(found.raw) : null;
  const out: { id: string; title: string; subject: string; text: string }[] = [];
  if (mail) {
    const ack = composeAcknowledgement(foiCase, mail, settings);
    const summary = composeOfficerSummary(foiCase, mail, settings);
    out.push({ id: 'acknowledgement', title: 'Acknowledgement (to the requester)', subject: ack.subject, text: ack.text });
    out.push({ id: 'officer-summary', title: 'Officer summary (to the officers)', subject: summary.subject, text: summary.text });
  }
  if (foiCase.regime) {
    const exemptions = outcome === found.row.outcome ? resolveProvisions(found.row.exemptions, foiCase.regime) : null;
    const response = composeResponse({
      reference: foiCase.reference, subject: foiCase.subject, regime: foiCase.regime, jurisdiction: foiCase.jurisdiction,
      requesterName: foiCase.requester.name, receivedDate: foiCase.receivedDate, dueDate: foiCase.dueDate,
      respondedOn: found.row.respondedOn ?? londonDateOf(nowOf(deps)), outcome, provisions: exemptions?.ok ? exemptions.provisions : [],
      questions: found.questions, authorityName: settings.authorityName, extraHolidays: await loadExtraHolidays(deps.db),
    }, settings.templates as ReadonlyMap<string, string> as ReadonlyMap<ResponseTemplateName, string>);
    out.push({ id: 'response', title: `Response letter (${response.template})`, subject: response.subject, text: response.text });
  }
  return { out, messageKept: mail !== null };
}

type PreviewQuery = { reference?: string; outcome?: string };

export function addAdminTemplateRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get<{ Querystring: PreviewQuery }>('/admin/templates', async (request, reply) => {
    const reference = request.query.reference?.trim() ?? '';
    const outcome = (OUTCOMES as readonly string[]).includes(request.query.outcome ?? '') ? (request.query.outcome as Outcome) : null;
    const references = await recentReferences(deps.db);
    if (!reference) return page(request, reply, 'admin/templates.njk', { references, outcomes: OUTCOMES, outcome: 'granted' });
    const found = await caseForPreview(deps.db, reference);
    if (!found) {
      return page(request, reply, 'admin/templates.njk', { references, outcomes: OUTCOMES, outcome: 'granted', reference, errors: [`There is no case ${reference}`] });
    }
    const chosen = outcome ?? ((found.row.outcome as Outcome | null) ?? 'granted');
    const { out, messageKept } = await previews(deps, found, chosen);
    return page(request, reply, 'admin/templates.njk', { references, outcomes: OUTCOMES, outcome: chosen, reference, previews: out, messageKept });
  });
}
