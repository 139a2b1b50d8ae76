/**
 * NCBI E-utilities client: ESearch (a query -> PMIDs) and EFetch (PMIDs ->
 * PaperRecords). Every attempt waits for the shared rate limiter first, because
 * NCBI counts retries too (3 requests/s without an API key, 10 with one).
 */
import { z } from 'zod';
import { PMID_PATTERN } from '../../domain/ids.ts';
import { PermanentError } from '../../errors/permanent-error.ts';
import { TransientError } from '../../errors/transient-error.ts';
import { type HttpOptions, type HttpResponse, httpRequest, redactUrl } from '../../net/http.ts';
import type { RateLimiter } from '../../net/rate-limit.ts';
import { parseJsonBody } from '../json.ts';
import { isPmid, pubmedUrl } from '../pmid.ts';
import { type PubmedParseResult, parsePubmedXml } from './parse-xml.ts';

export interface EutilsClientOptions {
  /** e.g. https://eutils.ncbi.nlm.nih.gov/entrez/eutils */
  baseUrl: string;
  apiKey?: string;
  email?: string;
  tool: string;
  http: HttpOptions;
  limiter: RateLimiter;
}

export interface EsearchOptions {
  mindate?: string; // YYYY, YYYY/MM or YYYY/MM/DD
  maxdate?: string;
  datetype?: 'edat' | 'pdat';
  retmax?: number;
}

export interface EsearchResult {
  count: number;
  pmids: string[];
}

export interface EutilsClient {
  /** Fetch and parse records; PMIDs PubMed did not return come back with `record: null` and a problem. */
  efetch(pmids: string[]): Promise<PubmedParseResult>;
  esearch(term: string, opts?: EsearchOptions): Promise<EsearchResult>;
}

/** NCBI asks for at most 200 ids per GET; more go in several requests. */
export const EFETCH_BATCH = 200;
const SERVICE = 'NCBI E-utilities';
const DEFAULT_RETMAX = 100;

const EsearchResponse = z.object({
  esearchresult: z.object({
    ERROR: z.string().optional(),
    count: z.string().regex(/^\d+$/).optional(),
    idlist: z.array(z.string().regex(PMID_PATTERN)).default([]),
  }),
});

export function createEutilsClient(options: EutilsClientOptions): EutilsClient {
  const base = options.baseUrl.replace(/\/+$/, '');

  function get(endpoint: string, params: Record<string, string>, accept: string): Promise<HttpResponse> {
    const query = new URLSearchParams({ ...params, tool: options.tool });
    if (options.email) query.set('email', options.email);
    if (options.apiKey) query.set('api_key', options.apiKey);
    const url = `${base}/${endpoint}?${query.toString()}`;
    const req = { url, service: SERVICE, accept, beforeAttempt: () => options.limiter.acquire() };
    return httpRequest(req, options.http).then(
      (res) => {
        if (res.status !== 404) return res;
        throw new PermanentError(`${SERVICE} has no ${endpoint} at ${redactUrl(url)} (HTTP 404).`, {
          hint: 'Check the E-utilities base URL in the configuration (https://eutils.ncbi.nlm.nih.gov/entrez/eutils).',
        });
      },
      (err: unknown) => {
        throw withoutSecret(err, options.apiKey);
      },
    );
  }

  async function efetchBatch(pmids: string[]): Promise<PubmedParseResult> {
    const res = await get(
      'efetch.fcgi',
      { db: 'pubmed', retmode: 'xml', id: pmids.join(',') },
      'application/xml',
    );
    const body = res.text.replace(/^\uFEFF/, '').trimStart();
    if (!body.startsWith('<')) {
      const snippet = scrub(body.slice(0, 120), options.apiKey);
      // NCBI answers a rate limit or an outage with 200 and a JSON or text body: not the PMIDs' fault.
      throw new TransientError(
        `${SERVICE} EFetch did not return XML for PMIDs ${pmids.join(',')}: "${snippet}".`,
        {
          hint: 'NCBI is having trouble or rate-limiting (the answer is not a PubMed record); retried later.',
        },
      );
    }
    try {
      return parsePubmedXml(body);
    } catch (err) {
      throw withoutSecret(err, options.apiKey);
    }
  }

  return {
    async efetch(pmids) {
      const wanted = uniquePmids(pmids);
      const records: PubmedParseResult['records'] = [];
      for (let i = 0; i < wanted.length; i += EFETCH_BATCH) {
        records.push(...(await efetchBatch(wanted.slice(i, i + EFETCH_BATCH))).records);
      }
      const returned = new Set(records.map((r) => r.pmid));
      const missing = wanted.filter((pmid) => !returned.has(pmid)).map(missingItem);
      return { records: [...records, ...missing] };
    },

    async esearch(term, opts = {}) {
      if (term.trim() === '') {
        throw new PermanentError('The PubMed search term is empty.', {
          hint: 'Give a PubMed query, e.g. "asthma[mh] AND 2024[dp]".',
        });
      }
      const res = await get('esearch.fcgi', esearchParams(term, opts), 'application/json');
      return readEsearch(scrub(res.text, options.apiKey), term);
    },
  };
}

