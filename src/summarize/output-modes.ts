/**
 * How a structured reply is asked for and read back, per output mode:
 * - json_schema: `response_format` with the strict schema (OpenAI, Ollama, vLLM);
 * - json_object: `response_format: json_object`, the schema in the system prompt;
 * - tools: one function whose parameters are the schema, forced by `tool_choice`.
 * LLM_OUTPUT_MODE=auto (the default) starts with json_schema and steps down
 * this list when a server refuses a mode (./llm-call.ts); the reply is always
 * validated again with zod (servers may ignore the schema).
 */
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { OUTPUT_MODES, type OutputMode } from '../config/env-schema.ts';
import type { strictResponseFormat } from '../llm/response-format.ts';

export { OUTPUT_MODES, type OutputMode } from '../config/env-schema.ts';

/** The next mode to try after `mode` was refused; null after the last. */
export function nextMode(mode: OutputMode): OutputMode | null {
  return OUTPUT_MODES[OUTPUT_MODES.indexOf(mode) + 1] ?? null;
}

/** A question asked after an earlier call's answer, in the same conversation. */
export interface FollowUp {
  /** The earlier call's answer, as the assistant's message. */
  reply: string;
  user: string;
}

/**
 * The first messages of a call in `mode` (json_object carries the schema in
 * the system prompt). A follow-up repeats the earlier call's messages byte for
 * byte before its own, so the provider's cached prefix covers all of them.
 */
export function firstMessages(
  mode: OutputMode,
  system: string,
  user: string,
  format: Format,
  followUp?: FollowUp,
): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: mode === 'json_object' ? schemaInPrompt(system, format) : system },
    { role: 'user', content: user },
    ...(followUp
      ? [
          { role: 'assistant' as const, content: followUp.reply },
          { role: 'user' as const, content: followUp.user },
        ]
      : []),
  ];
}
type Format = ReturnType<typeof strictResponseFormat>;

export function schemaInPrompt(system: string, format: Format): string {
  return `${system}\n\nReply with only one JSON object, no other text, that matches this JSON Schema:\n${JSON.stringify(format.json_schema.schema)}`;
}

/** The request for one call in `mode`. */
export function requestFor(
  mode: OutputMode,
  model: string,
  messages: ChatCompletionMessageParam[],
  format: Format,
  maxTokens: number | undefined,
): ChatCompletionCreateParamsNonStreaming {
  const base = { model, messages, ...(maxTokens ? { max_tokens: maxTokens } : {}) };
  if (mode === 'json_schema') return { ...base, response_format: format };
  if (mode === 'json_object') return { ...base, response_format: { type: 'json_object' } };
  const name = format.json_schema.name;
  return {
    ...base,
    tools: [
      {
        type: 'function',
        function: {
          name,
          description: 'Give the answer as this function call.',
          parameters: format.json_schema.schema ?? {},
          strict: true,
        },
      },
    ],
    tool_choice: { type: 'function', function: { name } },
  };
}

/** The reply's JSON text in `mode` (tool arguments for tools), '' when there is none. */
export function replyText(mode: OutputMode, completion: ChatCompletion): string {
  const message = completion.choices[0]?.message;
  if (!message) return '';
  if (mode === 'tools') {
    const call = message.tool_calls?.find((c) => c.type === 'function');
    return call && call.type === 'function' ? call.function.arguments : (message.content ?? '');
  }
  return message.content ?? '';
}

/** The messages that tell the model what was wrong with its reply, in the shape `mode` needs. */
export function repairMessages(
  mode: OutputMode,
  completion: ChatCompletion,
  raw: string,
  problem: string,
): ChatCompletionMessageParam[] {
  const call = completion.choices[0]?.message.tool_calls?.[0];
  if (mode === 'tools' && call && call.type === 'function') {
    return [
      { role: 'assistant', content: null, tool_calls: [call] },
      { role: 'tool', tool_call_id: call.id, content: problem },
    ];
  }
  return [
    { role: 'assistant', content: raw || '(empty reply)' },
    { role: 'user', content: problem },
  ];
}
