/**
 * Reading replies for any schema: the JSON found where models put it, and
 * strings coerced only where the JSON Schema leaves no doubt.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coerceToSchema } from '../../src/summarize/llm-coerce.ts';
import { answerText, readAnswer } from '../../src/summarize/llm-reply.ts';

describe('answerText', () => {
  it('drops reasoning blocks, a reply that starts after an unopened close tag, and an unclosed block', () => {
    expect(answerText('<think>a {b}</think>\n{"x":1}')).toBe('{"x":1}');
    expect(answerText('<THINKING>\nplan\n</THINKING>{"x":1}')).toBe('{"x":1}');
    expect(answerText('mid-thought</think>{"x":1}')).toBe('{"x":1}');
    expect(answerText('<think>still thinking when cut off')).toBe('');
  });
});

describe('readAnswer', () => {
  const Schema = z.object({
    id: z.number().int(),
    ok: z.boolean(),
    note: z.string(),
    when: z.number().nullable(),
  });
  const jsonSchema = z.toJSONSchema(Schema);

  it('finds the object that fits among several in prose and fences', () => {
    const text =
      'First a sketch {"id": "draft"}, then:\n```json\n{"id": "7", "ok": "true", "note": "12", "when": null}\n```';
    expect(readAnswer(text, Schema, jsonSchema)).toEqual({ id: 7, ok: true, note: '12', when: null });
  });

  it('names the schema problem when JSON was found but does not fit, a syntax problem when none was', () => {
    expect(() =>
      readAnswer('Sure! {"id": 1.5, "ok": true, "note": "n", "when": 2}', Schema, jsonSchema),
    ).toThrow(z.ZodError);
    expect(() => readAnswer('No JSON here.', Schema, jsonSchema)).toThrow(SyntaxError);
    expect(() => readAnswer('', Schema, jsonSchema)).toThrow(/empty/);
  });
});

describe('coerceToSchema', () => {
  it('turns strings into numbers, booleans and null only where no string is allowed, through refs and unions', () => {
    const schema = {
      type: 'object',
      properties: {
        n: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
        either: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
        list: { type: 'array', items: { $ref: '#/$defs/score' } },
        nested: { anyOf: [{ type: 'object', properties: { b: { type: 'boolean' } } }, { type: 'null' }] },
      },
      $defs: { score: { type: 'number' } },
    };
    expect(
      coerceToSchema({ n: '3', either: '3', list: ['1.5', 'x'], nested: { b: 'FALSE' }, extra: '1' }, schema),
    ).toEqual({ n: 3, either: '3', list: [1.5, 'x'], nested: { b: false }, extra: '1' });
    expect(coerceToSchema({ n: '3.5' }, schema)).toEqual({ n: '3.5' }); // not an integer: left for zod to refuse
  });
});
