// FOI_MAILBOXES_FILE: further mailboxes inherit what they omit from the main environment, take
// credentials from files or variables, and every mistake is one line naming the entry and field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, requireMailboxes } from '../../../src/config.js';
import { referenceFormatsCollide } from '../../../src/pipeline/case/format-reference.js';

const main = {
  FOI_IMAP_URL: 'imaps://foi%40council.gov.uk:secret@imap.council.gov.uk/INBOX',
  FOI_SMTP_URL: 'smtps://smtp.council.gov.uk',
  FOI_FROM: 'FOI Team <foi@council.gov.uk>',
  FOI_OFFICERS: 'foi-officers@council.gov.uk',
  FOI_AUTHORITY_NAME: 'Example Borough Council',
};

const dir = mkdtempSync(join(tmpdir(), 'foi-mailboxes-'));
let files = 0;
function file(content: unknown): string {
  const path = join(dir, `mailboxes-${(files += 1)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const eir = { name: 'eir', imapUrl: 'imaps://eir%40council.gov.uk:pw@imap.council.gov.uk/INBOX', from: 'EIR Team <eir@council.gov.uk>', referenceFormat: 'EIR-{year}-{seq:5}' };
const problem = (content: unknown, env: NodeJS.ProcessEnv = main) => {
  try {
    loadConfig({ ...env, FOI_MAILBOXES_FILE: file(content) });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('FOI_MAILBOXES_FILE', () => {
  it('keeps the single-mailbox environment as the first mailbox, named default unless FOI_MAILBOX_NAME says otherwise', () => {
    expect(requireMailboxes(loadConfig(main)).map((m) => m.name)).toEqual(['default']);
    const config = loadConfig({ ...main, FOI_MAILBOX_NAME: 'foi', FOI_MAILBOXES_FILE: file({ mailboxes: [eir] }) });
    expect(requireMailboxes(config).map((m) => m.name)).toEqual(['foi', 'eir']);
    expect(() => loadConfig({ ...main, FOI_MAILBOX_NAME: 'FOI Inbox' })).toThrow(/^FOI_MAILBOX_NAME: must be lower-case/);
  });

  it('inherits what an entry omits and takes what it gives', () => {
    const [, second] = requireMailboxes(loadConfig({ ...main, FOI_JURISDICTION: 'scotland', FOI_MAILBOXES_FILE: file({ mailboxes: [eir] }) }));
    expect(second).toMatchObject({
      name: 'eir', authorityName: 'Example Borough Council', jurisdiction: 'scotland', referenceFormat: 'EIR-{year}-{seq:5}',
      mail: {
        imap: { host: 'imap.council.gov.uk', user: 'eir@council.gov.uk', password: 'pw', mailbox: 'INBOX' },
        smtp: { host: 'smtp.council.gov.uk', port: 465 },
        from: { name: 'EIR Team', address: 'eir@council.gov.uk' },
        officers: [{ address: 'foi-officers@council.gov.uk' }],
        processedFolder: 'Processed', heldFolder: 'Held',
      },
    });
    const own = requireMailboxes(loadConfig({ ...main, FOI_MAILBOXES_FILE: file([{
      ...eir, officers: ['a@council.gov.uk', 'B <b@council.gov.uk>'], authorityName: 'Another Council', jurisdiction: 'northern-ireland',
      processedFolder: 'EIR/Done', heldFolder: 'EIR/Held', smtpUrl: 'smtp://127.0.0.1:2525', oauthUser: 'eir@council.gov.uk',
    }]) }))[1]!;
    expect(own.oauthUser).toBe('eir@council.gov.uk');
    expect(second!.oauthUser).toBeUndefined();
    expect(own.mail.officers.map((o) => o.address)).toEqual(['a@council.gov.uk', 'b@council.gov.uk']);
    expect(own).toMatchObject({ authorityName: 'Another Council', jurisdiction: 'northern-ireland', mail: { processedFolder: 'EIR/Done', heldFolder: 'EIR/Held', smtp: { port: 2525 } } });
  });

  it('takes credentials from a file (relative to the mailboxes file) or from a named variable, never needing them inline', () => {
    writeFileSync(join(dir, 'eir-imap.secret'), 'imaps://eir:from-file@imap.council.gov.uk/EIR\n');
    const { imapUrl: _, ...noUrl } = eir;
    const fromFile = requireMailboxes(loadConfig({ ...main, FOI_MAILBOXES_FILE: file({ mailboxes: [{ ...noUrl, imapUrlFile: 'eir-imap.secret' }] }) }))[1]!;
    expect(fromFile.mail.imap).toMatchObject({ password: 'from-file', mailbox: 'EIR' });
    const fromEnv = requireMailboxes(loadConfig({
      ...main, FOI_EIR_IMAP: 'imaps://eir:from-env@imap.council.gov.uk/INBOX', FOI_EIR_SMTP: 'smtps://eir:s@smtp.council.gov.uk',
      FOI_MAILBOXES_FILE: file({ mailboxes: [{ ...noUrl, imapUrlEnv: 'FOI_EIR_IMAP', smtpUrlEnv: 'FOI_EIR_SMTP' }] }),
    }))[1]!;
    expect(fromEnv.mail.imap.password).toBe('from-env');
    expect(fromEnv.mail.smtp.password).toBe('s');
    // A FOI_* variable named by imapUrlEnv may itself come from its _FILE twin (container secrets).
    const viaFileTwin = requireMailboxes(loadConfig({
      ...main, FOI_EIR_IMAP_FILE: join(dir, 'eir-imap.secret'), FOI_MAILBOXES_FILE: file({ mailboxes: [{ ...noUrl, imapUrlEnv: 'FOI_EIR_IMAP' }] }),
    }))[1]!;
    expect(viaFileTwin.mail.imap.password).toBe('from-file');
    // The same From through another server is refused; a different From through another server is fine.
    expect(problem({ mailboxes: [{ ...noUrl, from: 'foi@council.gov.uk', imapUrlEnv: 'FOI_EIR_IMAP', smtpUrlEnv: 'FOI_EIR_SMTP' }] },
      { ...main, FOI_EIR_IMAP: 'imaps://eir:x@imap.council.gov.uk/INBOX', FOI_EIR_SMTP: 'smtps://other:s@smtp.council.gov.uk' }))
      .toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.smtpUrl: mailbox "default" sends from foi@council\.gov\.uk/);
  });

  it('names the file variable, the entry and the field in one line', () => {
    expect(problem({ mailboxes: [eir, { ...eir, name: 'eir2', imapUrl: 'imaps://x:y@imap.council.gov.uk/EIR2', from: 'not an address' }] }))
      .toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[1\]\.from: invalid address/);
    expect(problem({ mailboxes: [{ ...eir, name: 'EIR' }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.name: must be lower-case/);
    expect(problem({ mailboxes: [{ ...eir, form: 'x' }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]: Unrecognized key: "form"/);
    expect(problem({ mailboxes: [{ ...eir, jurisdiction: 'wales' }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.jurisdiction: /);
    expect(problem({ mailboxes: [{ ...eir, referenceFormat: 'EIR-{year}' }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.referenceFormat: must contain \{seq\}/);
    expect(problem({ mailboxes: [{ ...eir, officers: [] }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.officers: /);
    expect(problem({ mailboxes: [{ name: 'eir' }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.imapUrl: required/);
    expect(problem({ mailboxes: [{ ...eir, imapUrlEnv: 'FOI_NOT_SET' }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.imapUrl: give only one of/);
    const { imapUrl: _, ...noUrl } = eir;
    expect(problem({ mailboxes: [{ ...noUrl, imapUrlEnv: 'FOI_NOT_SET' }] })).toBe('FOI_MAILBOXES_FILE: mailboxes[0].imapUrlEnv: FOI_NOT_SET is not set');
    expect(problem({ mailboxes: [{ ...noUrl, imapUrlFile: 'missing.secret' }] })).toBe('FOI_MAILBOXES_FILE: mailboxes[0].imapUrlFile: cannot read the file it names');
    expect(problem({ mailboxes: [] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes: /);
    expect(problem('{ not json')).toMatch(/^FOI_MAILBOXES_FILE: not valid JSON/);
    expect(loadConfig.bind(null, { ...main, FOI_MAILBOXES_FILE: join(dir, 'absent.json') })).toThrow(/^FOI_MAILBOXES_FILE: cannot read the file it names$/);
    expect(problem({ mailboxes: [eir] }, { ...main, FOI_SMTP_URL: undefined })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.smtpUrl: required: FOI_SMTP_URL is not set/);
    expect(problem({ mailboxes: [{ ...eir, from: undefined }] }, { ...main, FOI_FROM: undefined })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.from: required/);
  });

  it('refuses plain text to a remote host as for the main mailbox, without echoing the password', () => {
    const message = problem({ mailboxes: [{ ...eir, imapUrl: 'imap://eir:topsecret@imap.council.gov.uk/INBOX' }] });
    expect(message).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.imapUrl: plain-text IMAP to a non-loopback host is refused/);
    expect(message).not.toContain('topsecret');
    expect(problem({ mailboxes: [{ ...eir, smtpUrl: 'smtp://eir:pw@smtp.council.gov.uk:25' }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.smtpUrl: plain-text SMTP/);
    expect(problem({ mailboxes: [{ ...eir, imapUrl: 'imap://eir:pw@imap.council.gov.uk/INBOX' }] }, { ...main, FOI_ALLOW_INSECURE: '1' })).toBeNull();
  });

  it('keeps names, accounts and reference formats apart', () => {
    expect(problem({ mailboxes: [{ ...eir, name: 'default' }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.name: "default" is already the name/);
    expect(problem({ mailboxes: [eir, { ...eir, imapUrl: 'imaps://x:y@imap.council.gov.uk/Other' }] })).toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[1\]\.name: "eir" is already/);
    expect(problem({ mailboxes: [{ ...eir, imapUrl: 'imaps://foi%40council.gov.uk:other@imap.council.gov.uk/INBOX' }] }))
      .toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.imapUrl: the same account and folder as mailbox "default"/);
    expect(problem({ mailboxes: [{ ...eir, referenceFormat: 'FOI-{year}-{seq}' }] }))
      .toMatch(/^FOI_MAILBOXES_FILE: mailboxes\[0\]\.referenceFormat: its references could be mistaken for those of mailbox "default"/);
    // The same format is allowed: the two mailboxes share one sequence.
    expect(problem({ mailboxes: [{ ...eir, referenceFormat: undefined }] })).toBeNull();
  });
});

describe('referenceFormatsCollide', () => {
  it('tells formats that can make the same reference from ones that cannot', () => {
    expect(referenceFormatsCollide('FOI-{year}-{seq:5}', 'EIR-{year}-{seq:5}')).toBe(false);
    expect(referenceFormatsCollide('FOI/{year}/{seq}', 'FOI-{year}-{seq}')).toBe(false);
    expect(referenceFormatsCollide('A{seq}', 'A1{seq}')).toBe(true);
    expect(referenceFormatsCollide('FOI-{year}-{seq}', 'FOI-{year}-{seq:5}')).toBe(true);
    expect(referenceFormatsCollide('foi-{year}-{seq:5}', 'FOI-{year}-{seq:5}')).toBe(true);
  });
});
