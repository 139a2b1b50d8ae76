/**
 * The two finish reasons that end a reply without a usable answer, as errors
 * of LaySum's own: the SDK's classes for them live in its internal
 * `openai/core/error` module, which is not part of its public API.
 */

/** The reply stopped at the token budget (`finish_reason: "length"`) before the JSON was complete. */
export class ReplyCutOffError extends Error {
  override readonly name = 'ReplyCutOffError';
  constructor() {
    super('The reply was cut off at the token budget (finish_reason "length").');
  }
}

/** The provider's content filter stopped the reply (`finish_reason: "content_filter"`). */
export class ContentFilteredError extends Error {
  override readonly name = 'ContentFilteredError';
  constructor() {
    super('The provider\'s content filter stopped the reply (finish_reason "content_filter").');
  }
}
