// No Docker engine runs here, so the image is checked as a build context: every path the
// Dockerfile copies from the checkout exists, and the entry point it runs is what the build makes.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const dockerfile = readFileSync(join(packageRoot, 'Dockerfile'), 'utf8');

describe('Dockerfile', () => {
  it('copies only paths that exist in the checkout', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+?) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(sources.length).toBeGreaterThan(4);
    for (const source of sources) expect(existsSync(join(packageRoot, source)), source).toBe(true);
  });

  it('runs the built entry point as a non-root user under an init process, with a health check', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/ENTRYPOINT \["\/usr\/bin\/tini", "--", "node", "dist\/src\/main\.js"\]/);
    expect(existsSync(join(packageRoot, 'dist', 'src', 'main.js'))).toBe(true);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });
});

describe('the runtime stage, assembled from what the Dockerfile copies', () => {
  it('starts: `node dist/src/main.js` answers --help and analyses a request with only those files', () => {
    const stage = mkdtempSync(join(tmpdir(), 'image-'));
    try {
      for (const path of ['dist', 'drizzle', 'prompts', 'fixtures/training', 'package.json']) cpSync(join(packageRoot, path), join(stage, path), { recursive: true });
      symlinkSync(join(packageRoot, 'node_modules'), join(stage, 'node_modules'));
      const help = spawnSync(process.execPath, ['dist/src/main.js', '--help'], { cwd: stage, encoding: 'utf8' });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Usage: foi-intake');
      const analysed = spawnSync(process.execPath, ['dist/src/main.js', 'analyse', '--json', '-'], {
        cwd: stage, encoding: 'utf8', input: readFileSync(join(packageRoot, 'fixtures', 'mail', 'seed-it-security.eml')),
      });
      expect(analysed.status).toBe(0);
      expect(JSON.parse(analysed.stdout)).toMatchObject({ kind: 'foi', citesSection16: true });
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  });
});
