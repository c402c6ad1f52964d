// The admins' analysis settings file (FOI_ANALYSIS_CONFIG) as the settings page reads and writes it:
// thresholds and detector phrases are checked as the loader checks them (numbers 0–1, phrases RE2), then
// merged into the file, keeping what the page does not show (topic keywords), and written atomically.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { compileAdminPhrase } from '../config/admin-phrases.js';
import { defaultAnalysisSettings, loadAnalysisSettings } from '../config/analysis-settings.js';

export const THRESHOLDS = ['topicThreshold', 'confidenceThreshold', 'topicModelWeight'] as const;
export const PHRASE_LISTS = ['section16Phrases', 'publicInterestPhrases', 'ambiguousTerms'] as const;
type Threshold = (typeof THRESHOLDS)[number];
type PhraseList = (typeof PHRASE_LISTS)[number];

/** What the form shows: numbers as text, phrase lists one per line, keywords as `topic: word, word` lines. */
export type SettingsForm = Record<Threshold | PhraseList | 'topicKeywords', string>;

function readFileJson(path: string | null): Record<string, unknown> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    // No file yet: the page creates it on the first save; a broken one stops start-up elsewhere, so say so here too.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

export function settingsForm(path: string | null): SettingsForm {
  const file = readFileJson(path);
  const defaults = defaultAnalysisSettings();
  const number = (key: Threshold) => String(typeof file[key] === 'number' ? file[key] : defaults[key]);
  const lines = (key: PhraseList) => (Array.isArray(file[key]) ? (file[key] as string[]).join('\n') : '');
  return {
    topicThreshold: number('topicThreshold'), confidenceThreshold: number('confidenceThreshold'), topicModelWeight: number('topicModelWeight'),
    section16Phrases: lines('section16Phrases'), publicInterestPhrases: lines('publicInterestPhrases'), ambiguousTerms: lines('ambiguousTerms'),
    topicKeywords: Object.entries((file.topicKeywords ?? {}) as Record<string, string[]>).map(([topic, words]) => `${topic}: ${words.join(', ')}`).join('\n'),
  };
}

/** `topic: word, word` lines as the settings file's topicKeywords; a topic not in the taxonomy becomes a new one. */
function topicKeywordsOf(text: string, errors: FieldError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const [topic = '', words = ''] = line.split(/:(.*)/s).map((p) => p.trim());
    const list = words.split(',').map((w) => w.trim()).filter(Boolean);
    if (!/^[a-z][a-z0-9_]*$/.test(topic) || list.length === 0) {
      errors.push({ field: 'topicKeywords', text: `Write each line as topic: word, word (a topic is lower case letters, digits and _), not "${line}"` });
    } else out[topic] = [...(out[topic] ?? []), ...list];
  }
  return out;
}

export interface FieldError { field: string; text: string }

type SettingsValues = Record<string, number | string[] | Record<string, string[]>>;

/** The form's values as settings, or what is wrong with each field. */
export function checkSettingsForm(form: SettingsForm): { values: SettingsValues } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: SettingsValues = {};
  for (const key of THRESHOLDS) {
    const text = form[key].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0 || value > 1) errors.push({ field: key, text: `Enter a number from 0 to 1 for ${LABELS[key].toLowerCase()}` });
    else values[key] = value;
  }
  for (const key of PHRASE_LISTS) {
    const phrases = form[key].split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    for (const phrase of phrases) {
      try {
        compileAdminPhrase(phrase);
      } catch {
        errors.push({ field: key, text: `"${phrase}" is not a phrase the detector can use (RE2 syntax: no look-around or back-references)` });
      }
    }
    values[key] = phrases;
  }
  values.topicKeywords = topicKeywordsOf(form.topicKeywords, errors);
  return errors.length > 0 ? { errors } : { values };
}

/** Merges the values into the file and checks the whole file loads before it replaces the old one. */
export function saveSettings(path: string, values: SettingsValues): void {
  const merged = { ...readFileJson(path), ...values };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(merged, null, 2)}\n`);
  loadAnalysisSettings(temporary);
  renameSync(temporary, path);
}

export const LABELS: Record<keyof SettingsForm, string> = {
  topicThreshold: 'Topic threshold', confidenceThreshold: 'Confidence threshold', topicModelWeight: 'Trained model weight',
  section16Phrases: 'Section 16 phrases', publicInterestPhrases: 'Public-interest phrases', ambiguousTerms: 'Vague terms',
  topicKeywords: 'Extra topic keywords',
};
