/** The article body a feed reader shows: ratings, the four sections and the source. */
import { shortDate } from '../../../publish/format.ts';
import type { PublishedSummary } from '../../../publish/published.ts';
import { ExtractiveNotice, Ratings, SourceSection, SummarySections } from './sections.tsx';

const NL = '\n';

export function renderFeedItem(item: PublishedSummary): string {
  return String(
    <>
      {item.updatedAt ? (
        <p class="updated">
          <strong>Updated on {shortDate(item.updatedAt)}:</strong> this summary was corrected.
        </p>
      ) : null}
      <ExtractiveNotice item={item} />
      <Ratings summary={item.summary} />
      {NL}
      <SummarySections summary={item.summary} />
      {NL}
      <SourceSection record={item.record} />
    </>,
  );
}
