/**
 * `npm run build` (also run by `npm ci` through `prepare`): bundles the CLI,
 * the demo and the PDF parse thread into dist/ with esbuild. Packages stay
 * external (loaded from node_modules), and code splitting gives every lazily
 * imported command its own chunk, so a command loads only what it uses.
 * `--if-stale` skips the build when dist/ is newer than every source.
 *
 * Files are written to a temporary name and renamed, so a CLI started while
 * another one rebuilds never reads half a file; a build that is not current
 * leaves no stamp, so the next start builds again.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { DIST, distIsStale, ROOT, STAMP } from './freshness.mjs';

const ENTRIES = {
  main: 'src/cli/main.ts',
  demo: 'src/cli/demo.ts',
  // started by src/sources/pdf/run-thread.ts as dist/parse-thread.js
  'parse-thread': 'src/sources/pdf/parse-thread.ts',
};

export async function build() {
  const started = new Date();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    write: false,
    logLevel: 'error',
  });
  mkdirSync(DIST, { recursive: true });
  const written = new Set([STAMP]);
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
    written.add(file.path);
  }
  // Chunks of earlier builds (content-hashed names) would pile up.
  for (const name of readdirSync(DIST)) {
    const path = join(DIST, name);
    if (!written.has(path) && !name.endsWith('.tmp')) rmSync(path, { recursive: true, force: true });
  }
  // The stamp carries the start time: a source saved during the build makes dist stale again.
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started, started);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv.includes('--if-stale') || distIsStale()) await build();
}
