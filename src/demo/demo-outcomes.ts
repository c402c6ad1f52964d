// The demo's last act: an officer records the outcomes of a few sample requests (through actOnCase, as
// `case respond --outcome` does), then the quarter's compliance table is printed as `report compliance` would.
import { listCases } from '../adapters/db/case-queries.js';
import { addDays, londonDateOf, type IsoDate } from '../clock/index.js';
import { complianceReportOf } from '../cli/report-command.js';
import { actOnCase } from '../pipeline/case/act-on-case.js';
import { renderComplianceText } from '../reports/render-compliance.js';
import type { Runtime } from '../runtime.js';

// A granted answer, a partial refusal on third-party personal data, a refusal on cost, and a late "not held".
const PLAN = [
  { outcome: 'granted', provisions: [] as string[], daysLate: 0 },
  { outcome: 'part_granted', provisions: ['s40(2)'], daysLate: 0 },
  { outcome: 'refused', provisions: ['s12'], daysLate: 0 },
  { outcome: 'not_held', provisions: [], daysLate: 9 },
] as const;

function quarterOf(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  const next = first + 3 > 12 ? `${year + 1}-01-01` : `${year}-${String(first + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

export async function recordDemoOutcomes(runtime: Runtime, say: (line?: string) => void, now: Date): Promise<void> {
  const requests = (await listCases(runtime.database.db)).filter((c) => (c.regime === 'foi' || c.regime === 'eir') && c.dueDate !== null);
  if (requests.length === 0) return;
  // The quarter of the first request, and the requests received in it that the plan can answer.
  const { from, to } = quarterOf(londonDateOf(new Date(requests[0]!.receivedAt)));
  const inQuarter = requests.filter((c) => { const d = londonDateOf(new Date(c.receivedAt)); return d >= from && d <= to; });
  say('== Outcomes recorded (case respond --outcome) ==');
  for (const [i, c] of inQuarter.slice(0, PLAN.length).entries()) {
    const plan = PLAN[i]!;
    const exemptions = c.regime === 'eir' ? plan.provisions.map((p) => (p === 's40(2)' ? 'reg13' : 'reg12(4)(b)')) : plan.provisions;
    const on = addDays(c.dueDate!, plan.daysLate);
    const result = await actOnCase(runtime.stores.cases, c.reference, {
      type: 'record_outcome', outcome: plan.outcome, provisions: exemptions, respondedOn: on, cause: 'demo officer',
    }, { now, notify: runtime.notify }).catch((error: unknown) => {
      say(`  ${c.reference}  not recorded: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (!result?.recorded) continue;
    const r = result.recorded;
    say(`  ${c.reference}  ${r.outcome}${r.exemptions.length ? ` (${r.exemptions.join(', ')})` : ''}  sent ${r.respondedOn}, due ${c.dueDate}: ${r.onTime ? 'in time' : `late by ${r.workingDaysLate} working day(s)`}`);
  }
  say(`\n== report compliance --from ${from} --to ${to} ==`);
  say(renderComplianceText(await complianceReportOf(runtime.database.db, { from, to, now })));
}
