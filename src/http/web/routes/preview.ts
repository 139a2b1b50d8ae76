/**
 * The desk's "preview as published": the current draft rendered with the
 * public page's own template, under a banner saying it is not published, so
 * a reviewer sees exactly what readers would see before approving.
 */
import { slugFor } from '../../../publish/published.ts';
import { renderSummaryPage } from '../../site/views/summary-page.tsx';
import type { AppDeps } from '../../types.ts';

export async function previewPage(deps: AppDeps, id: string): Promise<string | null> {
  const paper = await deps.store.require(id);
  const draft = await deps.store.latestDraft(id);
  if (!draft || !paper.record) return null;
  const now = new Date().toISOString();
  const pub = paper.publication;
  const item = {
    id,
    slug: pub?.slug ?? slugFor(id, draft.summary.headline),
    summary: draft.summary,
    record: paper.record,
    publishedAt: pub?.firstPublishedAt ?? now,
    updatedAt: pub ? now : null,
    checkedAt: now,
    checkedBy: '',
    version: draft.version,
    provider: draft.provenance.provider,
    rewritten: draft.author !== 'ai' && draft.author !== 'extractive',
  };
  const { publicBaseUrl: baseUrl, disclaimer, credit } = deps.config.http;
  return renderSummaryPage(item, [], {
    baseUrl,
    disclaimer,
    credit,
    banner: `Preview of version ${draft.version}: not published. Dates show how the page would read if it were approved and published today.`,
  });
}
