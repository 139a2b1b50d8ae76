import { LaySumError } from './laysum-error.ts';

/**
 * A decision or edit based on something that changed meanwhile: a draft
 * version that is no longer the latest, or a publication someone else changed.
 * Never a silent overwrite: the person reloads and decides again.
 */
export class ConflictError extends LaySumError {
  readonly latest: number;
  constructor(paperId: string, basedOn: number, latest: number, detail?: string) {
    super(
      detail ??
        `Paper ${paperId} has changed: you worked from version ${basedOn}, and the latest is version ${latest}.`,
      { hint: 'Reload the paper, read the latest version, and decide or edit again.' },
    );
    this.latest = latest;
  }
}
