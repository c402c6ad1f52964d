// Opens the console on a database that is already open and migrated: `foi-intake web` and the
// demo's `--serve` start it the same way.
import { databaseUp } from '../adapters/db/database-up.js';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../adapters/db/database.js';
import { createStores } from '../adapters/db/stores.js';
import type { AppConfig } from '../config.js';
import { loadAnalysisSettings } from '../config/analysis-settings.js';
import type { ConsoleSettings } from '../config/console-settings.js';
import type { Logger } from '../logger.js';
import { notifyDirectoryOf } from '../runtime/notify-directory.js';
import type { OneTimeSignIn } from './auth-routes.js';
import { buildConsole } from './server.js';

export interface RunningConsole {
  app: FastifyInstance;
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  origin: string;
  close(): Promise<void>;
}

export async function startConsole(options: {
  database: Database; config: AppConfig; settings: ConsoleSettings; log: Logger; oneTimeSignIn?: OneTimeSignIn; now?: () => Date;
}): Promise<RunningConsole> {
  const { database, settings } = options;
  const app = await buildConsole({
    db: database.db, stores: createStores(database.db), settings, notify: notifyDirectoryOf(options.config), log: options.log,
    databaseUp: () => databaseUp(database.db), topics: loadAnalysisSettings(options.config.analysisConfigPath).topics,
    ...(options.oneTimeSignIn ? { oneTimeSignIn: options.oneTimeSignIn } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await app.listen({ port: settings.port, host: settings.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return { app, origin: `http://${host}:${port}`, close: () => app.close() };
}
