/**
 * Is dist/ older than the code it is built from? A stat walk of the inputs
 * against the stamp that scripts/build.mjs writes when a build succeeds: a few
 * milliseconds, and no esbuild, so bin/laysum.js can ask on every start.
 * prompts/ and samples/ are not inputs: they are read at run time.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const STAMP = join(DIST, '.built');
const INPUTS = ['src', 'workers', 'scripts/build.mjs', 'tsconfig.json', 'package.json'];

/** True when any file or folder under `path` changed after `since` (a deleted file changes its folder). */
function newerThan(path, since) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return false;
  if (stat.mtimeMs > since) return true;
  if (!stat.isDirectory()) return false;
  return readdirSync(path).some((name) => newerThan(join(path, name), since));
}

export function distIsStale() {
  const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs;
  return built === undefined || INPUTS.some((input) => newerThan(join(ROOT, input), built));
}
