// Where the package's own files (migrations, prompts, fixtures) live, whether running from
// `src/` under vitest or from `dist/src/` after the build.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'foi-intake') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('foi-intake package root not found');
    dir = parent;
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const migrationsFolder = join(packageRoot, 'drizzle');
export const defaultPromptsDir = join(packageRoot, 'prompts');
export const fixturesDir = join(packageRoot, 'fixtures');
