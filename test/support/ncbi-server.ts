/**
 * A local NCBI E-utilities server replaying recorded real EFetch XML
 * (test/fixtures/pubmed) and answering ESearch in NCBI's JSON shape.
 * `efetch` returns only the requested PMIDs' <PubmedArticle> elements, as NCBI does.
 */

import { fixture } from './harness.ts';
import { send, startServer, type TestServer } from './http-server.ts';

export interface NcbiServer extends TestServer {
  /** PMIDs the next esearch returns. */
  searchResult: string[];
  /** When set, the PMIDs an esearch for `term` returns (instead of `searchResult`). */
  searchFor: ((term: string) => string[]) | undefined;
  /** Status codes to answer with before answering normally (e.g. [429, 500]). */
  failures: number[];
}

function articlesById(files: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of files) {
    for (const m of fixture(`pubmed/${file}`).matchAll(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g)) {
      const pmid = /<PMID[^>]*>(\d+)<\/PMID>/.exec(m[0])?.[1];
      if (pmid) map.set(pmid, m[0]);
    }
  }
  return map;
}

export async function startNcbiServer(
  files = ['ncbiutils_pubmed.xml', 'biopython_pubmed4.xml', 'biopython_pubmed1.xml'],
): Promise<NcbiServer> {
  const articles = articlesById(files);
  const state: Pick<NcbiServer, 'searchResult' | 'failures' | 'searchFor'> = {
    searchResult: [],
    failures: [],
    searchFor: undefined,
  };
  const server = await startServer((req, res) => {
    const failure = state.failures.shift();
    if (failure)
      return send(
        res,
        failure,
        '{"error":"API rate limit exceeded"}',
        'application/json',
        failure === 429 ? { 'retry-after': '0' } : {},
      );
    if (req.url.pathname.endsWith('/esearch.fcgi')) {
      const ids = state.searchFor?.(req.url.searchParams.get('term') ?? '') ?? state.searchResult;
      return send(
        res,
        200,
        JSON.stringify({
          header: { type: 'esearch', version: '0.3' },
          esearchresult: {
            count: String(ids.length),
            retmax: String(ids.length),
            retstart: '0',
            idlist: ids,
          },
        }),
      );
    }
    if (req.url.pathname.endsWith('/efetch.fcgi')) {
      const ids = (req.url.searchParams.get('id') ?? '').split(',');
      const body = ids.map((id) => articles.get(id) ?? '').join('\n');
      return send(
        res,
        200,
        `<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n<PubmedArticleSet>\n${body}\n</PubmedArticleSet>`,
        'text/xml',
      );
    }
    send(res, 404, 'not found', 'text/plain');
  });
  // The test changes `searchResult` / `failures` on the returned object, which the handler reads.
  return Object.defineProperties(server, {
    searchResult: {
      get: () => state.searchResult,
      set: (v: string[]) => {
        state.searchResult = v;
      },
    },
    searchFor: {
      get: () => state.searchFor,
      set: (v: NcbiServer['searchFor']) => {
        state.searchFor = v;
      },
    },
    failures: {
      get: () => state.failures,
      set: (v: number[]) => {
        state.failures = v;
      },
    },
  }) as NcbiServer;
}
