/**
 * Europe PMC REST client: the record for a DOI, from a `DOI:"..."` search.
 * A search can return neighbours (preprint and published versions, a
 * correction citing the DOI), so only a result whose own DOI matches counts.
 */
import type { PaperRecord } from '../../domain/paper.ts';
import { type HttpOptions, httpRequest } from '../../net/http.ts';
import { requireDoi } from '../doi.ts';
import { parseJsonBody } from '../json.ts';
import { EuropePmcSearchResponse, hasDoi, resultToRecord } from './result.ts';

export interface EuropePmcClientOptions {
  /** e.g. https://www.ebi.ac.uk/europepmc/webservices/rest */
  baseUrl: string;
  /** Contact address, sent so Europe PMC can reach us about our traffic. */
  email?: string;
  http: HttpOptions;
}

export interface EuropePmcClient {
  /** The record whose DOI is `doi`, or null when Europe PMC has none. */
  findByDoi(doi: string): Promise<PaperRecord | null>;
}

const SERVICE = 'Europe PMC';

/** A phrase query: quotes and backslashes inside it are escaped for the Lucene syntax. */
const doiQuery = (doi: string): string => `DOI:"${doi.replace(/["\\]/g, '\\$&')}"`;

export function createEuropePmcClient(options: EuropePmcClientOptions): EuropePmcClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async findByDoi(input) {
      const doi = requireDoi(input);
      const params = new URLSearchParams({ query: doiQuery(doi), resultType: 'core', format: 'json' });
      if (options.email) params.set('email', options.email);
      const url = `${base}/search?${params}`;
      const res = await httpRequest({ url, service: SERVICE, accept: 'application/json' }, options.http);
      if (res.status === 404) return null;
      const body = parseJsonBody(res.text, EuropePmcSearchResponse, SERVICE, `DOI ${doi}`);
      const match = body.resultList.result.find((r) => hasDoi(r, doi));
      return match ? resultToRecord(match, doi) : null;
    },
  };
}
