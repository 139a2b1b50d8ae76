/** LaySum's version, from package.json, read once (for `laysum --version` and `laysum_build_info`). */
import { readFileSync } from 'node:fs';
import { projectPath } from './paths.ts';

let cached: string | undefined;

/** "0.1.0", or "unknown" when package.json cannot be read. */
export function laysumVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version?: string };
    cached = pkg.version ?? 'unknown';
  } catch {
    cached = 'unknown';
  }
  return cached;
}
