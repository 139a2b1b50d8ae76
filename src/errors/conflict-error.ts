import { LaySumError } from './laysum-error.ts';

/** An edit based on a draft version that is no longer the latest. */
export class ConflictError extends LaySumError {
  readonly latest: number;
  constructor(paperId: string, basedOn: number, latest: number) {
    super(
      `Paper ${paperId} has changed: your edit is based on version ${basedOn}, the latest is ${latest}.`,
      {
        hint: 'Reload the draft, re-apply your edit to the latest version, and save again.',
      },
    );
    this.latest = latest;
  }
}
