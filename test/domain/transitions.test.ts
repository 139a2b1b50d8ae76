import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifecycleBlock, withLifecycleBlock } from '../../src/domain/lifecycle-diagram.ts';
import { PaperState } from '../../src/domain/state.ts';
import { allows, TRANSITIONS } from '../../src/domain/transitions.ts';

const root = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });
}

describe('the transitions table', () => {
  it('is what docs/lifecycle.md draws (run `npm run docs:lifecycle` after changing it)', () => {
    const page = readFileSync(join(root, 'docs/lifecycle.md'), 'utf8');
    expect(page).toContain(lifecycleBlock());
    expect(withLifecycleBlock(page)).toBe(page);
  });

  it('reaches every state, and leads out of every state', () => {
    const moves = Object.values(TRANSITIONS);
    for (const state of PaperState.options) {
      expect(
        moves.some((t) => t.to === state),
        `${state} is reached`,
      ).toBe(true);
      expect(
        moves.some((t) => t.from !== '*' && (t.from as readonly string[]).includes(state)),
        `${state} can be left`,
      ).toBe(true);
    }
  });

  it('answers whether a paper in a state may make a move', () => {
    expect(allows(TRANSITIONS.publish.from, 'approved')).toBe(true);
    expect(allows(TRANSITIONS.publish.from, 'pending_review')).toBe(false);
    expect(allows(TRANSITIONS.unpublish.from, 'pending_review')).toBe(true);
    expect(allows(TRANSITIONS.fail.from, 'pending_review')).toBe(false);
  });

  it('is the only place from-states are written: no caller or script lists its own', () => {
    const states = PaperState.options.join('|');
    const code = filesUnder(join(root, 'src'), /\.tsx?$/).filter((f) => !f.endsWith('domain/transitions.ts'));
    const listed = new RegExp(`from: \\[\\s*'(${states})'`);
    for (const file of code) expect(readFileSync(file, 'utf8'), file).not.toMatch(listed);
    const lua = filesUnder(join(root, 'src/store/lua'), /\.lua$/);
    const compared = new RegExp(`cur [~=]= '(${states})'`);
    for (const file of lua) expect(readFileSync(file, 'utf8'), file).not.toMatch(compared);
  });
});
