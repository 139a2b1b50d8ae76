/**
 * Where LaySum's own files are (prompts/, samples/, dist/). Code runs from
 * src/ under tsx and vitest, and from bundled chunks in dist/, so a path
 * relative to import.meta.url would differ between the two: the project root
 * (the nearest folder with a package.json above this module) is the same.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}: where is LaySum installed?`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectPath('prompts')`. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
