/**
 * The structured-output format for a zod schema, ready for any
 * OpenAI-compatible server. OpenAI's strict mode accepts only a subset of JSON
 * Schema: string length limits (`minLength`/`maxLength`) are not in it, so
 * they move into the field descriptions, where the model still reads them.
 * Our side validates the reply against the full zod schema either way.
 */
import { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';

type JsonNode = { [key: string]: unknown };

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null;
}

/** Remove string length limits in place, noting them in the description. */
export function moveLengthLimitsToDescriptions(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) moveLengthLimitsToDescriptions(item);
    return;
  }
  if (!isNode(node)) return;
  const { minLength, maxLength } = node;
  if (typeof minLength === 'number' || typeof maxLength === 'number') {
    const range = `${typeof minLength === 'number' ? minLength : 0}-${typeof maxLength === 'number' ? maxLength : '∞'} characters`;
    node.description = typeof node.description === 'string' ? `${node.description} (${range})` : `${range}`;
    delete node.minLength;
    delete node.maxLength;
  }
  for (const value of Object.values(node)) moveLengthLimitsToDescriptions(value);
}

export function strictResponseFormat<T extends z.ZodType>(schema: T, name: string) {
  const format = zodResponseFormat(schema, name);
  // Mutated in place: the object carries the SDK's non-enumerable parser.
  moveLengthLimitsToDescriptions(format.json_schema.schema);
  return format;
}
