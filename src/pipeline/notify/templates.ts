// Loads the message templates admins edit (prompts/) once, checks that each parses, and renders them with Mustache:
// HTML templates escape every value, plain-text templates escape nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';
import { AppError } from '../../errors.js';

export const TEMPLATE_NAMES = [
  'acknowledgement.txt', 'acknowledgement.html', 'officer-summary.txt', 'officer-summary.html', 'held-notice.txt',
  'clarification-request.txt', 'clarification-acknowledgement.txt', 'extension-notice.txt', 'case-update.txt', 'reminder.txt',
  'digest.txt', 'complaint-receipt.txt', 'import-summary.txt', 'response.txt', 'refusal-notice.txt', 'response-rights.txt',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type TemplateSet = ReadonlyMap<TemplateName, string>;

export function loadTemplates(dir: string): TemplateSet {
  const set = new Map<TemplateName, string>();
  for (const name of TEMPLATE_NAMES) {
    let template: string;
    try {
      template = readFileSync(join(dir, name), 'utf8');
    } catch (cause) {
      throw new AppError('template.missing', `template ${name} not found in the prompts folder`, { cause });
    }
    // A broken template (an unclosed tag) stops start-up, rather than a message's transaction later:
    // what a template renders then depends only on the case's values, which cannot break it.
    try {
      Mustache.parse(template);
    } catch (cause) {
      throw new AppError('template.invalid', `template ${name} cannot be read: ${(cause as Error).message}`, { cause });
    }
    set.set(name, template);
  }
  return set;
}

const identity = (value: unknown) => String(value);

export function renderTemplate(templates: TemplateSet, name: TemplateName, view: object): string {
  const template = templates.get(name);
  if (template === undefined) throw new AppError('template.missing', `template ${name} not loaded`);
  const escape = name.endsWith('.html') ? Mustache.escape : identity;
  return Mustache.render(template, view, {}, { escape }).replace(/\n{3,}/g, '\n\n');
}