const scrub = (text: string, secret: string | undefined): string =>
  secret ? text.replaceAll(secret, '***') : text;

/**
 * Server text quoted in an error can echo the API key (NCBI's rate-limit answer
 * does); errors end up in logs and the review UI, so the key is masked.
 */
function withoutSecret(err: unknown, secret: string | undefined): unknown {
  if (!secret) return err;
  if (!(err instanceof TransientError || err instanceof PermanentError)) return err;
  const hint = err.hint === undefined ? {} : { hint: scrub(err.hint, secret) };
  if (err instanceof PermanentError) return new PermanentError(scrub(err.message, secret), hint);
  const retry = err.retryAfterMs === undefined ? {} : { retryAfterMs: err.retryAfterMs };
  return new TransientError(scrub(err.message, secret), { ...hint, ...retry });
}

function uniquePmids(pmids: string[]): string[] {
  const wanted = [...new Set(pmids.map((p) => p.trim()))];
  const bad = wanted.filter((p) => !isPmid(p));
  if (bad.length > 0) {
    throw new PermanentError(
      `Not PubMed ids: ${bad
        .slice(0, 5)
        .map((p) => JSON.stringify(p))
        .join(', ')}.`,
      {
        hint: 'A PMID is 1-9 digits, e.g. 30158200.',
      },
    );
  }
  return wanted;
}

function missingItem(pmid: string): PubmedParseResult['records'][number] {
  return {
    pmid,
    record: null,
    problem: `PubMed returned no record for PMID ${pmid}; it may not exist or may have been withdrawn. Check ${pubmedUrl(pmid)}.`,
  };
}

function esearchParams(term: string, opts: EsearchOptions): Record<string, string> {
  const params: Record<string, string> = {
    db: 'pubmed',
    term,
    retmode: 'json',
    retmax: String(opts.retmax ?? DEFAULT_RETMAX),
  };
  if (opts.datetype) params.datetype = opts.datetype;
  // ESearch ignores a date range unless both ends are given; fill the open end.
  if (opts.mindate || opts.maxdate) {
    params.mindate = opts.mindate ?? '1800';
    params.maxdate = opts.maxdate ?? '3000';
  }
  return params;
}

function readEsearch(body: string, term: string): EsearchResult {
  const parsed = parseJsonBody(body, EsearchResponse, `${SERVICE} ESearch`, `the search "${term}"`);
  const result = parsed.esearchresult;
  if (result.ERROR !== undefined || result.count === undefined) {
    throw new PermanentError(
      `PubMed could not run the search "${term}": ${result.ERROR ?? 'no result count was returned'}.`,
      {
        hint: 'Check the query syntax on https://pubmed.ncbi.nlm.nih.gov/advanced/ and try again.',
      },
    );
  }
  return { count: Number(result.count), pmids: result.idlist };
}
