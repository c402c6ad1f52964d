// How every `case ...` command that changes a case runs its action: open and migrate the database, read
// the administrators' extra holidays, act through actOnCase (lock → decide → save → outbox), print the result.
import { loadExtraHolidays } from '../adapters/db/holiday-store.js';
import { loadConfig } from '../config.js';
import { actOnCase, type ActOptions, type CaseActionOutcome, type OfficerAction } from '../pipeline/case/act-on-case.js';
import { notifyDirectoryOf } from '../runtime/notify-directory.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

export type ExtraActOptions = Pick<ActOptions, 'message' | 'sendResponse' | 'draftResponse'>;

export function runCaseAction(
  { env, write }: CommandContext, reference: string, action: OfficerAction, extra: ExtraActOptions = {},
  print: (outcome: CaseActionOutcome) => void = (outcome) => write(JSON.stringify(outcome)),
): Promise<void> {
  const config = loadConfig(env);
  return withMigratedDb(config, async (db, stores) => {
    const extraHolidays = await loadExtraHolidays(db);
    const outcome = await actOnCase(stores.cases, reference, action, { now: new Date(), notify: notifyDirectoryOf(config), context: { extraHolidays }, ...extra });
    print(outcome);
  });
}

/** Commander's collector for a repeatable option. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
