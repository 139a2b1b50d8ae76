/**
 * vitest globalSetup: the tests spawn bin/laysum.js and dist/demo.js, which run
 * the bundle in dist/; build it once here if any source is newer, rather than
 * in each of the CLI processes that the test files start side by side.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildIfStale(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    stdio: 'inherit',
  });
}
