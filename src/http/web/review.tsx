/** The review page: source beside the editable draft, then decisions, checks, provenance, diffs and history. */
import { slugFor } from '../../publish/published.ts';
import type { PaperView } from '../../review/view.ts';
import { can } from '../../users/roles.ts';
import type { User } from '../../users/store.ts';
import { Decisions } from './decisions.tsx';
import { Changes, Checks, ProvenanceTable, Trail, Versions } from './details.tsx';
import { DraftForm } from './draft-form.tsx';
import { type FormValues, valuesOf } from './edit-form.ts';
import { stateLabel } from './format.ts';
import { Shortcuts } from './shortcuts.tsx';
import { SimplifyBlock } from './simplify-block.tsx';
import { SourcePanel } from './source.tsx';

export interface ReviewProps {
  view: PaperView;
  user: User;
  csrf: string | null;
  /** The reviewer's unsaved input, kept when a save was refused. */
  values?: FormValues | undefined;
  neighbours: { prev: string | null; next: string | null };
  from: number | null;
}

const paperHref = (id: string) => `/desk/papers/${encodeURIComponent(id)}`;

function Nav({ view, neighbours }: Pick<ReviewProps, 'view' | 'neighbours'>) {
  const published =
    view.state === 'published' && view.summary ? `/s/${slugFor(view.id, view.summary.headline)}` : null;
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
    </p>
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

export function ReviewBody(props: ReviewProps) {
  const { view, user } = props;
  const draft = view.draft;
  const canReview = can(user.role, 'review');
  const editable = canReview && (view.state === 'pending_review' || view.state === 'approved');
  return (
    <>
      <Nav view={view} neighbours={props.neighbours} />
      <h1>
        {view.summary?.headline ?? view.source?.title ?? view.id}{' '}
        <span class="badge" id="paper-state">
          {stateLabel(view.state)}
        </span>
      </h1>
      {view.reason ? <p class="muted">Reason: {view.reason}</p> : null}
      <NotesForReviewer view={view} />
      <div class="grid">
        <SourcePanel view={view} />
        {draft ? (
          <DraftForm
            paperId={view.id}
            version={draft.version}
            values={props.values ?? valuesOf(draft.summary, draft.version)}
            readOnly={!editable}
            csrf={props.csrf}
          />
        ) : (
          <section class="panel">
            <h2>Draft</h2>
            <p class="muted">No draft yet: the paper is {stateLabel(view.state)}.</p>
          </section>
        )}
      </div>
      <Decisions
        paperId={view.id}
        state={view.state}
        csrf={props.csrf}
        canReview={canReview}
        canPublish={can(user.role, 'publish')}
      />
      {draft ? <Checks draft={draft} /> : null}
      {draft ? <SimplifyBlock draft={draft} /> : null}
      {draft ? <ProvenanceTable draft={draft} /> : null}
      <Changes versions={view.versions} from={props.from} />
      {view.versions.length ? <Versions paperId={view.id} versions={view.versions} /> : null}
      <section aria-labelledby="trail-heading">
        <h2 id="trail-heading">History</h2>
        <Trail entries={view.audit} />
      </section>
      <Shortcuts />
    </>
  );
}
