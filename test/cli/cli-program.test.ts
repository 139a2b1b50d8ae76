/** The command tree (src/cli/program*.ts) spells out states, roles, sorts and page sizes so `--help` loads no zod: keep them true. */
import { expect, it } from 'vitest';
import { ROLE_NAMES } from '../../src/cli/program.ts';
import { PAGE_SIZES, SORT_NAMES, STATE_NAMES } from '../../src/cli/program-review.ts';
import { PaperState } from '../../src/domain/state.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/review/queries.ts';
import { SORTS } from '../../src/store/search-index.ts';
import { Role } from '../../src/users/roles.ts';

it('names every paper state and every role the schemas accept', () => {
  expect(STATE_NAMES).toBe(PaperState.options.join('|'));
  expect(ROLE_NAMES).toBe(Role.options.join(', '));
  expect(SORT_NAMES).toBe(SORTS.join('|'));
  expect(PAGE_SIZES).toEqual({ default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE });
});
