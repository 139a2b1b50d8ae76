/**
 * Who is working on this paper, at the top of its review page: "You have
 * claimed it" with a Release button, or "Taken: dana since 10:02" with a
 * Take over button. The desk's script sends these forms with fetch and swaps
 * the notice in place, announcing the change in the live region.
 */
import type { Claim } from '../../../domain/claim.ts';
import type { PaperState } from '../../../domain/state.ts';
import { CLAIMABLE_STATES, claimOf, claimPaper } from '../../../review/claims.ts';
import type { ReviewDeps } from '../../../review/deps.ts';
import { can } from '../../../users/roles.ts';
import type { User } from '../../../users/store.ts';
import { CSRF_FIELD } from '../../csrf.ts';
import { when } from './format.ts';

export interface ClaimView {
  claim: Claim | null;
  /** The signed-in user holds it. */
  mine: boolean;
  /** The signed-in user may claim or take over (a reviewer, on a paper waiting for review). */
  canClaim: boolean;
}

const claimable = (state: PaperState) => (CLAIMABLE_STATES as readonly string[]).includes(state);

/**
 * The claim as the page shows it. With `claim: true` (a reviewer opening the
 * page) a free paper is claimed and one's own claim renewed; never taken over.
 */
export async function claimForPage(
  deps: ReviewDeps,
  id: string,
  user: User,
  state: PaperState,
  options: { claim: boolean },
): Promise<ClaimView> {
  const canClaim = can(user.role, 'review') && claimable(state);
  const claim =
    canClaim && options.claim ? (await claimPaper(deps, id, user.name)).claim : await claimOf(deps, id);
  return { claim, mine: claim?.by === user.name, canClaim };
}

function ClaimForm(props: {
  paperId: string;
  csrf: string | null;
  action: string;
  label: string;
  id: string;
}) {
  return (
    <form
      method="post"
      action={`/desk/papers/${encodeURIComponent(props.paperId)}/${props.action}`}
      class="inline"
      data-fetch="claim"
    >
      <input type="hidden" name={CSRF_FIELD} value={props.csrf ?? ''} />
      <button type="submit" id={props.id}>
        {props.label}
      </button>
    </form>
  );
}

export function ClaimNotice(props: { paperId: string; view: ClaimView; csrf: string | null }) {
  const { claim, mine, canClaim } = props.view;
  const by = claim?.by ?? '';
  if (!claim) {
    return (
      <div id="claim-notice" data-claim-by="">
        {canClaim ? (
          <p class="small muted">
            Nobody has claimed this paper.{' '}
            <ClaimForm {...props} action="take-over" label="Claim it" id="claim-button" />
          </p>
        ) : null}
      </div>
    );
  }
  if (mine) {
    return (
      <div id="claim-notice" class="banner claim" data-claim-by={by}>
        You have claimed this paper since {when(claim.since)}: others see it as taken until{' '}
        {when(claim.expiresAt)} (renewed each time you open it).{' '}
        <ClaimForm {...props} action="release" label="Release" id="release-button" />
      </div>
    );
  }
  return (
    <div id="claim-notice" class="banner claim taken" data-claim-by={by}>
      <strong>
        Taken: {by} is working on this paper (claimed {when(claim.since)}, until {when(claim.expiresAt)}{' '}
        unless renewed).
      </strong>{' '}
      {canClaim ? (
        <>
          <ClaimForm {...props} action="take-over" label={`Take over from ${by}`} id="take-over-button" />{' '}
          <span class="small">Taking over is recorded in the history.</span>
        </>
      ) : null}
    </div>
  );
}

/** The queue row's "claimed by" badge. */
export function ClaimBadge({ claim, me }: { claim: Claim | undefined; me: string }) {
  if (!claim) return null;
  return (
    <div class="small claim-badge" title={`until ${when(claim.expiresAt)}`}>
      <span class="badge claim">{claim.by === me ? 'claimed by you' : `taken by ${claim.by}`}</span> since{' '}
      {when(claim.since).slice(11)}
    </div>
  );
}
