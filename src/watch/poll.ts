/**
 * One poll of a watch: ask the source what is new, submit each item through
 * the same path as an editor (so known papers are recognized, never queued
 * twice), and record what was found, what was new, and any error. A failing
 * source records its error and leaves the other watches alone.
 */
import { type PaperRecord, recordBytes } from '../domain/paper.ts';
import type { Watches } from '../domain/ports/watches.ts';
import type { PollReport, Watch } from '../domain/watch.ts';
import { describeError } from '../errors/describe.ts';
import { InputError } from '../errors/input-error.ts';
import { type SubmitDeps, type SubmitRequest, submitPaper } from '../intake/submit.ts';
import { feedItemToRecord, parseFeed } from '../sources/feeds/parse.ts';
import type { EutilsClient } from '../sources/pubmed/eutils.ts';

export interface PollDeps {
  submit: SubmitDeps;
  watches: Watches;
  eutils: EutilsClient;
  fetchText(url: string): Promise<string>;
  /** MAX_TEXT_BYTES (each item's text, as for pasted text) and WATCH_MAX_NEW_PER_POLL. */
  limits: { maxTextBytes: number; maxNewPerPoll: number };
}

type Candidate = { request: SubmitRequest } | { skip: string };

const ymd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '/');

/** Where a PubMed poll's window starts: the last good poll, or its own start while items wait. */
export function windowStart(watch: Watch): Date {
  const last = watch.lastPoll;
  if (last?.ok && last.deferred > 0 && last.since) return new Date(last.since);
  return last?.ok ? new Date(last.at) : new Date(Date.parse(watch.createdAt) - 30 * 86_400_000);
}

async function pubmedCandidates(deps: PollDeps, watch: Watch): Promise<Candidate[]> {
  const since = windowStart(watch);
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
  const max = deps.limits.maxTextBytes;
  return feed.items.map((item): Candidate => {
    const record = feedItemToRecord(item, feed.title);
    const tooLarge = record !== null && recordBytes(record) > max;
    const usable = record && hasText(record) && !tooLarge ? record : undefined;
    // An item's text over the limit is not used: the DOI or PMID still brings the registries' record.
    // Without an abstract, the feed's title and authors still stand in for a DOI no registry knows.
    const known = record && !tooLarge ? record : undefined;
    if (item.doi) return { request: { kind: 'doi', doi: item.doi, fallback: known } };
    if (item.pmid) return { request: { kind: 'pmid', pmid: item.pmid } };
    if (tooLarge)
      return { skip: `"${item.title.slice(0, 80)}": its text is over MAX_TEXT_BYTES (${max} bytes)` };
    return usable
      ? { request: { kind: 'record', record: usable } }
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
    deferred: 0,
    since: watch.kind === 'pubmed' ? windowStart(watch).toISOString() : null,
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
      // The rest wait for the next poll (a feed lists them again; a PubMed poll keeps its window).
      if (report.queued >= deps.limits.maxNewPerPoll) {
        report.deferred++;
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
