/**
 * The decision bar. Every decision names the version it acts on and carries
 * it (`basedOn`), so a click on a page that someone else has changed since is
 * refused, never applied to text the reviewer did not see. Approve is refused
 * while a field holds a placeholder; publish acts on the approved version
 * only; a live page can be taken down; a rejected or withdrawn paper reopened.
 */
import { isLive } from '../../../domain/publication.ts';
import type { PaperView } from '../../../review/view.ts';
import { CSRF_FIELD } from '../../csrf.ts';

interface Props {
  view: PaperView;
  csrf: string | null;
  canReview: boolean;
  canPublish: boolean;
  /** False with the offline extractive provider, which cannot apply a reviewer's notes. */
  notesApplied: boolean;
}

function ActionForm(props: {
  paperId: string;
  action: string;
  csrf: string | null;
  basedOn?: number;
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
      {props.basedOn ? <input type="hidden" name="basedOn" value={String(props.basedOn)} /> : null}
      {props.children}
    </form>
  );
}

const day = (iso: string) => iso.replace('T', ' ').slice(0, 16);

function PendingForms({ view, csrf, notesApplied }: Props) {
  const draft = view.draft;
  if (!draft) return null;
  const p = { paperId: view.id, csrf, basedOn: draft.version };
  const holes = view.placeholders;
  return (
    <>
      <ActionForm {...p} action="approve" id="approve-form">
        <label for="approve-note">Note (optional)</label>
        <input id="approve-note" type="text" name="note" />
        {holes.length ? (
          <p class="warn" id="placeholder-warning">
            Write the fields marked “Reviewer to write” first: {holes.map((h) => h.field).join(', ')}.
          </p>
        ) : null}
        <p>
          <button type="submit" class="primary" id="approve-button" disabled={holes.length > 0}>
            Approve version {draft.version}
          </button>
          <span class="small muted" id="approve-keys">
            {' '}
            <kbd>a</kbd> then <kbd>Enter</kbd>
          </span>
        </p>
      </ActionForm>
      <ActionForm {...p} action="reject" id="reject-form">
        <label for="reject-reason">Reason (required)</label>
        <textarea id="reject-reason" name="reason" rows={2} required />
        <p>
          <button type="submit" class="danger">
            Reject version {draft.version} <kbd>r</kbd>
          </button>
        </p>
      </ActionForm>
      {notesApplied ? (
        <ActionForm {...p} action="request-changes" id="changes-form">
          <label for="changes-notes">What to change (required)</label>
          <textarea id="changes-notes" name="notes" rows={2} required />
          <p>
            <button type="submit">Request changes</button>
          </p>
        </ActionForm>
      ) : (
        <p class="small muted" id="changes-unavailable">
          Requesting changes needs an LLM: the offline extractive provider cannot apply notes. Edit the draft
          above and save it instead.
        </p>
      )}
    </>
  );
}

function PublishForm({ view, csrf }: Props) {
  const approval = view.approval;
  if (view.state !== 'approved' || !approval) return null;
  const live = isLive(view.publication) ? view.publication : null;
  return (
    <ActionForm paperId={view.id} csrf={csrf} basedOn={approval.version} action="publish" id="publish-form">
      <p>
        Version {approval.version} was approved by {approval.by} on {day(approval.at)}.
        {live ? ` It replaces the live version ${live.version}: the page will say “Updated on”.` : ''}
      </p>
      <button type="submit" class="primary">
        Publish version {approval.version}
      </button>
    </ActionForm>
  );
}

function UnpublishForm({ view, csrf }: Props) {
  if (!isLive(view.publication)) return null;
  return (
    <ActionForm paperId={view.id} csrf={csrf} action="unpublish" id="unpublish-form">
      <label for="unpublish-reason">
        Reason for taking the page down (required: shown to readers on the withdrawn page, and kept in the
        history)
      </label>
      <textarea id="unpublish-reason" name="reason" rows={2} required />
      <p>
        <button type="submit" class="danger">
          Unpublish
        </button>
      </p>
    </ActionForm>
  );
}

/** A paper held for want of an abstract: paste it, or upload the PDF (../routes/editor-pages.tsx). */
function SourceForm({ view, csrf }: Props) {
  return (
    <section aria-labelledby="source-heading" class="decision-bar">
      <h2 id="source-heading">Needs its text</h2>
      <form
        method="post"
        action={`/desk/papers/${encodeURIComponent(view.id)}/source`}
        enctype="multipart/form-data"
        id="source-form"
      >
        <input type="hidden" name={CSRF_FIELD} value={csrf ?? ''} />
        <label for="source-text">Paste the abstract</label>
        <textarea id="source-text" name="text" rows={8} />
        <label for="source-pdf">or upload the paper's PDF</label>
        <input id="source-pdf" type="file" name="pdf" accept="application/pdf" />
        <p>
          <button type="submit" class="primary">
            Use this text
          </button>
        </p>
      </form>
    </section>
  );
}

export function Decisions(props: Props) {
  const { view, csrf, canReview, canPublish } = props;
  const pending = view.state === 'pending_review' && canReview && view.draft;
  const publishable = view.state === 'approved' && canPublish;
  const live = isLive(view.publication) && canPublish;
  const reopenable = (view.state === 'rejected' || view.state === 'unpublished') && canReview;
  const retryable = view.state === 'failed' && canReview;
  if (view.state === 'needs_source') return <SourceForm {...props} />;
  if (!pending && !publishable && !live && !reopenable && !retryable) return null;
  const draft = view.draft;
  return (
    <section aria-labelledby="decide-heading" class="decision-bar">
      <h2 id="decide-heading">Decision</h2>
      {draft ? (
        <p class="small" id="decision-version">
          Acting on version {draft.version}, saved by {draft.author} on {day(draft.provenance.createdAt)}.
        </p>
      ) : null}
      <div class="decisions">
        {pending ? <PendingForms {...props} /> : null}
        {publishable ? <PublishForm {...props} /> : null}
        {live ? <UnpublishForm {...props} /> : null}
        {publishable && canReview ? (
          <ActionForm paperId={view.id} csrf={csrf} action="reopen" id="withdraw-approval-form">
            <p>Not ready after all? Withdraw the approval: the paper goes back to review, nothing edited.</p>
            <button type="submit" id="withdraw-approval-button">
              Withdraw approval of version {view.approval?.version ?? draft?.version ?? '-'}
            </button>
          </ActionForm>
        ) : null}
        {reopenable ? (
          <ActionForm paperId={view.id} csrf={csrf} action="reopen" id="reopen-form">
            <p>Put this paper back in review (its latest version, {draft?.version ?? '-'}).</p>
            <button type="submit">Reopen</button>
          </ActionForm>
        ) : null}
        {retryable ? (
          <ActionForm paperId={view.id} csrf={csrf} action="retry" id="retry-form">
            <p>The pipeline stopped on this paper.</p>
            <button type="submit">Retry</button>
          </ActionForm>
        ) : null}
      </div>
    </section>
  );
}
