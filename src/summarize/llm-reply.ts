/**
 * Reading a model's reply the way real servers and models send it, for any
 * schema: reasoning first (`<think>`, `<thinking>`, `<reasoning>` blocks,
 * dropped; a `reasoning_content` field is never read as the answer), the JSON
 * in a ```json fence or wrapped in prose ("Here is the summary: {…} Let me
 * know…"), and numbers or booleans sent as strings where the JSON Schema
 * leaves no doubt ("score": "4" for an integer). Each JSON object found is
 * tried in turn against the schema; the first that fits is the answer, and
 * when none does, the first one's problem goes back to the model to repair.
 */
import type { z } from 'zod';
import { coerceToSchema } from './llm-coerce.ts';

const REASONING = /<(think|thinking|reasoning)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** A reasoning block never closed (the reply was cut off while thinking): nothing after it is an answer. */
const OPEN_REASONING = /<(?:think|thinking|reasoning)\b[^>]*>[\s\S]*$/i;
/** A close tag with no open tag: the server put `<think>` in the prompt, the reply starts mid-thought. */
const CLOSE_ONLY = /^[\s\S]*<\/(?:think|thinking|reasoning)\s*>/i;
const FENCE = /```[a-zA-Z0-9_-]*[ \t]*\r?\n?([\s\S]*?)```/g;

/** The reply's answer without the model's visible reasoning; '' when it only thought. */
export function answerText(content: string): string {
  return content.replace(REASONING, '').replace(CLOSE_ONLY, '').replace(OPEN_REASONING, '').trim();
}

/** Balanced `{…}` runs at the top level of `text`, in order, skipping braces inside JSON strings. */
function objectRuns(text: string): string[] {
  const runs: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"' && depth > 0) inString = true;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) runs.push(text.slice(start, i + 1));
    }
  }
  return runs;
}

/** The texts that may be the JSON answer, most likely first: the whole answer, fenced blocks, objects in prose. */
export function jsonCandidates(answer: string): string[] {
  const fenced = [...answer.matchAll(FENCE)].map((m) => (m[1] ?? '').trim());
  const found = [answer, ...fenced, ...fenced.flatMap(objectRuns), ...objectRuns(answer)];
  return [...new Set(found.filter((c) => c.length > 0))];
}

/**
 * The answer as a value of `schema`. Throws the first candidate's ZodError
 * when JSON was found but none fits the schema, a SyntaxError when there is
 * no JSON at all: both are problems a repair prompt can name.
 */
export function readAnswer<T extends z.ZodType>(answer: string, schema: T, jsonSchema: unknown): z.infer<T> {
  let mismatch: z.ZodError | null = null;
  let syntax: unknown = null;
  for (const candidate of jsonCandidates(answer)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(candidate);
    } catch (err) {
      if (candidate === answer) syntax = err;
      continue;
    }
    const result = schema.safeParse(coerceToSchema(parsed, jsonSchema));
    if (result.success) return result.data;
    mismatch ??= result.error;
  }
  throw (
    mismatch ?? syntax ?? new SyntaxError(answer ? 'no JSON object was found in it' : 'the reply was empty')
  );
}
