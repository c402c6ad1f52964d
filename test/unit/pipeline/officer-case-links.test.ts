// Officers' mail links each case to its page in the console when FOI_CONSOLE_URL is set, and says
// nothing of the console when it is not; the link holds the reference only, and the requester's
// mail never has one.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import type { OpenedCase } from '../../../src/domain/foi-case.js';
import { defaultPromptsDir } from '../../../src/paths.js';
import { planCase } from '../../../src/pipeline/case/plan-case.js';
import { caseLinkOf } from '../../../src/pipeline/notify/case-link.js';
import { composeCaseUpdate, composeDigest, composeReminder, type CaseSnapshot } from '../../../src/pipeline/notify/compose-case-updates.js';
import { composeImportSummary } from '../../../src/pipeline/notify/compose-import-summary.js';
import { composeAcknowledgement, composeOfficerSummary, type NotifySettings } from '../../../src/pipeline/notify/compose-messages.js';
import { loadTemplates } from '../../../src/pipeline/notify/templates.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';
import { notifyDirectoryOf } from '../../../src/runtime/notify-directory.js';
import { fixture } from '../../harness/test-runtime.js';

const CONSOLE = new URL('https://foi.example.gov.uk');
const LINK = 'https://foi.example.gov.uk/cases/FOI-2017-00001';
const withoutConsole: NotifySettings = {
  templates: loadTemplates(defaultPromptsDir), from: '"FOI Team" <foi@example.gov.uk>', fromAddress: 'foi@example.gov.uk',
  officers: ['officer@example.gov.uk'], authorityName: 'Example Council', jurisdiction: 'england-and-wales', heldFolder: 'Held',
};
const withConsole: NotifySettings = { ...withoutConsole, consoleUrl: CONSOLE };

async function seedCase(): Promise<{ foiCase: OpenedCase; mail: Awaited<ReturnType<typeof parseMail>> }> {
  const mail = await parseMail(fixture('seed-it-security.eml'));
  const draft = planCase({
    mail, receivedAt: new Date('2017-05-30T09:14:32Z'), jurisdiction: 'england-and-wales', automated: { automated: false },
    analysis: {
      kind: 'foi', questions: [{ number: '1', text: 'How many laptops were lost?', topics: ['it_security'] }], topics: ['it_security'],
      citesSection16: false, publicInterestArgument: false, sectionsCited: [], timeSpan: null, ambiguousTerms: [], validity: { valid: true, missing: [] },
      evidence: { section16: null, publicInterest: null, timeSpan: null, kind: null },
    },
  });
  return { foiCase: { ...draft, id: 1, reference: 'FOI-2017-00001' }, mail };
}

const snapshot: CaseSnapshot = {
  reference: 'FOI-2017-00001', subject: 'Laptops lost', status: 'acknowledged', regime: 'foi', requesterName: 'Alex Example',
  requesterAddress: 'alex@example.org', receivedDate: '2017-05-30', dueDate: '2017-06-27', threadIds: [],
};

describe('links from officers\' mail to the console', () => {
  it('puts the case page in the officer summary, text and HTML, and not in the acknowledgement', async () => {
    const { foiCase, mail } = await seedCase();
    const summary = composeOfficerSummary(foiCase, mail, withConsole);
    expect(summary.text.split('\n').slice(0, 3)).toEqual([expect.stringMatching(/^New case FOI-2017-00001 /), `Open the case: ${LINK}`, '']);
    // Mustache escapes every value in HTML templates, `/` as `&#x2F;`: the same address once the mail client reads it.
    expect(summary.html).toContain(`<a href="${LINK.replaceAll('/', '&#x2F;')}">Open case FOI-2017-00001 in the console</a>`);
    const ack = composeAcknowledgement(foiCase, mail, withConsole);
    expect(`${ack.text}${ack.html}`).not.toMatch(/foi\.example\.gov\.uk\/cases|console/);
  });

  it('says nothing of the console without FOI_CONSOLE_URL, the summary unchanged otherwise', async () => {
    const { foiCase, mail } = await seedCase();
    const plain = composeOfficerSummary(foiCase, mail, withoutConsole);
    const linked = composeOfficerSummary(foiCase, mail, withConsole);
    expect(`${plain.text}${plain.html}`).not.toMatch(/Open the case|console|\/cases\//);
    expect(linked.text.replace(`Open the case: ${LINK}\n`, '')).toBe(plain.text);
  });

  it('links reminders, case updates, each case of the digest and each case an import summary lists', () => {
    expect(composeReminder(snapshot, { headline: 'Due in 2 working days', workingDaysLeft: 2 }, withConsole).text).toContain(`Open the case: ${LINK}`);
    expect(composeCaseUpdate(snapshot, 'Reply received', [], withConsole).text).toContain(`Open the case: ${LINK}`);
    const second = { ...snapshot, reference: 'FOI-2017-00002' };
    const digest = composeDigest('2017-06-12', [snapshot, second], withConsole).text;
    expect(digest).toContain(`    ${LINK}\n`);
    expect(digest).toContain('    https://foi.example.gov.uk/cases/FOI-2017-00002\n');
    const item = { reference: 'FOI-2017-00001', dueDate: '2017-06-27', reasons: ['overdue by 1 working day'], subject: 'Laptops lost', workingDaysLeft: -1 };
    const summary = { count: 1, oldest: null, awaitingResponse: 1, overdue: [item], urgent: [] };
    expect(composeImportSummary({ summary, mailbox: 'default', source: { kind: 'file', fileName: 'tracker.csv' }, today: '2017-06-12' }, withConsole).text).toContain(`      ${LINK}\n`);
    for (const text of [composeReminder(snapshot, { headline: 'Due', workingDaysLeft: 2 }, withoutConsole).text, composeDigest('2017-06-12', [snapshot], withoutConsole).text]) {
      expect(text).not.toContain('/cases/');
    }
  });

  it('holds the reference only, escaped as a path segment, at the root of the console\'s host', () => {
    expect(caseLinkOf(new URL('https://foi.example.gov.uk/some/path?q=1'), 'FOI-2017-00001')).toBe(LINK);
    expect(caseLinkOf(new URL('http://127.0.0.1:8080'), 'FOI/2017/7 #a')).toBe('http://127.0.0.1:8080/cases/FOI%2F2017%2F7%20%23a');
    expect(caseLinkOf(null, 'FOI-2017-00001')).toBe('');
  });

  it('reads FOI_CONSOLE_URL from the configuration into every mailbox\'s mail settings', () => {
    const env = { FOI_FROM: 'foi@example.gov.uk', FOI_OFFICERS: 'officer@example.gov.uk' };
    const linked = notifyDirectoryOf(loadConfig({ ...env, FOI_CONSOLE_URL: 'https://foi.example.gov.uk' }));
    expect(linked.settingsOf('default').consoleUrl?.href).toBe('https://foi.example.gov.uk/');
    expect(notifyDirectoryOf(loadConfig(env)).settingsOf('default').consoleUrl).toBeNull();
    expect(() => loadConfig({ ...env, FOI_CONSOLE_URL: 'http://foi.example.gov.uk' })).toThrow(/^FOI_CONSOLE_URL: must be https:\/\//);
    expect(() => loadConfig({ ...env, FOI_CONSOLE_URL: 'foi.example.gov.uk' })).toThrow(/^FOI_CONSOLE_URL: must be an absolute URL/);
  });
});
