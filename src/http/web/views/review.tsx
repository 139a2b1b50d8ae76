/** The review page: source beside the editable draft, then decisions, checks, provenance, diffs and history. */
import { isLive } from '../../../domain/publication.ts';
import type { PaperState } from '../../../domain/state.ts';
import { EDITABLE_STATES } from '../../../review/edit.ts';
import type { PaperView } from '../../../review/view.ts';
import type { Role } from '../../../users/roles.ts';
import { can } from '../../../users/roles.ts';
import type { User } from '../../../users/store.ts';
import { ClaimNotice, type ClaimView } from './claim-notice.tsx';
import { Decisions } from './decisions.tsx';
import { Changes, Checks, DiffView, FailureDetails, ProvenanceTable, Versions } from './details.tsx';
import { DraftForm } from './draft-form.tsx';
import { type FormValues, valuesOf } from './form-values.ts';
import { deskWording, stateLabel } from './format.ts';
import { PaperTrail } from './history.tsx';
import { SentenceLinks } from './sentence-links.tsx';
import { reviewShortcuts, Shortcuts } from './shortcuts.tsx';
import { SimplifyBlock } from './simplify-block.tsx';
import { SourcePanel } from './source.tsx';
import { type UnsavedEdits, UnsavedEditsPanel } from './unsaved-edits.tsx';

export interface ReviewProps {
  view: PaperView;
  user: User;
  csrf: string | null;
  /** The reviewer's unsaved input, kept in the form when a save on the current version was refused. */
  values?: FormValues | undefined;
  /** Typing on an older version, refused: the form shows the current version, the typing waits beside it. */
  unsaved?: UnsavedEdits | undefined;
  /** The version the reviewer read when a decision or save was refused as stale: what changed since is shown first. */
  seen?: number | null;
  neighbours: { prev: string | null; next: string | null };
  /** Who is working on this paper (the page's GET claimed it for a reviewer). */
  claim: ClaimView;
  from: number | null;
  /** Whether the summarizer can apply a reviewer's notes (not the offline extractive provider). */
  notesApplied: boolean;
}

const paperHref = (id: string) => `/desk/papers/${encodeURIComponent(id)}`;

function Nav({ view, neighbours }: Pick<ReviewProps, 'view' | 'neighbours'>) {
  const published = isLive(view.publication) ? `/s/${view.publication.slug}` : null;
  return (
    <p class="small">
      <a href="/desk">← Queue</a>
      {neighbours.prev ? (
        <>
          {' · '}
          <a id="nav-prev" href={paperHref(neighbours.prev)}>
            previous pending (k)
          </a>
        </>
      ) : null}
      {neighbours.next ? (
        <>
          {' · '}
          <a id="nav-next" href={paperHref(neighbours.next)}>
            next pending (j)
          </a>
        </>
      ) : null}
      {published ? (
        <>
          {' · '}
          <a id="published-link" href={published}>
            published page
          </a>
        </>
      ) : null}
      {view.draft ? (
        <>
          {' · '}
          <a id="preview-link" href={`${paperHref(view.id)}/preview`}>
            preview as published
          </a>
        </>
      ) : null}
    </p>
  );
}

/** A live page and the draft being reviewed are different versions: say which the public sees. */
function LiveNotice({ view }: { view: PaperView }) {
  const pub = view.publication;
  if (!pub) return null;
  if (pub.withdrawn) {
    return (
      <div class="banner" role="note" id="live-notice">
        Withdrawn on {pub.withdrawn.at.slice(0, 10)} by {pub.withdrawn.by}: {pub.withdrawn.reason}. The page
        answers “withdrawn” (410).
      </div>
    );
  }
  const latest = view.draft?.version ?? pub.version;
  return (
    <div class="banner" role="note" id="live-notice">
      The public page shows version {pub.version} (published {pub.publishedAt.slice(0, 10)}).
      {latest > pub.version
        ? ` Version ${latest} is a correction: the page changes only when it is approved and published.`
        : ''}
    </div>
  );
}

/** What the summarizer wants the reviewer to know: shown here, never published. */
function NotesForReviewer({ view }: { view: PaperView }) {
  const notes = view.draft?.notesForReviewer ?? [];
  const extractive = view.provenance?.provider === 'extractive';
  if (!extractive && notes.length === 0) return null;
  return (
    <div class="banner extractive" role="note" id="extractive-notice">
      {extractive ? <strong>Extractive draft — no AI model wrote this. </strong> : null}
      {notes.map((n) => (
        <span class="reviewer-note">{n} </span>
      ))}
    </div>
  );
}

