/** A poll's outcome in one line, for `laysum watch list` and the desk's watches page. */
import type { PollReport } from '../domain/watch.ts';

export function formatReport(r: PollReport | null): string {
  if (!r) return 'never polled';
  const when = r.at.replace('T', ' ').slice(0, 16);
  return r.ok
    ? `${when}: found ${r.found}, ${r.queued} new, ${r.duplicates} already known, ${r.skipped} skipped${r.deferred ? `, ${r.deferred} left for the next poll (at most WATCH_MAX_NEW_PER_POLL new per poll)` : ''}`
    : `${when}: ERROR ${r.error?.split('\n')[0]}`;
}
