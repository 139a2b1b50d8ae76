/**
 * Several PMIDs in one E-utilities request: lookups that arrive within a
 * short window (concurrent ingest jobs, a batch file being worked through)
 * are sent as one `efetch` of up to 200 ids, so a worker spends NCBI's small
 * rate limit on records, not on round trips.
 */
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
    try {
      const { records } = await fetch([...new Set(batch.map((w) => w.pmid))]);
      for (const w of batch) w.resolve(records.find((r) => r.pmid === w.pmid));
    } catch (err) {
      for (const w of batch) w.reject(err);
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
