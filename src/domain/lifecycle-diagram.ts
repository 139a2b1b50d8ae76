/**
 * The state machine as docs/lifecycle.md shows it, drawn from the table in
 * ./transitions.ts: a Mermaid state diagram and a table of every move.
 * `npm run docs:lifecycle` writes it into the page; a test fails when the
 * page and the table disagree.
 */
import { TRANSITIONS, type Transition } from './transitions.ts';

export const LIFECYCLE_BEGIN =
  '<!-- lifecycle: generated from src/domain/transitions.ts by `npm run docs:lifecycle` -->';
export const LIFECYCLE_END = '<!-- /lifecycle -->';

const ANY = 'any state while its page is live';

function edges(t: Transition): string[] {
  if (t.from === '*') return [`  any --> ${t.to}: ${t.action}`];
  if (t.from.length === 0) return [`  [*] --> ${t.to}: ${t.action}`];
  return t.from.map((from) => `  ${from} --> ${t.to}: ${t.action}`);
}

const states = (t: Transition) => (t.from === '*' ? `${ANY}` : t.from.length ? t.from.join(', ') : '(new)');

/** The block between LIFECYCLE_BEGIN and LIFECYCLE_END in docs/lifecycle.md. */
export function lifecycleBlock(): string {
  const moves = Object.entries(TRANSITIONS) as [string, Transition][];
  const diagram = [
    '```mermaid',
    'stateDiagram-v2',
    ...(moves.some(([, t]) => t.from === '*') ? [`  state "${ANY}" as any`] : []),
    ...moves.flatMap(([, t]) => edges(t)),
    '```',
  ];
  const table = [
    '| move | from | to | audit entry |',
    '| --- | --- | --- | --- |',
    ...moves.map(([name, t]) => `| ${name} | ${states(t)} | ${t.to} | ${t.action} |`),
  ];
  return [LIFECYCLE_BEGIN, '', ...diagram, '', ...table, '', LIFECYCLE_END].join('\n');
}

/** `page` with its generated block replaced by the table's; throws when the page has no markers. */
export function withLifecycleBlock(page: string): string {
  const begin = page.indexOf(LIFECYCLE_BEGIN);
  const end = page.indexOf(LIFECYCLE_END);
  if (begin < 0 || end < begin)
    throw new Error(`docs/lifecycle.md has no ${LIFECYCLE_BEGIN} … ${LIFECYCLE_END} block`);
  return page.slice(0, begin) + lifecycleBlock() + page.slice(end + LIFECYCLE_END.length);
}
