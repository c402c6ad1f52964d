// The admins' templates are read once at start-up: a missing or broken one stops the program there,
// naming it, rather than failing a message's transaction later.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { defaultPromptsDir } from '../../../src/paths.js';
import { loadTemplates } from '../../../src/pipeline/notify/templates.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function promptsWith(name: string, text: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'foi-prompts-'));
  dirs.push(dir);
  cpSync(defaultPromptsDir, dir, { recursive: true });
  if (text === null) rmSync(join(dir, name));
  else writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadTemplates', () => {
  it('loads the shipped templates', () => {
    expect(loadTemplates(defaultPromptsDir).size).toBeGreaterThanOrEqual(12);
  });

  it('refuses a template with an unclosed tag, naming it', () => {
    const dir = promptsWith('acknowledgement.txt', 'Dear {{requesterGreeting}},\n{{#questions}}{{label}} {{text}}\n');
    expect(() => loadTemplates(dir)).toThrow(expect.objectContaining({ code: 'template.invalid', message: expect.stringMatching(/^template acknowledgement\.txt cannot be read/) }));
  });

  it('refuses a missing template, naming it', () => {
    let caught: unknown;
    try {
      loadTemplates(promptsWith('digest.txt', null));
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'template.missing')).toBe(true);
    expect((caught as Error).message).toMatch(/digest\.txt/);
  });
});
