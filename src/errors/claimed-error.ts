import { LaySumError } from './laysum-error.ts';

/** Another reviewer holds the claim on a paper: say who and since when, and how to take it over. */
export class ClaimedError extends LaySumError {
  readonly by: string;
  readonly since: string;
  constructor(paperId: string, by: string, since: string, hint?: string) {
    super(`Paper ${paperId} is claimed by ${by} since ${since.replace('T', ' ').slice(0, 16)} UTC.`, {
      hint:
        hint ??
        'Leave it to them, wait for the claim to lapse, or take it over (the desk\'s "Take over" button, or `{"takeOver": true}` on POST /api/drafts/ID/claim).',
    });
    this.by = by;
    this.since = since;
  }
}
