// Case flags carry stable codes: flags written before codes existed are given the code their wording
// shows (else `note`), keeping their words and order, when the migration runs.
import { describe, expect, it } from 'vitest';
import { migratedUpTo } from '../harness/migrations.js';

describe('flag codes migration', () => {
  it('wraps each old flag as {code, text}, the code read from its wording, and leaves coded flags alone', async () => {
    const { pg, run, close } = await migratedUpTo('0006');
    try {
      const old = [
        'Section 16 (advice and assistance) invoked: "advice and assistance"',
        'Acknowledgement held: 5 already sent to a@example.org in 24 hours (limit 5)',
        'Reply to a closed case: reopen it, or open a new request if it asks for something new',
        'acknowledgement could not be delivered: 550 5.1.1 no such user',
        'Something an officer wrote by hand',
      ];
      const coded = [{ code: 'campaign', text: 'Campaign: already coded' }];
      await pg.query(`insert into cases (reference, kind, regime, status, received_at, received_date, subject, analysis, flags) values
        ('FOI-2017-00001', 'foi', 'foi', 'received', now(), '2017-05-30', 'x', '{}', $1::jsonb),
        ('FOI-2017-00002', 'foi', 'foi', 'received', now(), '2017-05-30', 'y', '{}', $2::jsonb),
        ('FOI-2017-00003', 'foi', 'foi', 'received', now(), '2017-05-30', 'z', '{}', '[]'::jsonb)`, [JSON.stringify(old), JSON.stringify(coded)]);
      await run('0006');
      const rows = (await pg.query<{ flags: unknown }>('select flags from cases order by id')).rows.map((r) => r.flags);
      expect(rows[0]).toEqual([
        { code: 's16', text: old[0] },
        { code: 'ack_rate_limited', text: old[1] },
        { code: 'reply_to_ended', text: old[2] },
        { code: 'undeliverable', text: old[3] },
        { code: 'note', text: old[4] },
      ]);
      expect(rows[1]).toEqual(coded);
      expect(rows[2]).toEqual([]);
    } finally {
      await close();
    }
  });
});
