import { LaySumError } from './laysum-error.ts';

/** No paper (or user, watch...) with that id. */
export class NotFoundError extends LaySumError {
  constructor(what: string, id: string, hint?: string) {
    super(`No ${what} with id "${id}".`, {
      hint: hint ?? `Check the id; \`laysum review list\` shows known papers.`,
    });
  }
}
