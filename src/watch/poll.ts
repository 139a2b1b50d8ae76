/**
 * One poll of a watch: ask the source what is new, submit each item through
 * the same path as an editor (so known papers are recognized, never queued
 * twice), and record what was found, what was new, and any error. A failing
 * source records its error and leaves the other watches alone.
 */
import type { PaperRecord } from '../domain/paper.ts';
import type { PollReport, Watch } from '../domain/watch.ts';
import { describeError } from '../errors/describe.ts';
import { InputError } from '../errors/input-error.ts';
import { type SubmitDeps, type SubmitRequest, submitPaper } from '../intake/submit.ts';
import { feedItemToRecord, parseFeed } from '../sources/feeds/parse.ts';
import type { EutilsClient } from '../sources/pubmed/eutils.ts';
import type { WatchStore } from '../store/watches.ts';

export interface PollDeps {
  submit: SubmitDeps;
  watches: WatchStore;
  eutils: EutilsClient;
  fetchText(url: string): Promise<string>;
}

type Candidate = { request: SubmitRequest } | { skip: string };

const ymd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '/');

async function pubmedCandidates(deps: PollDeps, watch: Watch): Promise<Candidate[]> {
  const since = watch.lastPoll?.ok
    ? new Date(watch.lastPoll.at)
    : new Date(Date.parse(watch.createdAt) - 30 * 86_400_000);
  const { pmids } = await deps.eutils.esearch(watch.target, {
    mindate: ymd(since),
    datetype: 'edat',
    retmax: 200,
  });
  if (pmids.length === 0) return [];
  const { records } = await deps.eutils.efetch(pmids);
  return records.map((r) =>
    r.record && hasText(r.record)
      ? { request: { kind: 'record', record: r.record } }
      : { skip: `PMID ${r.pmid}: ${r.problem ?? 'no abstract'}` },
  );
}

async function feedCandidates(deps: PollDeps, watch: Watch): Promise<Candidate[]> {
  const feed = parseFeed(await deps.fetchText(watch.target), watch.target);
  return feed.items.map((item): Candidate => {
    const record = feedItemToRecord(item, feed.title);
    const fallback = record && hasText(record) ? record : undefined;
    if (item.doi) return { request: { kind: 'doi', doi: item.doi, fallback } };
    if (item.pmid) return { request: { kind: 'pmid', pmid: item.pmid } };
    return record && hasText(record)
      ? { request: { kind: 'record', record } }
      : { skip: `"${item.title}": no DOI, PMID or abstract` };
  });
}

function hasText(record: PaperRecord): boolean {
  return record.abstract.some((s) => s.text.trim().length > 0);
}

export async function pollWatch(deps: PollDeps, watch: Watch): Promise<PollReport> {
  const report: PollReport = {
    at: new Date().toISOString(),
    ok: true,
    found: 0,
    queued: 0,
    duplicates: 0,
    skipped: 0,
    error: null,
    ids: [],
  };
  try {
    const candidates =
      watch.kind === 'pubmed' ? await pubmedCandidates(deps, watch) : await feedCandidates(deps, watch);
    report.found = candidates.length;
    for (const c of candidates) {
      if ('skip' in c) {
        report.skipped++;
        continue;
      }
      try {
        const r = await submitPaper(deps.submit, c.request, {
          actor: `watch:${watch.id}`,
          watchId: watch.id,
        });
        if (r.created) report.queued++;
        else report.duplicates++;
        report.ids.push(r.id);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        report.skipped++;
      }
    }
  } catch (err) {
    report.ok = false;
    report.error = describeError(err);
  }
  await deps.watches.recordPoll(watch.id, report);
  return report;
}
