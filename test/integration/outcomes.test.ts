// A quarter's requests (January to March 2026) through the real command: mail in by `run --once`, then
// officers record outcomes, an extension, a withdrawal, a review and an ICO appeal with `case ...`, and
// `report compliance` must give the figures counted by hand below. Both tiers: PostgreSQL when
// DATABASE_URL is set, else PGlite; the mailbox is Dovecot or the in-process server.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { cliEnv, jsonLines, runCli } from '../harness/cli.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { FOI_FROM, OFFICERS } from '../harness/test-runtime.js';

let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dir: string;
let env: NodeJS.ProcessEnv;
const refs = new Map<string, string>();

interface Request { key: string; received: string; name: string; address: string; subject: string; body: string }

// Fixtures written for this test. A-J are requests in the quarter, K a subject access request, L next quarter's.
const foi = (what: string) => `Dear FOI team,\n\nUnder the Freedom of Information Act 2000, please send me ${what}.\n\n`;
const REQUESTS: Request[] = [
  { key: 'A', received: '2026-01-06', name: 'Alex Example', address: 'alex@example.org', subject: 'Parking fines issued in 2025', body: foi('the number of parking fines issued in 2025, by month') },
  { key: 'B', received: '2026-01-13', name: 'Bea Sample', address: 'bea@example.net', subject: 'Agency staff spending', body: foi('the total spent on agency staff in 2024-25 and the names of the agencies used') },
  { key: 'C', received: '2026-01-20', name: 'Cal Tester', address: 'cal@example.com', subject: 'All emails about the budget', body: foi('every email sent by any councillor mentioning the budget since 2015') },
  { key: 'D', received: '2026-02-02', name: 'Dee Writer', address: 'dee@example.org', subject: 'Drone purchases', body: foi('the number of drones the council bought in 2025 and their cost') },
  { key: 'E', received: '2026-02-09', name: 'Eli Asker', address: 'eli@example.net', subject: 'Waste collection contract', body: foi('a copy of the current waste collection contract, including its pricing schedule') },
  { key: 'F', received: '2026-02-16', name: 'Fay Person', address: 'fay@example.com', subject: 'Library opening hours', body: foi('the number of hours each library was open in 2025') },
  { key: 'G', received: '2026-03-02', name: 'Gus Inquirer', address: 'gus@example.org', subject: 'Complaints about the chief executive', body: foi('every complaint made about the chief executive and how each was handled') },
  { key: 'H', received: '2026-03-09', name: 'Hal Curious', address: 'hal@example.net', subject: 'School transport costs', body: foi('the cost of home to school transport in 2024-25') },
  { key: 'I', received: '2026-03-16', name: 'Ivy Green', address: 'ivy@example.com', subject: 'Air quality monitoring on the high street',
    body: 'Dear FOI team,\n\nUnder the Environmental Information Regulations 2004, please send me the nitrogen dioxide air quality monitoring results for the high street diffusion tubes for 2025, and the names of the residents who complained about emissions.\n\n' },
  { key: 'J', received: '2026-03-23', name: 'Jo Query', address: 'jo@example.org', subject: 'Pothole repairs', body: foi('the number of potholes repaired in 2025 and the cost of each repair') },
  { key: 'K', received: '2026-01-27', name: 'Kit Own', address: 'kit@example.net', subject: 'Subject access request',
    body: 'Dear data protection officer,\n\nUnder the UK GDPR, please send me a copy of all the personal data you hold about me, including my council tax records.\n\n' },
  { key: 'L', received: '2026-04-02', name: 'Lee Later', address: 'lee@example.com', subject: 'Bus shelter adverts', body: foi('the income from advertising on bus shelters in 2025') },
];

function eml(r: Request): string {
  return [`From: ${r.name} <${r.address}>`, 'To: FOI Team <foi@example.gov.uk>', `Subject: ${r.subject}`,
    `Date: ${new Date(`${r.received}T10:00:00Z`).toUTCString()}`, `Message-ID: <${r.key.toLowerCase()}-${r.received}@example.test>`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '',
    `${r.body}Yours sincerely,\n${r.name}\n1 Example Street, Exampletown\n`].join('\r\n');
}

