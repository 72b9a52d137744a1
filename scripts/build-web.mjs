// Builds the web UI into apps/web/dist. With --if-stale, skips the build when dist is newer than every source file.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { newestMtime } from '../apps/cli/bin/compiled-entry.js';

const root = new URL('..', import.meta.url).pathname;
const webDir = join(root, 'apps/web');
const distIndex = join(webDir, 'dist/index.html');

const ifStale = process.argv.includes('--if-stale');
if (ifStale && existsSync(distIndex)) {
  const built = statSync(distIndex).mtimeMs;
  const sources = Math.max(newestMtime(join(webDir, 'src')), newestMtime(join(root, 'packages/contracts/src')));
  if (built >= sources) process.exit(0);
}
if (!existsSync(join(root, 'node_modules/vite'))) {
  // npm runs "prepare" before dev dependencies exist only in unusual installs; say so instead of failing obscurely.
  console.error('vite is not installed: run "npm ci" first.');
  process.exit(1);
}
console.log('Building the web UI…');
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: webDir,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
