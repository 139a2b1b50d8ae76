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
