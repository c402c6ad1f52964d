// Migration 0010 on a populated database: mailboxes already read count as seen since the epoch (nothing
// in them becomes history), existing cases are not imported, and new mailboxes record their first read.
import { describe, expect, it } from 'vitest';
import { migratedUpTo } from '../harness/migrations.js';

describe('adopting migration', () => {
  it('backfills first-seen to the epoch for mailboxes read before it, and marks no existing case imported', async () => {
    const { pg, run, close } = await migratedUpTo('0010');
    try {
      await pg.query(`insert into mailbox_state (mailbox, uid_validity, last_uid) values ('imap://foi@mail/INBOX', 7, 42)`);
      await pg.query(`insert into cases (reference, kind, regime, status, received_at, received_date, subject, analysis) values
        ('FOI-2017-00001', 'foi', 'foi', 'received', now(), '2017-05-30', 'x', '{}')`);
      await run('0010');
      const [old] = (await pg.query<{ first_seen_at: Date }>('select first_seen_at from mailbox_state')).rows;
      expect(old!.first_seen_at.toISOString()).toBe('1970-01-01T00:00:00.000Z');
      expect((await pg.query('select imported, import_source from cases')).rows).toEqual([{ imported: false, import_source: null }]);

      await pg.query(`insert into mailbox_state (mailbox, uid_validity) values ('imap://eir@mail/INBOX', 9)`);
      const [fresh] = (await pg.query<{ first_seen_at: Date }>(`select first_seen_at from mailbox_state where uid_validity = 9`)).rows;
      expect(fresh!.first_seen_at.getTime()).toBeGreaterThan(Date.UTC(2020, 0, 1));
      // References are unique whatever their letter case.
      await expect(pg.query(`insert into cases (reference, kind, regime, status, received_at, received_date, subject, analysis) values
        ('foi-2017-00001', 'foi', 'foi', 'received', now(), '2017-05-30', 'x', '{}')`)).rejects.toThrow(/cases_reference_upper_key/);
    } finally {
      await close();
    }
  });
});
