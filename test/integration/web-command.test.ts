// `foi-intake web` refuses to start, with one line naming what is missing, when it cannot serve.
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../harness/cli.js';

describe('foi-intake web', () => {
  it('needs PostgreSQL: exit 2 with one clear line', async () => {
    const result = await runCli(['web'], cliEnv({ FOI_FROM: 'foi@example.gov.uk', FOI_OFFICERS: 'officer@example.gov.uk' }));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^foi-intake: DATABASE_URL: required by `web`/)]);
  });

  it('names a missing console setting: exit 2', async () => {
    const result = await runCli(['web'], cliEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', FOI_ADMINS: 'admin@example.gov.uk' }));
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^foi-intake: FOI_OIDC_ISSUER: required to serve the console$/);
  });
});
