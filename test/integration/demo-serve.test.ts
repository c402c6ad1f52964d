// `npm run demo -- --serve`: once listening it prints one loopback sign-in line; the link signs in
// once; SIGTERM ends it with exit 0.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

describe('npm run demo -- --serve', () => {
  it('prints one sign-in link, serves the cases, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(packageRoot, 'dist', 'src', 'demo', 'demo.js'), '--serve'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, FOI_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const link = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const found = /^Sign in: (http:\/\/127\.0\.0\.1:\d+\/\S+)$/m.exec(stdout);
        if (found) resolve(found[1]!);
      });
      child.on('close', (code) => reject(new Error(`demo exited ${code} before listening`)));
    });
    const first = await fetch(link, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const cases = await fetch(new URL('/cases', link), { headers: { cookie } });
    expect(cases.status).toBe(200);
    expect(await cases.text()).toMatch(/FOI-\d{4}-\d{5}/);
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(403);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout.match(/^Sign in: /gm)).toHaveLength(1);
  });
});
