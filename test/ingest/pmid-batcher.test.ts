/**
 * Coalesced PMID lookups: a batch that fails because of one bad id is split
 * in halves down to that id, so the other papers get their records and NCBI
 * is asked a few times, not once per PMID.
 */
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/errors/permanent-error.ts';
import { batchPmidLookups } from '../../src/ingest/pmid-batcher.ts';
import type { PubmedParseItem } from '../../src/sources/pubmed/parse-xml.ts';

const item = (pmid: string): PubmedParseItem => ({ pmid, record: null, problem: 'test record' });

describe('batchPmidLookups', () => {
  it('isolates one bad id among 200 in a few requests, and answers the other 199', async () => {
    const requests: string[][] = [];
    const lookup = batchPmidLookups(async (pmids) => {
      requests.push(pmids);
      if (pmids.includes('666')) throw new PermanentError('NCBI could not read the answer for these ids.');
      return { records: pmids.map(item) };
    });
    const pmids = Array.from({ length: 200 }, (_, i) => String(i === 77 ? 666 : 1000 + i));
    const results = await Promise.allSettled(pmids.map((p) => lookup(p)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(199);
    expect(results[77]).toMatchObject({ status: 'rejected' });
    expect(requests.length).toBeLessThanOrEqual(17); // 1 + 2 per halving (log2 200 ≈ 8), not 1 + 200
  });
});