const cli = (...args: string[]) => runCli(args, env);
const ok = async (...args: string[]) => {
  const result = await cli(...args);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result.stdout;
};
const ref = (key: string) => refs.get(key)!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'foi-outcomes-'));
  [mailbox, smtp] = await Promise.all([startTestMailbox(), startSmtpSink()]);
  if (process.env.DATABASE_URL) db = await createTestDatabase();
  env = cliEnv({
    ...(db ? { DATABASE_URL: db.url! } : { FOI_DATA_DIR: join(dir, 'data') }),
    FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM, FOI_OFFICERS: OFFICERS,
    FOI_AUTHORITY_NAME: 'Exampletown Council', FOI_ACKNOWLEDGE_SINCE: 'all',
  });
  for (const r of REQUESTS) await mailbox.append(eml(r), new Date(`${r.received}T10:00:00Z`));
  await ok('run', '--once');
  for (const c of jsonLines(await ok('cases', 'list', '--json'))) {
    const r = REQUESTS.find((x) => x.subject === c.subject);
    if (r) refs.set(r.key, String(c.reference));
  }
}, 300_000);

afterAll(async () => {
  await Promise.all([mailbox?.close(), smtp?.close(), db?.drop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('outcomes, compliance statistics and the disclosure log', () => {
  it('every message opened its case, with the kinds the counting relies on', async () => {
    const listed = jsonLines(await ok('cases', 'list', '--json'));
    expect(refs.size).toBe(12);
    const kindOf = (key: string) => listed.find((c) => c.reference === ref(key))!;
    expect(kindOf('I')).toMatchObject({ kind: 'eir', regime: 'eir' });
    expect(kindOf('K')).toMatchObject({ kind: 'sar' });
    for (const key of 'ABCDEFGHJL') expect(kindOf(key), key).toMatchObject({ kind: 'foi', regime: 'foi', outcome: null, exemptions: [], respondedOn: null });
  });

  it('refuses what cannot be recorded, with exit 2 and nothing saved', async () => {
    // s43(2) is a FOIA exemption; the EIR request needs the EIR's own exception (reg12(5)(e)).
    const wrongRegime = await cli('case', 'respond', ref('I'), '--outcome', 'part_granted', '--exemption', 's43(2)', '--on', '2026-04-01');
    expect(wrongRegime.code).toBe(2);
    expect(wrongRegime.stderr).toMatch(/s43\(2\).*not a provision of the EIR/);
    const unknown = await cli('case', 'respond', ref('B'), '--outcome', 'refused', '--exemption', 's99', '--on', '2026-02-03');
    expect(unknown.code).toBe(2);

    await ok('case', 'withdraw', ref('F'), '--reason', 'the requester withdrew it');
    const withdrawn = await cli('case', 'respond', ref('F'), '--outcome', 'granted', '--on', '2026-02-20');
    expect(withdrawn.code).toBe(2);
    expect(withdrawn.stderr).toMatch(/was withdrawn: a withdrawn request has no outcome/);

    // The default letter has places for the officer to fill: it is never sent as it is.
    const unfinished = await cli('case', 'respond', ref('A'), '--outcome', 'granted', '--on', '2026-01-20', '--send');
    expect(unfinished.code).toBe(2);
    expect(unfinished.stderr).toMatch(/--draft/);

    const listed = jsonLines(await ok('cases', 'list', '--json'));
    for (const key of 'IBA') expect(listed.find((c) => c.reference === ref(key)), key).toMatchObject({ outcome: null, respondedOn: null });
  });

  it('records the quarter, sends a completed response in the thread, and reports it as counted by hand', async () => {
    const draft = await ok('case', 'respond', ref('A'), '--outcome', 'granted', '--on', '2026-01-20', '--draft');
    expect(draft).toContain('[Officer:');
    const letter = join(dir, 'letter-a.txt');
    writeFileSync(letter, draft.replace(/\[Officer:[^\]]*\]/g, 'The figures are attached.'));
    const sent = JSON.parse(await ok('case', 'respond', ref('A'), '--outcome', 'granted', '--on', '2026-01-20', '--send', '--letter', letter));
    expect(sent).toMatchObject({ status: 'responded', queued: ['response'], recorded: { outcome: 'granted', onTime: true } });

    await ok('case', 'respond', ref('B'), '--outcome', 'part_granted', '--exemption', 's40(2)', '--on', '2026-02-03');
    const late = JSON.parse(await ok('case', 'respond', ref('C'), '--outcome', 'refused', '--exemption', 'section 12', '--on', '2026-03-31'));
    // Due Tue 17 Feb 2026; 18 Feb to 31 Mar is 30 weekdays less St Patrick's Day (17 Mar, a bank holiday in Northern Ireland).
    expect(late.recorded).toEqual({ outcome: 'refused', exemptions: ['s12'], respondedOn: '2026-03-31', onTime: false, workingDaysLate: 29 });
    await ok('case', 'respond', ref('D'), '--outcome', 'not_held', '--on', '2026-02-16');
    // E: the requester told on 20 Feb, before the statutory date (Mon 9 Mar); extended to the 40th working day, Thu 9 Apr.
    const extended = JSON.parse(await ok('case', 'extend', ref('E'), '--pit', '--notice-given', '2026-02-20', '--exemption', 's43(2)'));
    expect(extended).toMatchObject({ status: 'extended', dueDate: '2026-04-09', queued: ['extension_notice', 'case_update'] });
    await ok('case', 'respond', ref('E'), '--outcome', 'part_granted', '--exemption', 's43(2)', '--on', '2026-03-30');
    await ok('case', 'respond', ref('G'), '--outcome', 'refused', '--exemption', 's14(1)', '--on', '2026-03-10');
    await ok('case', 'review-outcome', ref('G'), '--outcome', 'upheld', '--requested', '2026-03-20', '--on', '2026-04-10');
    await ok('case', 'appeal', ref('G'), '--decision-notice', 'IC-123456-A1B2', '--outcome', 'upheld', '--on', '2026-06-01');
    await ok('case', 'respond', ref('I'), '--question', '1=part_granted:reg13', '--on', '2026-04-01');
    // J straddles the quarter: received in March, answered late in May, counted in the quarter it was received.
    await ok('case', 'respond', ref('J'), '--outcome', 'part_not_held', '--on', '2026-05-20');
    await ok('case', 'respond', ref('K'), '--outcome', 'granted', '--on', '2026-02-10');
    await ok('case', 'respond', ref('L'), '--outcome', 'granted', '--on', '2026-04-10');

    await ok('run', '--once');
    const response = smtp.received.find((m) => m.parsed.subject?.includes(ref('A')) && m.parsed.text?.includes('The figures are attached.'));
    // A reply in the case's thread: it answers the last message of the thread and lists the request first.
    expect(response?.parsed.references).toEqual(expect.arrayContaining(['<a-2026-01-06@example.test>']));
    expect(response?.parsed.inReplyTo).toEqual(expect.any(String));
    expect(response?.parsed.text).not.toContain('[Officer:');

    const listed = jsonLines(await ok('cases', 'list', '--json'));
    expect(listed.find((c) => c.reference === ref('C'))).toMatchObject({ regime: 'foi', outcome: 'refused', exemptions: ['s12'], respondedOn: '2026-03-31' });
    expect(listed.find((c) => c.reference === ref('I'))).toMatchObject({ regime: 'eir', outcome: 'part_granted', exemptions: ['reg13'], respondedOn: '2026-04-01' });
    expect(listed.find((c) => c.reference === ref('H'))).toMatchObject({ outcome: null, exemptions: [], respondedOn: null });
    const history = JSON.parse(await ok('case', 'show', ref('G'), '--json')) as { events: { event: string }[] };
    expect(history.events.map((e) => e.event)).toEqual(expect.arrayContaining(['responded', 'outcome_recorded', 'review_started', 'review_decided', 'appeal_decided']));

    const report = JSON.parse(await ok('report', 'compliance', '--from', '2026-01-01', '--to', '2026-03-31', '--json'));
    // The hand count (A-J are the quarter's requests; K is a SAR, L is April's):
    //   in time A B D G I, within E's extension E; late C (29 working days) and J (19: due Wed 22 Apr, Easter and 4 May skipped);
    //   open H; withdrawn F.
    expect(report).toMatchObject({
      received: 10, open: 1, respondedInTime: 6, respondedLate: 2, extended: 1,
      grantedInFull: 1, partGranted: 3, refusedInFull: 2, notHeld: 1, partNotHeld: 1, withdrawn: 1, internalReviews: 1,
      onTimePercent: 75, icoBand: 'unsatisfactory', closedWithoutResponse: 0, awaitingClarification: 0,
      exemptions: { 's12': 1, 's14(1)': 1, 's40(2)': 1, 's43(2)': 1, 'reg13': 1 },
      byKind: { foi: 9, eir: 1, sar: 1 },
      byMonth: [
        { month: '2026-01', received: 3, respondedInTime: 2, respondedLate: 1, onTimePercent: 66.7 },
        { month: '2026-02', received: 3, respondedInTime: 2, respondedLate: 0, onTimePercent: 100 },
        { month: '2026-03', received: 4, respondedInTime: 2, respondedLate: 1, onTimePercent: 66.7 },
      ],
      code45: { received: 10, notYetProcessed: 1, suspended: 0, processed: 8, withdrawn: 1, late: 2, overdueOpen: 1, extended: 1, referredForInternalReview: 1 },
    });
    expect(Object.keys(report.exemptions)).toHaveLength(5);
    expect(Object.values(report.byTopic as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(10);
    expect(report.cabinetOffice.timeliness).toEqual({
      metDeadline: 5, withinPermittedExtension: 1, late: 2, pendingInTime: 0, pendingOverdue: 1, inTimePercent: 75,
      workingDaysLateTotal: 48, workingDaysLateMax: 29,
    });
    expect(report.cabinetOffice.internalReviews).toMatchObject({ requested: 1, decided: 1, pending: 0, upheld: 1, partUpheld: 0, overturned: 0, decidedInTime: 1, requestedInPeriod: 1 });
    expect(report.cabinetOffice.appeals).toEqual({ decided: 1, upheld: 1, partUpheld: 0, overturned: 0, ico: 1, sic: 0 });
    expect(report.cabinetOffice.pitExtensions).toEqual({ count: 1, durations: { upTo20: 1, from21To40: 0, from41To60: 0, over60: 0 } });
    expect(report.cabinetOffice.withheldReasons).toEqual({ cost: 1, vexatiousOrRepeated: 1, other: 3 });
    expect(report.scottish).toBeNull();

    // The same figures for publication.
    const csv = await ok('report', 'compliance', '--from', '2026-01-01', '--to', '2026-03-31', '--csv');
    expect(csv.split('\n')[0]).toMatch(/,/);
    expect(csv).toMatch(/75(\.0)?/);
    const htmlPath = join(dir, 'compliance.html');
    await ok('report', 'compliance', '--from', '2026-01-01', '--to', '2026-03-31', '--html', '--out', htmlPath);
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<svg');
    expect(html).toContain('<table');
    expect(html).not.toMatch(/<script/i);
    const table = await ok('report', 'compliance', '--from', '2026-01-01', '--to', '2026-03-31');
    expect(table).toContain('Compliance report: requests received 2026-01-01 to 2026-03-31');
  }, 400_000);

  it('publishes only validated responses, without the requesters\' personal data', async () => {
    const notAnswered = await cli('case', 'publish', ref('H'));
    expect(notAnswered.code).toBe(2);
    await ok('case', 'publish', ref('A'), '--attachment', 'Parking fines 2025.xlsx');
    await ok('case', 'publish', ref('B'));
    const log = JSON.parse(await ok('export', 'disclosure-log', '--json')) as { entries: Array<Record<string, unknown>> };
    expect(log.entries.map((e) => e.reference)).toEqual([ref('B'), ref('A')]);
    expect(log.entries[1]).toMatchObject({ outcome: 'granted', attachments: ['Parking fines 2025.xlsx'], subject: 'Parking fines issued in 2025' });
    expect(log.entries[0]).toMatchObject({ outcome: 'part_granted', provisions: [{ code: 's40(2)', title: expect.any(String) }] });
    expect(String(log.entries[1]!.request)).toContain('parking fines issued in 2025');
    const htmlPath = join(dir, 'log.html');
    await ok('export', 'disclosure-log', '--html', '--out', htmlPath);
    const csv = await ok('export', 'disclosure-log', '--csv');
    for (const text of [JSON.stringify(log), readFileSync(htmlPath, 'utf8'), csv]) {
      for (const r of REQUESTS.slice(0, 2)) {
        expect(text).not.toContain(r.name);
        expect(text).not.toContain(r.address);
        expect(text).not.toContain('1 Example Street');
      }
    }
    // `disclosure-log` is the log, never a reference; `export REF` still exports a case.
    expect(JSON.stringify(JSON.parse(await ok('export', ref('A'))))).toContain(ref('A'));
  }, 300_000);
});
