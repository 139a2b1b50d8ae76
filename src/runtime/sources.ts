/**
 * The real source clients, built from the config: the resolvers ingest uses
 * (NCBI E-utilities for PMIDs, rate-limited across all workers through Redis;
 * Crossref with a Europe PMC fallback for DOIs; pdf-parse in a worker thread
 * for PDFs, where a PDF that prints its DOI also gets that DOI's metadata),
 * and what a watch's poll needs.
 */
import type { Config } from '../config/env.ts';
import type { PaperRecord } from '../domain/paper.ts';
import { PermanentError } from '../errors/permanent-error.ts';
import { batchPmidLookups } from '../ingest/pmid-batcher.ts';
import type { Resolvers } from '../ingest/resolvers.ts';
import { guardedFetch } from '../net/guarded-fetch.ts';
import type { HttpOptions } from '../net/http.ts';
import { httpRequest } from '../net/http.ts';
import { createCrossrefClient } from '../sources/crossref/client.ts';
import { resolveDoi } from '../sources/crossref/resolve.ts';
import { createEuropePmcClient } from '../sources/europepmc/client.ts';
import { extractPdf } from '../sources/pdf/extract.ts';
import { createEutilsClient, type EutilsClient } from '../sources/pubmed/eutils.ts';
import { adaptiveRedisRateLimiter, rateLimitKey, redisRateLimiter } from '../store/rate-limiter.ts';
import type { RedisClient } from '../store/redis-client.ts';
import type { PollDeps } from '../watch/poll.ts';
import { type Context, redisOf } from './context.ts';

export function httpOptions(config: Config): HttpOptions {
  const contact = config.sources.contactEmail ? ` (mailto:${config.sources.contactEmail})` : '';
  return {
    timeoutMs: config.sources.httpTimeoutMs,
    // One quick retry of a dropped connection; every longer wait is the queue's (src/net/http.ts).
    retryDelayMs: 500,
    userAgent: `LaySum/0.1${contact}`,
  };
}

export function createEutils(config: Config, redis: RedisClient): EutilsClient {
  const s = config.sources;
  return createEutilsClient({
    baseUrl: s.ncbiUrl,
    ...(s.ncbiApiKey ? { apiKey: s.ncbiApiKey } : {}),
    ...(s.contactEmail ? { email: s.contactEmail } : {}),
    tool: 'laysum',
    http: httpOptions(config),
    limiter: redisRateLimiter(redis, rateLimitKey(config.redis.prefix, 'ncbi'), s.ncbiApiKey ? 10 : 3),
  });
}

/** Look up one PMID (coalesced with concurrent lookups into one efetch). */
export function pmidResolver(eutils: EutilsClient): (pmid: string) => Promise<PaperRecord> {
  const lookup = batchPmidLookups((ids) => eutils.efetch(ids));
  return async (pmid) => {
    const item = await lookup(pmid);
    if (!item) {
      throw new PermanentError(`PMID ${pmid} was not found in PubMed.`, {
        hint: 'Check the number, or submit the DOI instead.',
      });
    }
    if (!item.record) {
      const problem = (item.problem ?? 'it has no title or abstract').replace(/\.+$/, '');
      throw new PermanentError(`PubMed record ${pmid}: ${problem}.`, {
        hint: 'Check the PMID, or paste the abstract with `laysum submit --text`.',
      });
    }
    return item.record;
  };
}

/** PubMed's record of a DOI (by its PMID when known): null when PubMed has none; an outage is retried. */
async function pubmedByDoi(
  eutils: EutilsClient,
  pmid: (id: string) => Promise<PaperRecord>,
  doi: string,
  known: string | undefined,
): Promise<PaperRecord | null> {
  try {
    const id = known ?? (await eutils.esearch(`"${doi}"[doi]`, { retmax: 1 })).pmids[0];
    return id ? await pmid(id) : null;
  } catch (err) {
    if (err instanceof PermanentError) return null;
    throw err;
  }
}

/** The resolvers ingest uses, from a context. */
export function createSourceResolvers(ctx: Context): Resolvers {
  return createResolvers(ctx.config, redisOf(ctx));
}

export function createResolvers(config: Config, redis: RedisClient): Resolvers {
  const http = httpOptions(config);
  const s = config.sources;
  const mail = s.contactEmail ? { mailto: s.contactEmail } : {};
  const crossref = createCrossrefClient({
    baseUrl: s.crossrefUrl,
    ...mail,
    http,
    limiter: adaptiveRedisRateLimiter(redis, rateLimitKey(config.redis.prefix, 'crossref'), {
      max: 5,
      windowMs: 1000,
    }),
  });
  const europePmc = createEuropePmcClient({
    baseUrl: s.europePmcUrl,
    ...(s.contactEmail ? { email: s.contactEmail } : {}),
    http,
  });
  const eutils = createEutils(config, redis);
  const pmid = pmidResolver(eutils);
  const pubmed = (d: string, known: string | undefined) => pubmedByDoi(eutils, pmid, d, known);
  const doi = (d: string) => resolveDoi(d, { crossref, europePmc, pubmed });
  return {
    pmid,
    doi,
    async pdf(bytes) {
      const { record, doi: printed } = await extractPdf(bytes, {
        maxBytes: config.limits.maxPdfBytes,
        fullTextBudgetChars: config.limits.fullTextBudgetChars,
        threads: config.workers.pdfThreads,
      });
      if (!printed) return record;
      // The PDF prints its DOI: use the publisher's metadata, keep the PDF's text.
      // A DOI the registries cannot resolve leaves the PDF's own record; an outage retries the job.
      // Crossref and Europe PMC only: the PDF's own text is the source, PubMed's abstract is not needed.
      const meta = await resolveDoi(printed, { crossref, europePmc }).catch((err: unknown) => {
        if (err instanceof PermanentError) return null;
        throw err;
      });
      if (!meta) return { ...record, ids: { ...record.ids, doi: printed } };
      return {
        ...meta,
        abstract: meta.abstract.length ? meta.abstract : record.abstract,
        fullText: record.fullText,
      };
    },
  };
}

/** What a poll needs: the submission path, the watch store, NCBI and a feed fetcher. */
export function createPollDeps(ctx: Context): PollDeps {
  // A feed's URL is a user's: every hop is checked against FETCH_ALLOW_PRIVATE (src/net/guarded-fetch.ts).
  const http = { ...httpOptions(ctx.config), fetch: guardedFetch(ctx.config.fetch.allowPrivate) };
  return {
    submit: ctx,
    watches: ctx.watches,
    eutils: createEutils(ctx.config, redisOf(ctx)),
    limits: {
      maxTextBytes: ctx.config.limits.maxTextBytes,
      maxNewPerPoll: ctx.config.limits.maxNewPerPoll,
    },
    async fetchText(url) {
      const res = await httpRequest(
        {
          url,
          service: 'The feed',
          accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5',
          maxBytes: { bytes: ctx.config.limits.maxFeedBytes, setting: 'FEED_MAX_BYTES' },
          quoteBody: false,
        },
        http,
      );
      if (res.status === 404)
        throw new PermanentError(`The feed ${url} was not found (HTTP 404).`, {
          hint: 'Check the URL; `laysum watch remove` it if the journal moved its feed.',
        });
      return res.text;
    },
  };
}
