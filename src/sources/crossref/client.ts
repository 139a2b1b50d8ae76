/**
 * Crossref REST client: one work by DOI. Requests carry `mailto` so they go
 * to Crossref's "polite" pool (faster, and Crossref can reach us before
 * blocking a misbehaving client).
 */
import type { PaperRecord } from '../../domain/paper.ts';
import { type HttpOptions, httpRequest } from '../../net/http.ts';
import type { AdaptiveRateLimiter } from '../../net/rate-limit.ts';
import { requireDoi } from '../doi.ts';
import { parseJsonBody } from '../json.ts';
import { CrossrefWorkResponse, workToRecord } from './work.ts';

export interface CrossrefClientOptions {
  /** e.g. https://api.crossref.org */
  baseUrl: string;
  /** Contact address for the polite pool. */
  mailto?: string;
  http: HttpOptions;
  /** Shared across workers; learns Crossref's limit from its `x-rate-limit-*` headers. */
  limiter?: AdaptiveRateLimiter;
}

export interface CrossrefClient {
  /** The work's record, or null when Crossref does not know the DOI (HTTP 404). */
  getWork(doi: string): Promise<PaperRecord | null>;
}

const SERVICE = 'Crossref';

export function createCrossrefClient(options: CrossrefClientOptions): CrossrefClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async getWork(input) {
      const doi = requireDoi(input);
      // The DOI is one path segment: its `/` (and any `?`, `#`, `;`) must be escaped.
      const query = options.mailto ? `?${new URLSearchParams({ mailto: options.mailto })}` : '';
      const url = `${base}/works/${encodeURIComponent(doi)}${query}`;
      const limiter = options.limiter;
      const res = await httpRequest(
        {
          url,
          service: SERVICE,
          accept: 'application/json',
          ...(limiter ? { beforeAttempt: () => limiter.acquire() } : {}),
        },
        options.http,
      );
      limiter?.observe(res.headers);
      if (res.status === 404) return null;
      const body = parseJsonBody(res.text, CrossrefWorkResponse, SERVICE, `DOI ${doi}`);
      return workToRecord(body.message, doi);
    },
  };
}
