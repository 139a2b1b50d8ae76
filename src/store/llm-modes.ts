/**
 * Which output mode each LLM server and model answers in, when it is not the
 * first one tried: a server that refuses `response_format: json_schema` (older
 * llama.cpp builds, some hosts) is asked in json_object, then as a tool call,
 * and what worked is kept here, in one hash the whole fleet reads, so only the
 * first paper pays for finding out. An entry is forgotten after
 * RELEARN_AFTER_MS (the server may have been upgraded since). Shown by
 * `laysum status` and /metrics; LLM_OUTPUT_MODE set to a mode bypasses it.
 */
import { createHash } from 'node:crypto';
import { OUTPUT_MODES, type OutputMode } from '../config/env-schema.ts';
import { keys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

/** A week: then the server is asked in the strictest mode again. */
export const RELEARN_AFTER_MS = 7 * 86_400_000;

export interface LearnedMode {
  /** The server's base URL, credentials removed ('api.openai.com' for OpenAI). */
  server: string;
  model: string;
  mode: OutputMode;
  /** The modes the server refused before `mode` worked. */
  refused: OutputMode[];
  /** When it was learned, ISO. */
  since: string;
}

/** Told once per server, model and mode, by the first worker that learns it. */
export type OnLearned = (entry: LearnedMode, message: string) => void;

const field = (server: string, model: string) => JSON.stringify([server, model]);
const isMode = (v: unknown): v is OutputMode => OUTPUT_MODES.includes(v as OutputMode);

function parseEntry(raw: string | null | undefined, now = Date.now()): LearnedMode | null {
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as Partial<LearnedMode>;
    const fresh = now - Date.parse(entry.since ?? '') < RELEARN_AFTER_MS;
    if (!fresh || !isMode(entry.mode) || typeof entry.server !== 'string' || typeof entry.model !== 'string')
      return null;
    return {
      server: entry.server,
      model: entry.model,
      mode: entry.mode,
      refused: (entry.refused ?? []).filter(isMode),
      since: entry.since ?? '',
    };
  } catch {
    return null; // an entry from another version: learn again
  }
}

export function describeLearnedMode(m: LearnedMode): string {
  return `${m.server} ${m.model}: ${m.mode} (it refused ${m.refused.join(', ') || 'nothing'}; learned ${m.since.slice(0, 19).replace('T', ' ')} UTC)`;
}

export function createModeMemory(redis: RedisClient, prefix: string, onLearned?: OnLearned) {
  const k = keys(prefix);
  return {
    async outputMode(server: string, model: string): Promise<OutputMode | null> {
      return parseEntry(await redis.hget(k.llm('output-modes'), field(server, model)))?.mode ?? null;
    },
    async learnOutputMode(
      server: string,
      model: string,
      mode: OutputMode,
      refused: readonly OutputMode[],
    ): Promise<void> {
      const entry: LearnedMode = {
        server,
        model,
        mode,
        refused: [...refused],
        since: new Date().toISOString(),
      };
      await redis.hset(k.llm('output-modes'), field(server, model), JSON.stringify(entry));
      const id = createHash('sha256').update(field(server, model)).digest('hex').slice(0, 16);
      const first = await redis.set(
        k.llm(`output-mode-told:${id}:${mode}`),
        '1',
        'PX',
        RELEARN_AFTER_MS,
        'NX',
      );
      if (first === 'OK')
        onLearned?.(
          entry,
          `The LLM server at ${server} refused ${refused.join(' and ')} for ${model}: LaySum now asks it in ${mode} mode (every worker; set LLM_OUTPUT_MODE to choose a mode yourself).`,
        );
    },
  };
}

/** Every server and model with a learned output mode, for `laysum status` and /metrics. */
export async function learnedModes(redis: RedisClient, prefix: string): Promise<LearnedMode[]> {
  const all = await redis.hgetall(keys(prefix).llm('output-modes'));
  return Object.values(all)
    .map((raw) => parseEntry(raw))
    .filter((m): m is LearnedMode => m !== null)
    .sort((a, b) => `${a.server} ${a.model}`.localeCompare(`${b.server} ${b.model}`));
}
