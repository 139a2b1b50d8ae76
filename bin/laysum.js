#!/usr/bin/env node
// LaySum's command line: runs the bundle in dist/, which `npm ci` builds. In a
// source checkout dist/ is first rebuilt (quietly, in about half a second) when
// any source is newer than it, so a developer never runs stale code; checking
// costs a few milliseconds of stat calls.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps compiled code of LaySum and its packages on disk between
// runs (a tenth of a second less per start on Node 24); Node 20 has no cache.
module.enableCompileCache?.();

if (existsSync(new URL('../scripts/freshness.mjs', import.meta.url))) {
  const { distIsStale } = await import('../scripts/freshness.mjs');
  if (distIsStale()) await (await import('../scripts/build.mjs')).build();
}
if (!existsSync(new URL('../dist/main.js', import.meta.url))) {
  process.stderr.write(
    'error: LaySum is not built (no dist/main.js).\n  Run `npm run build` in the LaySum folder.\n',
  );
  process.exit(1);
}
await import('../dist/main.js');
