/** Rendering desk pages from a request: the frame with the user, CSRF token and script nonce filled in. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { paperTitle } from '../../../domain/paper.ts';
import { claimsOf } from '../../../review/claims.ts';
import { reviewDeps } from '../../../review/deps.ts';
import { paperView } from '../../../review/view.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import { claimForPage } from '../views/claim-notice.tsx';
import type { FormValues } from '../views/form-values.ts';
import { type Banner, Page } from '../views/layout.tsx';
import { ReviewBody } from '../views/review.tsx';
import type { UnsavedEdits } from '../views/unsaved-edits.tsx';

export function page(
  c: Context<AppEnv>,
  title: string,
  body: Child,
  options: { status?: ContentfulStatusCode; banner?: Banner | null } = {},
) {
  const user = c.get('user') ?? null;
  const csrf = c.get('session')?.csrf ?? null;
  const html = (
    <Page
      title={title}
      user={user}
      csrf={csrf}
      nonce={c.get('secureHeadersNonce')}
      banner={options.banner}
      alert={c.get('alert')}
      workerWarning={c.get('workerWarning')}
    >
      {body}
    </Page>
  );
  return c.html(html, options.status ?? 200);
}

/** What a completed action says on the page it lands on (a fixed list: nothing from the URL is echoed). */
export const DONE_MESSAGES: Record<string, string> = {
  saved: 'Your edit is saved as a new version.',
  approve: 'Approved.',
  reject: 'Rejected.',
  'request-changes': 'Sent back to the summarizer with your notes.',
  publish: 'Published.',
  unpublish: 'Unpublished: the page now says the summary was withdrawn.',
  reopen: 'Back in review.',
  retry: 'Back in the pipeline.',
  source: 'Thank you: the paper has its text and is on its way to a draft.',
  'take-over': 'You took this paper over: it is claimed by you now (recorded in the history).',
  submitted: 'Submitted: the paper is queued for ingest and drafting.',
  duplicate: 'Already known: this is the existing paper, nothing new was queued.',
};

/** How many pending papers either side are looked at for the next free one. */
const NEIGHBOUR_WINDOW = 25;

/**
 * The pending papers either side of this one (by when they entered review),
 * read by rank around it (any queue length), skipping those another reviewer
 * has claimed.
 */
async function neighbours(
  deps: AppDeps,
  id: string,
  me: string,
): Promise<{ prev: string | null; next: string | null }> {
  const around = await deps.store.idsAround('pending_review', id, NEIGHBOUR_WINDOW);
  const claims = await claimsOf(reviewDeps(deps), around);
  const free = around.filter((p) => p === id || (claims.get(p)?.by ?? me) === me);
  const self = free.indexOf(id);
  if (self < 0) return { prev: null, next: free[0] ?? null };
  return { prev: free[self - 1] ?? null, next: free[self + 1] ?? null };
}

export interface ReviewRender {
  status?: ContentfulStatusCode;
  banner?: Banner | null;
  values?: FormValues;
  unsaved?: UnsavedEdits;
  /** The version a refused decision or save was based on (stale): the page shows what changed since. */
  seen?: number | null;
  from?: number | null;
  /** Opening the page (GET) claims a pending paper for a reviewer; re-renders after a post only read the claim. */
  claim?: boolean;
}

export async function reviewPage(c: Context<AppEnv>, deps: AppDeps, id: string, options: ReviewRender = {}) {
  const user = c.get('user');
  if (!user) throw new Error('reviewPage needs a signed-in user');
  const [view, near] = await Promise.all([paperView(deps.store, id), neighbours(deps, id, user.name)]);
  const claim = await claimForPage(reviewDeps(deps), id, user, view.state, { claim: options.claim === true });
  const title = view.summary?.headline ?? paperTitle({ record: view.source, submission: view.submission });
  const body = (
    <ReviewBody
      view={view}
      user={user}
      csrf={c.get('session')?.csrf ?? null}
      values={options.values}
      unsaved={options.unsaved}
      seen={options.seen ?? null}
      neighbours={near}
      claim={claim}
      from={options.from ?? null}
      notesApplied={deps.config.llm.provider !== 'extractive'}
    />
  );
  return page(c, title, body, { status: options.status ?? 200, banner: options.banner ?? null });
}
