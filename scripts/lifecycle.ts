/** Writes the state diagram and table in docs/lifecycle.md from src/domain/transitions.ts (`npm run docs:lifecycle`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withLifecycleBlock } from '../src/domain/lifecycle-diagram.ts';

const path = new URL('../docs/lifecycle.md', import.meta.url);
const page = readFileSync(path, 'utf8');
const next = withLifecycleBlock(page);
if (next !== page) writeFileSync(path, next);
console.log(
  next === page ? 'docs/lifecycle.md is up to date' : 'docs/lifecycle.md: lifecycle block rewritten',
);
