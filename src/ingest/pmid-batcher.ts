/**
 * Several PMIDs in one E-utilities request: lookups that arrive within a
 * short window (concurrent ingest jobs, a batch file being worked through)
 * are sent as one `efetch` of up to 200 ids, so a worker spends NCBI's small
 * rate limit on records, not on round trips. A batch that fails for a reason
 * other than a transient one is asked for again PMID by PMID, so one bad id
 * (or one bad answer) never fails the papers coalesced with it.
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
    try {
      const { records } = await fetch(pmids);
      for (const w of batch) w.resolve(records.find((r) => r.pmid === w.pmid));
    } catch (err) {
      // A transient failure retries every job anyway; any other may be one PMID's fault, so each
      // PMID is asked for on its own and only its own papers share its fate.
      if (pmids.length === 1 || err instanceof TransientError) for (const w of batch) w.reject(err);
      else
        for (const pmid of pmids)
          await settleAlone(
            pmid,
            batch.filter((w) => w.pmid === pmid),
          );
    }
  };

  const settleAlone = async (pmid: string, mine: Waiting[]) => {
    try {
      const { records } = await fetch([pmid]);
      for (const w of mine) w.resolve(records.find((r) => r.pmid === pmid));
    } catch (err) {
      for (const w of mine) w.reject(err);
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
