/** What the queue page needs for claims and bulk decisions: the rows' claims and the viewer's rights. */
import type { Context } from 'hono';
import { reviewDeps } from '../../../review/actions.ts';
import { claimsOf } from '../../../review/claims.ts';
import type { PaperRow } from '../../../review/view.ts';
import { can } from '../../../users/roles.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import type { QueueTeam } from '../views/queue.tsx';

export async function queueTeam(c: Context<AppEnv>, deps: AppDeps, rows: PaperRow[]): Promise<QueueTeam> {
  const user = c.get('user');
  const pending = rows.filter((r) => r.state === 'pending_review').map((r) => r.id);
  return {
    claims: await claimsOf(reviewDeps(deps), pending),
    me: user?.name ?? '',
    canReview: user ? can(user.role, 'review') : false,
    csrf: c.get('session')?.csrf ?? null,
    notesApplied: deps.config.llm.provider !== 'extractive',
  };
}