/** Why the draft is read-only, and what to do about it: the state's reason for a reviewer, the role's for others. */
export function readOnlyReason(state: PaperState, canReview: boolean, role: Role): string {
  if (!canReview)
    return `You are signed in as ${role === 'editor' ? 'an editor' : role}: editors read drafts; reviewers and admins edit them.`;
  switch (state) {
    case 'summarizing':
      return 'The draft cannot be edited while the summarizer writes a new version (summarizing): reload when it is back in review.';
    case 'rejected':
      return 'The draft cannot be edited: the paper was rejected. Reopen it (below) to edit and review it again.';
    case 'unpublished':
      return 'The draft cannot be edited: the summary was withdrawn. Reopen it (below) to edit and review it again.';
    case 'failed':
      return 'The draft cannot be edited: the paper failed (why is shown above). Retry it (below); the new draft comes back for review.';
    default:
      return `The draft cannot be edited while the paper is ${stateLabel(state)}: it can be edited once it is in review.`;
  }
}

/** After a stale refusal: what changed between the version the reviewer read and the one the page shows now. */
function SinceSeen({ view, seen }: { view: PaperView; seen: number | null | undefined }) {
  const current = view.versions.at(-1);
  const before = view.versions.find((d) => d.version === seen);
  if (!current || !before || before === current) return null;
  return (
    <section class="panel since-seen" id="since-seen" aria-label="What changed since the version you read">
      <DiffView
        title={`What changed since version ${before.version} (the one you read): the page now shows version ${current.version}`}
        before={before}
        after={current}
      />
    </section>
  );
}

export function ReviewBody(props: ReviewProps) {
  const { view, user } = props;
  const draft = view.draft;
  const canReview = can(user.role, 'review');
  const editable = canReview && (EDITABLE_STATES as readonly string[]).includes(view.state);
  const pending = Boolean(draft) && canReview && view.state === 'pending_review';
  return (
    <>
      <Nav view={view} neighbours={props.neighbours} />
      <h1>
        {view.summary?.headline ?? view.source?.title ?? view.id}{' '}
        <span
          class="badge"
          id="paper-state"
          data-state={view.state}
          data-version={String(draft?.version ?? 0)}
        >
          {stateLabel(view.state)}
        </span>
      </h1>
      <ClaimNotice paperId={view.id} view={props.claim} csrf={props.csrf} />
      {view.reason ? <p class="muted">Reason: {deskWording(view.reason)}</p> : null}
      <LiveNotice view={view} />
      <NotesForReviewer view={view} />
      {view.failure ? <FailureDetails failure={view.failure} /> : null}
      <SinceSeen view={view} seen={props.seen ?? props.unsaved?.basedOn} />
      {props.unsaved && draft ? (
        <UnsavedEditsPanel unsaved={props.unsaved} current={draft} versions={view.versions} />
      ) : null}
      <div class="grid">
        <SourcePanel view={view} />
        {draft ? (
          <div class="draft-column">
            <SentenceLinks draft={draft} source={view.sourceSentences} />
            <DraftForm
              paperId={view.id}
              version={draft.version}
              values={props.values ?? valuesOf(draft.summary, draft.version)}
              saved={valuesOf(draft.summary, draft.version)}
              readOnly={!editable}
              readOnlyReason={readOnlyReason(view.state, canReview, user.role)}
              csrf={props.csrf}
            />
          </div>
        ) : (
          <section class="panel">
            <h2>Draft</h2>
            <p class="muted">No draft yet: the paper is {stateLabel(view.state)}.</p>
          </section>
        )}
      </div>
      <Decisions
        view={view}
        csrf={props.csrf}
        canReview={canReview}
        canPublish={can(user.role, 'publish')}
        notesApplied={props.notesApplied}
      />
      {draft ? <Checks draft={draft} /> : null}
      {draft ? <SimplifyBlock draft={draft} /> : null}
      {draft ? <ProvenanceTable draft={draft} /> : null}
      <Changes versions={view.versions} from={props.from ?? props.seen ?? props.unsaved?.basedOn ?? null} />
      {view.versions.length ? <Versions paperId={view.id} versions={view.versions} /> : null}
      <section aria-labelledby="trail-heading">
        <h2 id="trail-heading">History</h2>
        <PaperTrail paperId={view.id} entries={view.audit} />
      </section>
      <Shortcuts
        keys={reviewShortcuts({
          next: props.neighbours.next !== null,
          prev: props.neighbours.prev !== null,
          approve: pending,
          reject: pending,
          edit: Boolean(draft) && editable,
        })}
      />
    </>
  );
}
