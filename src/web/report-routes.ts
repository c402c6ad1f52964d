// The reports page (officers and admins): the compliance statistics for a chosen period, with charts
// that need no script (inline SVG, each named for screen readers and followed by a table of the same
// figures), and the disclosure log; each with a CSV download. The figures come from the same code as
// `report compliance` and `export disclosure-log`. An officer of one mailbox sees only its requests.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addDays, isIsoDate, londonDateOf, type IsoDate } from '../clock/index.js';
import { OUTCOME_LABELS } from '../pipeline/case/outcome/outcome-types.js';
import { complianceSections } from '../reports/compliance-sections.js';
import type { ComplianceReport } from '../reports/compliance-types.js';
import { renderDisclosureLogCsv } from '../reports/disclosure-log.js';
import { renderComplianceCsv } from '../reports/render-compliance.js';
import { horizontalBarChart, onTimeChart } from '../reports/svg-charts.js';
import { complianceReportOf } from '../runtime/compliance-report.js';
import { disclosureLogOf } from '../runtime/disclosure-log.js';
import type { ConsoleUser } from './roles.js';
import { page, type ConsoleDeps } from './server.js';

type PeriodQuery = Partial<Record<'from' | 'to' | 'mailbox', string>>;
interface Period { from: IsoDate; to: IsoDate; mailbox: string | null }

/** The period asked for (default: the year so far), or what is wrong with it. */
export function periodOf(query: PeriodQuery, today: IsoDate, user: ConsoleUser): { period: Period; errors: { field: string; text: string }[] } {
  const errors: { field: string; text: string }[] = [];
  const from = query.from?.trim() || `${today.slice(0, 4)}-01-01`;
  const to = query.to?.trim() || today;
  if (!isIsoDate(from)) errors.push({ field: 'from', text: 'Enter the start of the period as YYYY-MM-DD' });
  if (!isIsoDate(to)) errors.push({ field: 'to', text: 'Enter the end of the period as YYYY-MM-DD' });
  if (errors.length === 0 && to < from) errors.push({ field: 'to', text: 'The end of the period must be on or after its start' });
  // An officer of some mailboxes only counts their requests (and the first of them unless one is chosen).
  const asked = query.mailbox?.trim() || null;
  const mailbox = user.mailboxes === null ? asked : asked && user.mailboxes.includes(asked) ? asked : user.mailboxes[0] ?? null;
  const fallback = { from: `${today.slice(0, 4)}-01-01`, to: today };
  return { period: errors.length ? { ...fallback, mailbox } : { from, to, mailbox }, errors };
}

function charts(report: ComplianceReport) {
  const outcomes = [
    { label: OUTCOME_LABELS.granted, value: report.grantedInFull }, { label: OUTCOME_LABELS.part_granted, value: report.partGranted },
    { label: OUTCOME_LABELS.part_not_held, value: report.partNotHeld }, { label: OUTCOME_LABELS.refused, value: report.refusedInFull },
    { label: OUTCOME_LABELS.not_held, value: report.notHeld }, { label: 'Withdrawn', value: report.withdrawn },
  ];
  const topics = Object.entries(report.byTopic).map(([label, value]) => ({ label: label.replace(/_/g, ' '), value }));
  const exemptions = Object.entries(report.exemptions).map(([label, value]) => ({ label, value }));
  return {
    onTime: onTimeChart('chart-on-time', 'Requests answered on time, by month of receipt', report.byMonth),
    outcomes: { svg: horizontalBarChart('chart-outcomes', 'Outcomes of requests answered', outcomes), rows: outcomes },
    topics: { svg: horizontalBarChart('chart-topics', 'Requests received by main topic', topics), rows: topics },
    exemptions: { svg: horizontalBarChart('chart-exemptions', 'Requests applying each exemption or exception', exemptions), rows: exemptions },
  };
}

const query = (p: Period) => new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][]).toString();

function attachment(reply: FastifyReply, name: string, body: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);
}

export function addReportRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const today = () => londonDateOf((deps.now ?? (() => new Date()))());
  const reportFor = (request: FastifyRequest<{ Querystring: PeriodQuery }>) => periodOf(request.query, today(), request.user!);

  app.get<{ Querystring: PeriodQuery }>('/reports', async (request, reply) => {
    const { period, errors } = reportFor(request);
    const [report, log] = await Promise.all([
      complianceReportOf(deps.db, { ...period, now: (deps.now ?? (() => new Date()))() }), disclosureLogOf(deps.db),
    ]);
    const mailboxes = request.user!.mailboxes ?? deps.notify.names;
    return page(request, reply, 'reports.njk', {
      report, period, errors, fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.text])), form: errors.length ? request.query : period, sections: complianceSections(report).filter((s) => s.key !== 'by_month'),
      charts: charts(report), log, mailboxes, csvQuery: query(period),
      quick: [
        { text: 'This year so far', from: `${today().slice(0, 4)}-01-01`, to: today() },
        { text: 'The last 90 days', from: addDays(today(), -89), to: today() },
      ],
    });
  });

  app.get<{ Querystring: PeriodQuery }>('/reports/compliance.csv', async (request, reply) => {
    const { period, errors } = reportFor(request);
    if (errors.length) return reply.code(400).type('text/plain; charset=utf-8').send(errors.map((e) => e.text).join('\n'));
    const report = await complianceReportOf(deps.db, { ...period, now: (deps.now ?? (() => new Date()))() });
    return attachment(reply, `compliance-${period.from}-${period.to}.csv`, renderComplianceCsv(report));
  });

  app.get('/reports/disclosure-log.csv', async (_request, reply) => attachment(reply, 'disclosure-log.csv', renderDisclosureLogCsv(await disclosureLogOf(deps.db))));
}
