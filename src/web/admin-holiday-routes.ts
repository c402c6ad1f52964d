// Bank holidays: the built-in calendar for a year (gov.uk's list, or the customary rules beyond it) and
// the extra days admins add when a holiday is proclaimed. Adding or removing one recomputes every open
// case's due date through the same core as `holidays add`, each change recorded on its case.
import type { FastifyInstance } from 'fastify';
import { createHolidayRemovalStore } from '../adapters/db/admin-queries.js';
import { recordAudit } from '../adapters/db/console-case-queries.js';
import { loadExtraHolidays } from '../adapters/db/holiday-store.js';
import { addDays, createBankHolidayLookup, isIsoDate, londonDateOf, type ExtraHoliday } from '../clock/index.js';
import { JURISDICTION_NAMES, JURISDICTIONS } from '../domain/jurisdiction.js';
import { addHoliday, type RecomputedCase } from '../pipeline/case/add-holiday.js';
import { removeHoliday } from '../pipeline/case/remove-holiday.js';
import { done, nowOf } from './admin-options.js';
import { page, type ConsoleDeps } from './server.js';

const DIVISIONS = [...JURISDICTIONS, 'united-kingdom'] as const;
const DIVISION_NAMES: Record<string, string> = { ...JURISDICTION_NAMES, 'united-kingdom': 'The whole United Kingdom' };

/** The built-in bank holidays of `year`, one row per date with the divisions that keep it. */
export function builtInHolidays(year: number) {
  const lookup = createBankHolidayLookup();
  const rows: { date: string; name: string; divisions: string[]; source: string }[] = [];
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
    const entries = lookup.on(date);
    if (entries.length === 0) continue;
    rows.push({ date, name: entries[0]!.name, divisions: entries.map((e) => JURISDICTION_NAMES[e.division]), source: entries[0]!.source });
  }
  return rows;
}

type HolidayForm = Partial<Record<'date' | 'jurisdiction' | 'reason', string>>;

function errorsOf(form: HolidayForm): { field: string; text: string }[] {
  const errors = [];
  if (!isIsoDate(form.date ?? '')) errors.push({ field: 'date', text: 'Enter the date as YYYY-MM-DD, for example 2026-05-08' });
  if (!(DIVISIONS as readonly string[]).includes(form.jurisdiction ?? '')) errors.push({ field: 'jurisdiction', text: 'Choose where the holiday is kept' });
  if (!form.reason?.trim()) errors.push({ field: 'reason', text: 'Give the reason, for example the proclamation' });
  return errors;
}

const moved = (changed: RecomputedCase[]) => (changed.length === 0 ? 'no open case\'s due date changed'
  : `${changed.length} open case${changed.length === 1 ? '' : 's'} recomputed (${changed.slice(0, 5).map((c) => `${c.reference}: ${c.oldDueDate} → ${c.newDueDate}`).join('; ')}${changed.length > 5 ? '; …' : ''})`);

export function addAdminHolidayRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const show = async (request: Parameters<typeof page>[0], reply: Parameters<typeof page>[1], year: number, extra: object = {}) =>
    page(request, reply, 'admin/holidays.njk', {
      year, builtIn: builtInHolidays(year), extras: await loadExtraHolidays(deps.db), divisions: DIVISIONS, divisionNames: DIVISION_NAMES, form: {}, fieldErrors: {}, ...extra,
    });

  app.get<{ Querystring: { year?: string } }>('/admin/holidays', async (request, reply) => {
    const asked = Number(request.query.year);
    const year = Number.isInteger(asked) && asked >= 1990 && asked <= 2100 ? asked : Number(londonDateOf(nowOf(deps)).slice(0, 4));
    return show(request, reply, year);
  });

  app.post<{ Body: HolidayForm }>('/admin/holidays', async (request, reply) => {
    const form = request.body ?? {};
    const errors = errorsOf(form);
    if (errors.length > 0) return show(request, reply, Number(londonDateOf(nowOf(deps)).slice(0, 4)), { form, errors, fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.text])) });
    const holiday: ExtraHoliday = { date: form.date!, jurisdiction: form.jurisdiction as ExtraHoliday['jurisdiction'], reason: form.reason!.trim() };
    const changed = await addHoliday(deps.stores.holidays, holiday, nowOf(deps));
    await recordAudit(deps.db, { actor: request.user!.identity, caseId: null, action: 'holiday_add', details: { ...holiday, recomputed: changed.length } });
    return done(request, reply, `/admin/holidays?year=${holiday.date.slice(0, 4)}`, `Holiday ${holiday.date} added: ${moved(changed)}.`);
  });

  app.post<{ Body: HolidayForm }>('/admin/holidays/remove', async (request, reply) => {
    const { date = '', jurisdiction = '' } = request.body ?? {};
    const holiday = { date, jurisdiction: jurisdiction as ExtraHoliday['jurisdiction'] };
    const changed = await removeHoliday(createHolidayRemovalStore(deps.db), holiday, nowOf(deps));
    if (changed === null) return done(request, reply, '/admin/holidays', `There is no extra holiday on ${date} for that jurisdiction.`, 'error');
    await recordAudit(deps.db, { actor: request.user!.identity, caseId: null, action: 'holiday_remove', details: { ...holiday, recomputed: changed.length } });
    return done(request, reply, `/admin/holidays?year=${date.slice(0, 4)}`, `Holiday ${date} removed: ${moved(changed)}.`);
  });
}
