/**
 * Several PMIDs in one E-utilities request: lookups that arrive within a
 * short window (concurrent ingest jobs, a batch file being worked through)
 * are sent as one `efetch` of up to 200 ids, so a worker spends NCBI's small
 * rate limit on records, not on round trips. A batch that fails for a reason
 * other than a transient one is split in halves and each half asked again,
 * down to the one bad id (or bad answer): it never fails the papers coalesced
 * with it, and a few bad ids in a large batch cost a few requests each, not
 * one request per PMID (200 of them at NCBI's 3 a second).
 */
import { TransientError } from '../errors/transient-error.ts';
import type { PubmedParseItem } from '../sources/pubmed/parse-xml.ts';

type Fetch = (pmids: string[]) => Promise<{ records: PubmedParseItem[] }>;

interface Waiting {
  pmid: string;
  resolve: (item: PubmedParseItem | undefined) => void;
  reject: (err: unknown) => void;
}

export function batchPmidLookups(
  fetch: Fetch,
  windowMs = 20,
  max = 200,
): (pmid: string) => Promise<PubmedParseItem | undefined> {
  let waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;

  const flush = async () => {
    timer = null;
    const batch = waiting;
    waiting = [];
    const pmids = [...new Set(batch.map((w) => w.pmid))];
    await settle(pmids, batch);
  };

  /** Answer the waiting lookups of `pmids`; on a failure that is not transient, each half on its own. */
  const settle = async (pmids: string[], batch: Waiting[]): Promise<void> => {
    const mine = batch.filter((w) => pmids.includes(w.pmid));
    try {
      const { records } = await fetch(pmids);
      for (const w of mine) w.resolve(records.find((r) => r.pmid === w.pmid));
    } catch (err) {
      // A transient failure retries every job anyway; any other may be one PMID's fault.
      if (pmids.length === 1 || err instanceof TransientError) {
        for (const w of mine) w.reject(err);
        return;
      }
      const half = Math.ceil(pmids.length / 2);
      await settle(pmids.slice(0, half), mine);
      await settle(pmids.slice(half), mine);
    }
  };

  return (pmid) =>
    new Promise((resolve, reject) => {
      waiting.push({ pmid, resolve, reject });
      if (waiting.length >= max) {
        if (timer) clearTimeout(timer);
        void flush();
      } else if (!timer) {
        timer = setTimeout(() => void flush(), windowMs);
      }
    });
}
