import { ConflictError } from './conflict-error.ts';

/** Publishing a version nobody approved: only the approved version can go live. */
export class NotApprovedError extends ConflictError {
  readonly approved: number | null;
  constructor(paperId: string, version: number, approved: number) {
    super(
      paperId,
      version,
      approved,
      approved
        ? `Paper ${paperId}: version ${version} is not the approved version (version ${approved} is).`
        : `Paper ${paperId}: version ${version} has not been approved.`,
    );
    this.approved = approved || null;
  }
}
