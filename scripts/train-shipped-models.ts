// Part of `npm run build`: trains the shipped analysis models once and stores them beside the built
// loader, so that each process restores them instead of training them at start-up (most of a second).
// Without the corpus (a build stage that leaves fixtures/ out) nothing is stored: processes train.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { storeShippedAnalysisModels } from '../src/adapters/analysis-models-loader.js';
import { fixturesDir } from '../src/paths.js';

if (existsSync(join(fixturesDir, 'training'))) process.stdout.write(`shipped analysis models stored in ${storeShippedAnalysisModels()}\n`);
else process.stdout.write('no fixtures/training here: shipped analysis models will be trained at start-up\n');
