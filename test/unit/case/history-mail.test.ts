// Mail from before the acknowledgement cutoff: a case with its deadline, marked imported, and no mail of its own.
import { describe, expect, it } from 'vitest';
import type { CaseDraft } from '../../../src/domain/foi-case.js';
import type { InboundMail } from '../../../src/domain/inbound-mail.js';
import { newCaseMail, openingEvents } from '../../../src/pipeline/case/case-opening.js';
import { asHistory, historyCutoff, historyLineOf } from '../../../src/pipeline/case/history-mail.js';
import type { NotifySettings } from '../../../src/pipeline/notify/compose-messages.js';

const cutoff = new Date('2026-03-02T09:00:00Z');
const now = new Date('2026-03-02T10:00:00Z');
const draft = {
  kind: 'foi', regime: 'foi', jurisdiction: 'england-and-wales', receivedAt: new Date('2025-06-10T09:00:00Z'), receivedDate: '2025-06-10',
  dueDate: '2025-07-08', dueExplain: [], requester: { name: 'Olive Archer', address: 'olive@example.net' }, subject: 'Bus lanes',
  analysis: {} as CaseDraft['analysis'], questions: [], flags: [{ code: 's16', text: 'Section 16 (advice and assistance) invoked' }], acknowledge: { send: true },
} satisfies CaseDraft;

describe('history', () => {
  it('is mail strictly before the cutoff; nothing is history when everything is acknowledged', () => {
    expect(historyCutoff(new Date('2026-03-02T08:59:59Z'), cutoff)).toEqual(cutoff);
    expect(historyCutoff(cutoff, cutoff)).toBeNull();
    expect(historyCutoff(new Date('2001-01-01T00:00:00Z'), null)).toBeNull();
  });

  it('opens an imported case with its deadline, an import event and the acknowledgement withheld, and mails no one', () => {
    const history = asHistory(draft, cutoff);
    expect(history).toMatchObject({ dueDate: '2025-07-08', imported: { source: 'mailbox', cutoff }, acknowledge: { send: false } });
    expect(openingEvents(history, now).map((e) => e.event)).toEqual(['case_opened', 'case_imported', 'acknowledgement_withheld']);
    expect(newCaseMail({ ...history, reference: 'FOI-2025-00001' }, {} as InboundMail, {} as NotifySettings)).toEqual([]);
    expect(historyLineOf(history, 'FOI-2025-00001')).toMatchObject({ reference: 'FOI-2025-00001', dueDate: '2025-07-08', flags: ['s16'] });
  });
});
