// `npm run demo -- --serve`: the console over the demo's cases, on 127.0.0.1 only, with a one-time
// sign-in link instead of an identity provider (DESIGN.md, Console). Serves until SIGINT or SIGTERM.
import { randomBytes } from 'node:crypto';
import type { Database } from '../adapters/db/database.js';
import type { AppConfig } from '../config.js';
import type { ConsoleSettings } from '../config/console-settings.js';
import { createLogger } from '../logger.js';
import { startConsole } from '../web/start-console.js';

const DEMO_ADMIN = 'demo.admin@example.gov.uk';

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve());
  });
}

export async function serveDemoConsole(database: Database, config: AppConfig, say: (line: string) => void): Promise<void> {
  const port = Number(process.env.FOI_WEB_PORT ?? 0);
  const settings: ConsoleSettings = {
    port, host: '127.0.0.1',
    // No identity provider in the demo: the one-time link below is the only way in.
    oidc: { issuer: new URL('http://127.0.0.1:1/'), clientId: 'demo', clientSecret: 'demo' },
    consoleUrl: new URL(`http://127.0.0.1:${port}`), admins: [DEMO_ADMIN], officers: [], mailboxOfficers: {},
    sessionSecret: randomBytes(32).toString('base64url'),
  };
  const oneTimeSignIn = { token: randomBytes(24).toString('base64url'), identity: DEMO_ADMIN };
  const running = await startConsole({ database, config, settings, log: createLogger(config.logLevel), oneTimeSignIn });
  say(`Sign in: ${running.origin}/auth/one-time/${oneTimeSignIn.token}`);
  await untilStopped();
  await running.close();
}
