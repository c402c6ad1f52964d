// The compliance report over the database's cases, for `report compliance` and the console's reports page:
// the cases with their history are loaded, read through the outcome rules, and counted (src/reports).
import { loadExtraHolidays } from '../adapters/db/holiday-store.js';
import { loadCasesWithHistory } from '../adapters/db/outcome-queries.js';
import type { Db } from '../adapters/db/database.js';
import type { IsoDate } from '../clock/index.js';
import { outcomeCaseFromEvents } from '../pipeline/case/outcome/outcome-case.js';
import { computeComplianceReport } from '../reports/compliance.js';
import type { ComplianceReport } from '../reports/compliance-types.js';

/** The report over the database's cases as they stand at `now`. */
export async function complianceReportOf(db: Db, options: { from: IsoDate; to: IsoDate; mailbox?: string | null; now: Date }): Promise<ComplianceReport> {
  const extraHolidays = await loadExtraHolidays(db);
  const loaded = await loadCasesWithHistory(db, { mailbox: options.mailbox });
  const cases = loaded.map((c) => outcomeCaseFromEvents(c.source, c.events, { extraHolidays }));
  return computeComplianceReport(cases, { ...options, extraHolidays });
}
