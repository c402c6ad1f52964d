// Opens the console on a database that is already open and migrated: `foi-intake web`, `run` (when
// FOI_WEB_PORT is set) and the demo's `--serve` start it the same way.
import { databaseUp } from '../adapters/db/database-up.js';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../adapters/db/database.js';
import { createStores } from '../adapters/db/stores.js';
import type { AppConfig } from '../config.js';
import { loadAnalysisSettings } from '../config/analysis-settings.js';
import type { ConsoleSettings } from '../config/console-settings.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { NotifyDirectory } from '../pipeline/notify/notify-directory.js';
import { notifyDirectoryOf } from '../runtime/notify-directory.js';
import type { OneTimeSignIn } from './auth-routes.js';
import { buildConsole } from './server.js';

export interface RunningConsole {
  app: FastifyInstance;
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  origin: string;
  close(): Promise<void>;
}

export interface ConsoleOptions {
  database: Database;
  config: AppConfig;
  settings: ConsoleSettings;
  log: Logger;
  /** The mail settings by mailbox; `run` passes the daemon's own, others get them built from `config`. */
  notify?: NotifyDirectory;
  /** The demo's loopback sign-in; `web` and `run` never pass one. */
  oneTimeSignIn?: OneTimeSignIn;
  now?: () => Date;
}

export async function startConsole(options: ConsoleOptions): Promise<RunningConsole> {
  const { database, settings } = options;
  const app = await buildConsole({
    db: database.db, stores: createStores(database.db), settings, notify: options.notify ?? notifyDirectoryOf(options.config), log: options.log,
    databaseUp: () => databaseUp(database.db), topics: loadAnalysisSettings(options.config.analysisConfigPath).topics,
    admin: { analysisConfigPath: options.config.analysisConfigPath },
    ...(options.oneTimeSignIn ? { oneTimeSignIn: options.oneTimeSignIn } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  try {
    await app.listen({ port: settings.port, host: settings.host });
  } catch (error) {
    await app.close();
    // Another program holds the port: the operator's fix is another FOI_WEB_PORT, so say so in one line.
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AppError('config.invalid', `FOI_WEB_PORT: ${settings.host}:${settings.port} is already in use`, { cause: error });
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return { app, origin: `http://${host}:${port}`, close: () => app.close() };
}
