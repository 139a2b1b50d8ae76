/**
 * The base of LaySum's errors. Every error says what was wrong and what to do;
 * `hint` is the "what to do" part, shown on its own line by the CLI and HTTP API.
 */
export class LaySumError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }

  /** Message and hint, as a person should read them. */
  describe(): string {
    return this.hint ? `${this.message}\n  ${this.hint}` : this.message;
  }
}
