/**
 * A provider's prompt cache as OpenAI documents it, for the bench's and the
 * tests' fake servers: a request's prompt is the response schema (or tools)
 * followed by its messages; the longest prefix of at least 1,024 tokens, in
 * steps of 128, that an earlier request within the cache's lifetime also
 * began with is cached. Tokens are counted as 4 characters, as the fakes
 * count them. This is the best case: a real provider routes requests by
 * their first tokens and can miss under load, so real hit rates are lower.
 */
import { createHash } from 'node:crypto';

export const MIN_CACHED_TOKENS = 1024;
export const CACHE_STEP_TOKENS = 128;
const CHARS_PER_TOKEN = 4;
/** OpenAI keeps a prefix 5-10 minutes after its last use; the shorter. */
const LIFETIME_MS = 5 * 60_000;

interface ChatBody {
  messages?: unknown;
  response_format?: unknown;
  tools?: unknown;
}

/** The prompt as the provider lays it out: the schema (or tools) first, then each message in order. */
export function promptText(body: ChatBody): string {
  const schema = JSON.stringify(body.tools ?? body.response_format ?? null);
  const messages = Array.isArray(body.messages) ? body.messages : [];
  return [schema, ...messages.map((m) => JSON.stringify(m))].join('\n');
}

export interface PromptCache {
  /** The prompt's tokens and how many of them came from the cache; remembers its prefixes. */
  lookup(body: ChatBody, now?: number): { promptTokens: number; cachedTokens: number };
}

export function createPromptCache(): PromptCache {
  const seen = new Map<string, number>();
  const hash = (text: string) => createHash('sha1').update(text).digest('base64');
  return {
    lookup(body, now = Date.now()) {
      const text = promptText(body);
      const promptTokens = Math.ceil(text.length / CHARS_PER_TOKEN);
      let cachedTokens = 0;
      let unbroken = true;
      for (let tokens = MIN_CACHED_TOKENS; tokens <= promptTokens; tokens += CACHE_STEP_TOKENS) {
        const key = hash(text.slice(0, tokens * CHARS_PER_TOKEN));
        const at = seen.get(key);
        unbroken &&= at !== undefined && now - at <= LIFETIME_MS;
        if (unbroken) cachedTokens = tokens;
        seen.set(key, now);
      }
      return { promptTokens, cachedTokens };
    },
  };
}
