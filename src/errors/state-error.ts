import { LaySumError } from './laysum-error.ts';

/** An action that the paper's current state does not allow (e.g. approving a failed paper). */
export class StateError extends LaySumError {
  readonly current: string;
  constructor(action: string, paperId: string, current: string, allowed: readonly string[]) {
    super(`Cannot ${action} paper ${paperId}: it is ${current}.`, {
      hint: `Only papers that are ${allowed.join(' or ')} can be ${action === 'approve' ? 'approved' : `given "${action}"`}.`,
    });
    this.current = current;
  }
}
