/**
 * What an LLM call cost: tokens times the configured price of its model (USD
 * per million tokens; cached prompt tokens at their own price when given).
 * A model without a price costs 0 and is said to be unpriced.
 */
import type { Usage } from './draft.ts';

export interface Price {
  input: number;
  output: number;
  cachedInput?: number | undefined;
}

/** The price of a model: its exact name, else the longest configured name it starts with ("gpt-4o-mini-2024-07-18"). */
export function priceOf(prices: Readonly<Record<string, Price>>, model: string): Price | undefined {
  const exact = prices[model];
  if (exact) return exact;
  const prefix = Object.keys(prices)
    .filter((name) => model.startsWith(name))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : prices[prefix];
}

export function costOf(prices: Readonly<Record<string, Price>>, model: string, usage: Usage): number {
  const price = priceOf(prices, model);
  if (!price) return 0;
  const cached = Math.min(usage.cachedTokens, usage.promptTokens);
  const cost =
    (usage.promptTokens - cached) * price.input +
    cached * (price.cachedInput ?? price.input) +
    usage.completionTokens * price.output;
  return cost / 1e6;
}

/** A cost as a person reads it: four decimals below a dollar. */
export const usd = (n: number): string => `$${n < 1 ? n.toFixed(4) : n.toFixed(2)}`;

/** "12,400 of 100,000 tokens (12%)": today's use against a budget, or the use alone. */
export function againstBudget(used: number, budget: number | null, unit: (n: number) => string): string {
  if (budget === null) return `${unit(used)} (no daily budget)`;
  return `${unit(used)} of ${unit(budget)} (${Math.round((used / budget) * 100)}%)`;
}

/** "12,400 tokens, 9,216 (74%) cached by the provider": prompt tokens and the share the provider's prefix cache served. */
export function promptCaching(f: { prompt_tokens: number; cached_tokens: number }): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const share = f.prompt_tokens ? Math.round((f.cached_tokens / f.prompt_tokens) * 100) : 0;
  return `${n(f.prompt_tokens)} tokens, ${n(f.cached_tokens)} (${share}%) cached by the provider`;
}

/** "auto (sized from the limits and the LLM's latency)" or "4 a worker" (SUMMARIZE_CONCURRENCY). */
export function describeSummarizeConcurrency(setting: number | 'auto'): string {
  return setting === 'auto' ? "auto (sized from the limits and the LLM's latency)" : `${setting} a worker`;
}
