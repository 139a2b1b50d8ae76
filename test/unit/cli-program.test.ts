/** The command tree (src/cli/program*.ts) spells out states and roles so `--help` loads no zod: keep them true. */
import { expect, it } from 'vitest';
import { ROLE_NAMES } from '../../src/cli/program.ts';
import { STATE_NAMES } from '../../src/cli/program-review.ts';
import { PaperState } from '../../src/domain/state.ts';
import { Role } from '../../src/users/roles.ts';

it('names every paper state and every role the schemas accept', () => {
  expect(STATE_NAMES).toBe(PaperState.options.join('|'));
  expect(ROLE_NAMES).toBe(Role.options.join(', '));
});
