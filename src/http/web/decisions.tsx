/** The decision forms: approve (a), reject with a reason (r), request changes with notes, publish, retry. */
import type { PaperState } from '../../domain/state.ts';
import { CSRF_FIELD } from '../csrf.ts';

interface Props {
  paperId: string;
  state: PaperState;
  csrf: string | null;
  canReview: boolean;
  canPublish: boolean;
}

function ActionForm(props: {
  paperId: string;
  action: string;
  csrf: string | null;
  id?: string;
  children: unknown;
}) {
  return (
    <form
      method="post"
      action={`/desk/papers/${encodeURIComponent(props.paperId)}/${props.action}`}
      id={props.id}
    >
      <input type="hidden" name={CSRF_FIELD} value={props.csrf ?? ''} />
      {props.children}
    </form>
  );
}

export function Decisions({ paperId, state, csrf, canReview, canPublish }: Props) {
  const pending = state === 'pending_review' && canReview;
  const publishable = state === 'approved' && canPublish;
  const retryable = state === 'failed' && canReview;
  if (!pending && !publishable && !retryable) return null;
  const p = { paperId, csrf };
  return (
    <section aria-labelledby="decide-heading" class="decision-bar">
      <h2 id="decide-heading">Decision</h2>
      <div class="decisions">
        {pending ? (
          <>
            <ActionForm {...p} action="approve" id="approve-form">
              <label for="approve-note">Note (optional)</label>
              <input id="approve-note" type="text" name="note" />
              <p>
                <button type="submit" class="primary">
                  Approve <kbd>a</kbd>
                </button>
              </p>
            </ActionForm>
            <ActionForm {...p} action="reject" id="reject-form">
              <label for="reject-reason">Reason (required)</label>
              <textarea id="reject-reason" name="reason" rows={2} required />
              <p>
                <button type="submit" class="danger">
                  Reject <kbd>r</kbd>
                </button>
              </p>
            </ActionForm>
            <ActionForm {...p} action="request-changes" id="changes-form">
              <label for="changes-notes">What to change (required)</label>
              <textarea id="changes-notes" name="notes" rows={2} required />
              <p>
                <button type="submit">Request changes</button>
              </p>
            </ActionForm>
          </>
        ) : null}
        {publishable ? (
          <ActionForm {...p} action="publish" id="publish-form">
            <p>Approved and ready to publish.</p>
            <button type="submit" class="primary">
              Publish
            </button>
          </ActionForm>
        ) : null}
        {retryable ? (
          <ActionForm {...p} action="retry" id="retry-form">
            <p>The pipeline stopped on this paper.</p>
            <button type="submit">Retry</button>
          </ActionForm>
        ) : null}
      </div>
    </section>
  );
}
