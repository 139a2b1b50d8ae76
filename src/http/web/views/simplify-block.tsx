/** The simplify pass on the review page: the figures before and after, which version the draft kept and why, and the text before it. */
import type { Draft, SimplifyPass } from '../../../domain/draft.ts';

const figures = (f: SimplifyPass['beforeFigures']) =>
  `grade ${f.grade}, ${Math.round(f.hardWordShare * 100)}% unfamiliar words`;

export function SimplifyBlock({ draft }: { draft: Draft }) {
  const pass = draft.simplify;
  if (!pass) return null;
  const before = pass.before;
  return (
    <section aria-labelledby="simplify-heading" id="simplify">
      <h2 id="simplify-heading">Simplify pass ({pass.promptVersion})</h2>
      <p>
        Before: {figures(pass.beforeFigures)}. After:{' '}
        {pass.afterFigures ? figures(pass.afterFigures) : 'no rewrite'}.{' '}
        <strong>
          {pass.kept === 'rewrite' ? 'The draft shows the rewrite.' : 'The draft shows the original.'}
        </strong>{' '}
        {pass.reason}
      </p>
      <details>
        <summary>The draft before the simplify pass</summary>
        <p>
          <strong>{before.headline}</strong>
        </p>
        <p>{before.takeaway}</p>
        <p>{before.findings}</p>
        <p>{before.audience}</p>
        <ul>
          {before.caveats.map((c) => (
            <li>{c}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
