import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalysisSettings } from '../../../src/config/analysis-settings.js';

function settingsFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'analysis-')), 'analysis.json');
  writeFileSync(file, content);
  return file;
}

describe('loadAnalysisSettings (FOI_ANALYSIS_CONFIG)', () => {
  it('uses the defaults without a file', () => {
    expect(loadAnalysisSettings(null)).toMatchObject({ topicThreshold: 0.2, topicModelWeight: 0.3 });
  });

  it('reads the confidence below which officers are asked to check a decision', async () => {
    expect(loadAnalysisSettings(null).confidenceThreshold).toBe(0.5);
    const settings = loadAnalysisSettings(settingsFile(JSON.stringify({ confidenceThreshold: 0.99 })));
    expect(settings.confidenceThreshold).toBe(0.99);
    const { createAnalyser } = await import('../../../src/pipeline/analyse/create-analyser.js');
    const analysis = createAnalyser(settings, undefined)({ subject: 'Bins', text: 'How many bins were replaced in 2024?', from: null });
    expect(analysis.lowConfidence).toContain('kind');
    expect(() => loadAnalysisSettings(settingsFile(JSON.stringify({ confidenceThreshold: 2 })))).toThrow(/confidenceThreshold/);
  });

  it('merges admins keywords and adds new topics before `other`', () => {
    const s = loadAnalysisSettings(settingsFile(JSON.stringify({ topicThreshold: 0.4, topicKeywords: { cemeteries: ['burial'], transport: ['tram'] } })));
    expect(s.topicThreshold).toBe(0.4);
    expect(s.topics.at(-1)).toBe('other');
    expect(s.topics).toContain('cemeteries');
    expect(s.topicKeywords.transport).toContain('tram');
    expect(s.topicKeywords.transport!.length).toBeGreaterThan(1);
  });

  it('adds admins detector phrases, used where the built-in lists find nothing', async () => {
    const { createAnalyser } = await import('../../../src/pipeline/analyse/create-analyser.js');
    const file = settingsFile(JSON.stringify({ section16Phrases: ['steer me towards what you can provide'], ambiguousTerms: ['\\bsignificant incidents?\\b'] }));
    const analyse = createAnalyser(loadAnalysisSettings(file), undefined);
    const a = analyse({ subject: 'Incidents', from: null, text: 'Dear Council,\n\n1. How many significant incidents were recorded in 2024?\n\nIf this is too broad, please steer me towards what you can provide.\n\nThanks,\nAlex Reid' });
    expect(a.citesSection16).toBe(true);
    expect(a.evidence.section16?.text).toBe('steer me towards what you can provide');
    expect(a.ambiguousTerms).toContain('significant incidents');
  });

  it('runs phrases on RE2: look-around and back-references are refused, the rest matches as a RegExp would', async () => {
    expect(() => loadAnalysisSettings(settingsFile('{"publicInterestPhrases": ["(?<!not )in the public interest"]}')))
      .toThrow(/^FOI_ANALYSIS_CONFIG: publicInterestPhrases\.0: not a valid regular expression \(RE2 syntax/);
    const s = loadAnalysisSettings(settingsFile(JSON.stringify({ ambiguousTerms: ['\\bkey (staff|people)\\b'] })));
    const m = s.extraPatterns.ambiguousTerms[0]!.exec('Ärger 😀: which KEY staff?');
    expect(m?.[0]).toBe('KEY staff');
    expect(m?.index).toBe('Ärger 😀: which '.length);
  });

  it('names the variable and the bad field', () => {
    expect(() => loadAnalysisSettings(settingsFile('{"section16Phrases": ["(unclosed"]}'))).toThrow(/^FOI_ANALYSIS_CONFIG: section16Phrases\.0: not a valid regular expression/);
    expect(() => loadAnalysisSettings(settingsFile('{"topicThreshold": 3}'))).toThrow(/^FOI_ANALYSIS_CONFIG: topicThreshold: /);
    expect(() => loadAnalysisSettings(settingsFile('not json'))).toThrow(/^FOI_ANALYSIS_CONFIG: cannot be read as JSON/);
  });
});
