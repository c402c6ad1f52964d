// Every store over one database: what the composition root hands the pipeline's deciders and the jobs.
import type { HolidayStore } from '../../pipeline/case/add-holiday.js';
import type { CaseStore } from '../../pipeline/case/case-store.js';
import type { ReminderStore } from '../../pipeline/case/remind-officers.js';
import type { IntakeStore } from '../../pipeline/intake/intake-store.js';
import type { OutboxStore } from '../../pipeline/notify/outbox-store.js';
import { createCaseStore } from './case-store.js';
import type { Db } from './database.js';
import { createHolidayStore } from './holiday-store.js';
import { createIntakeStore } from './intake-store.js';
import { createLeaseStore, type LeaseStore } from './mailbox-state-store.js';
import { createOutboxStore } from './outbox-store.js';
import { createReminderStore } from './reminder-store.js';
import { createRetentionStore, type RetentionStore } from './retention-store.js';

export interface Stores {
  cases: CaseStore;
  intake: IntakeStore;
  outbox: OutboxStore;
  reminders: ReminderStore;
  holidays: HolidayStore;
  retention: RetentionStore;
  leases: LeaseStore;
}

export function createStores(db: Db): Stores {
  return {
    cases: createCaseStore(db), intake: createIntakeStore(db), outbox: createOutboxStore(db),
    reminders: createReminderStore(db), holidays: createHolidayStore(db), retention: createRetentionStore(db),
    leases: createLeaseStore(db),
  };
}
