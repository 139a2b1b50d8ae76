/** The source panel of the review page: what the paper says, with links to the original. */
import type { PaperRecord } from '../../../domain/paper.ts';
import { doiUrl, pubmedUrl, webUrl } from '../../../publish/links.ts';
import type { PaperView } from '../../../review/view.ts';
import { LinkedAbstract } from './sentence-links.tsx';

function Links({ record }: { record: PaperRecord }) {
  const pubmed = record.ids.pmid ? pubmedUrl(record.ids.pmid) : null;
  const web = webUrl(record.sourceUrl);
  return (
    <>
      {record.ids.doi ? (
        <>
          <dt>DOI</dt>
          <dd>
            <a href={doiUrl(record.ids.doi)} rel="noopener noreferrer" target="_blank">
              {record.ids.doi}
            </a>
          </dd>
        </>
      ) : null}
      {record.ids.pmid ? (
        <>
          <dt>PMID</dt>
          <dd>
            {pubmed ? (
              <a href={pubmed} rel="noopener noreferrer" target="_blank">
                {record.ids.pmid}
              </a>
            ) : (
              record.ids.pmid
            )}
          </dd>
        </>
      ) : null}
      {web && !record.ids.doi && !record.ids.pmid ? (
        <>
          <dt>Source</dt>
          <dd>
            <a href={web} rel="noopener noreferrer" target="_blank">
              {web}
            </a>
          </dd>
        </>
      ) : null}
    </>
  );
}

export function SourcePanel({ view }: { view: PaperView }) {
  const record = view.source;
  if (!record) {
    return (
      <section class="panel source" aria-labelledby="source-heading">
        <h2 id="source-heading">Source</h2>
        <p class="muted">Not ingested yet ({view.submission.kind} submission).</p>
      </section>
    );
  }
  return (
    <section class="panel source" aria-labelledby="source-heading">
      <h2 id="source-heading">Source</h2>
      <dl>
        <dt>Title</dt>
        <dd id="source-title">{record.title}</dd>
        {record.journal ? (
          <>
            <dt>Journal</dt>
            <dd>{record.journal}</dd>
          </>
        ) : null}
        {record.publishedAt ? (
          <>
            <dt>Date</dt>
            <dd>{record.publishedAt}</dd>
          </>
        ) : null}
        {record.publicationTypes.length ? (
          <>
            <dt>Type</dt>
            <dd>{record.publicationTypes.join(', ')}</dd>
          </>
        ) : null}
        <Links record={record} />
      </dl>
      <h3>Abstract</h3>
      <div class="abstract" id="source-abstract">
        {record.abstract.length === 0 ? <p class="muted">No abstract.</p> : null}
        <LinkedAbstract record={record} source={view.sourceSentences} />
      </div>
    </section>
  );
}
