import { PermanentError } from './permanent-error.ts';

/** Tokens spent, as the summarizer counts them (the fields of the domain's Usage). */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  totalTokens: number;
}

/** What the model last said, kept for the person who has to work out why it failed. */
export interface ModelReply {
  /** The reply's text as it came (the refusal for a refusal); null when there was no reply. */
  rawReply: string | null;
  /** Tokens spent on this paper's calls so far; null when none were counted. */
  usage: TokenUsage | null;
  /** The last reply's finish reason ('stop', 'length', 'content_filter'...); null without a reply. */
  finishReason: string | null;
}

/**
 * The summarizer gave up for good on this paper (refusal, invalid output after
 * repairs, content filter, auth or bad request). Retrying cannot fix it: the
 * paper is marked failed with this message, and its failure record keeps the
 * model's reply, usage and finish reason.
 */
export class SummaryFailedError extends PermanentError implements ModelReply {
  readonly rawReply: string | null;
  readonly usage: TokenUsage | null;
  readonly finishReason: string | null;
  constructor(message: string, options: { hint?: string; cause?: unknown } & ModelReply) {
    super(message, options);
    this.rawReply = options.rawReply;
    this.usage = options.usage;
    this.finishReason = options.finishReason;
  }
}
