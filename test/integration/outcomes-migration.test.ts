// Migration 0009 adds the outcome columns to a populated database: existing cases get empty defaults, and
// a case responded before outcomes existed keeps its response date (read from its audit trail), with no outcome.
import { describe, expect, it } from 'vitest';
import { migratedUpTo } from '../harness/migrations.js';

describe('outcome columns migration', () => {
  it('backfills the response date from the responded event and leaves everything else empty', async () => {
    const { pg, run, close } = await migratedUpTo('0009');
    try {
      await pg.query(`insert into cases (reference, kind, regime, status, received_at, received_date, subject, analysis) values
        ('FOI-2025-00001', 'foi', 'foi', 'responded', now(), '2025-05-01', 'answered', '{}'),
        ('FOI-2025-00002', 'foi', 'foi', 'in_progress', now(), '2025-05-02', 'open', '{}')`);
      await pg.query(`insert into case_events (case_id, at, event, from_status, to_status, cause, details) values
        (1, now(), 'responded', 'in_progress', 'responded', 'officer', '{"respondedOn": "2025-05-20", "onTime": true}'),
        (2, now(), 'acknowledged', 'received', 'acknowledged', 'ack', '{}')`);
      await run('0009');
      const rows = (await pg.query<Record<string, unknown>>(
        `select responded_on::text as responded_on, outcome, exemptions, question_outcomes, review, appeal, publication_validated_at, published_attachments
         from cases order by id`)).rows;
      expect(rows[0]).toEqual({ responded_on: '2025-05-20', outcome: null, exemptions: [], question_outcomes: [], review: null, appeal: null,
        publication_validated_at: null, published_attachments: [] });
      expect(rows[1]).toMatchObject({ responded_on: null, outcome: null, exemptions: [] });
    } finally {
      await close();
    }
  });
});
