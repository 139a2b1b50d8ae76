/** Which permission each review action needs (the roles matrix is in ../users/roles.ts). */
import type { Action } from '../review/actions.ts';
import type { Permission } from '../users/roles.ts';

export const ACTION_PERMISSION: Record<Action, Permission> = {
  approve: 'review',
  reject: 'review',
  'request-changes': 'review',
  publish: 'publish',
  unpublish: 'publish',
  reopen: 'review',
  retry: 'review',
};
