/**
 * Prompt files: `prompts/<name>.md` opens with a header (name, version,
 * inputs, output), then `<!-- system -->` and `<!-- user -->` parts with
 * `{{placeholders}}`. The loader checks that the placeholders and the declared
 * inputs agree, and rendering fails on a missing value, so a prompt edit can
 * never silently drop an input. A follow-up prompt (`follows: <name>` in the
 * header) has only a user part: it is asked after the named prompt's
 * messages and answer, so the provider's cached prefix of that conversation
 * is reused.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../config/paths.ts';
import { LaySumError } from '../errors/laysum-error.ts';

export interface Prompt {
  name: string;
  version: string;
  inputs: readonly string[];
  /** '' for a follow-up prompt: the conversation it follows has the system message. */
  system: string;
  user: string;
  /** The prompt whose conversation this one continues (`follows:` in the header). */
  follows?: string;
}

export const PROMPTS_DIR = `${projectPath('prompts')}/`;

export function parsePrompt(text: string, file: string): Prompt {
  const header = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!header?.[1])
    throw new LaySumError(`Prompt ${file} has no header.`, {
      hint: 'Start the file with a --- header naming its version and inputs.',
    });
  const fields = Object.fromEntries(
    header[1].split('\n').map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
  const body = text.slice(header[0].length);
  const parts = /^\s*(?:<!-- system -->\n([\s\S]*?))?<!-- user -->\n([\s\S]*)$/.exec(body);
  const follows = fields.follows || undefined;
  if (parts?.[1] && follows) {
    throw new LaySumError(`Prompt ${file} follows ${follows}, so it has only a user part.`, {
      hint: `Remove its <!-- system --> part: the conversation it follows (prompts/${follows}.md) has the system message.`,
    });
  }
  if (!fields.version || !fields.name || !parts?.[2] || (!parts[1] && !follows)) {
    throw new LaySumError(`Prompt ${file} is missing its name, version, or system/user parts.`, {
      hint: 'Give the header `name:` and `version:` lines and mark the parts with <!-- system --> and <!-- user --> (a prompt with `follows:` has only the user part).',
    });
  }
  const inputs = (fields.inputs ?? '')
    .split(',')
    .map((s: string) => s.trim())
    .filter(Boolean);
  const system = parts[1] ?? '';
  const used = new Set([...`${system}${parts[2]}`.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''));
  const undeclared = [...used].filter((u) => !inputs.includes(u));
  const unused = inputs.filter((i: string) => !used.has(i));
  if (undeclared.length || unused.length) {
    throw new LaySumError(
      `Prompt ${file}: placeholders and declared inputs disagree (undeclared: ${undeclared.join(', ') || 'none'}; unused: ${unused.join(', ') || 'none'}).`,
      {
        hint: 'Make the `inputs:` header list exactly the {{placeholders}} the prompt uses.',
      },
    );
  }
  return {
    name: fields.name,
    version: fields.version,
    inputs,
    system: system.trim(),
    user: parts[2].trim(),
    ...(follows ? { follows } : {}),
  };
}

export function loadPrompt(name: string, dir = PROMPTS_DIR): Prompt {
  const file = `${dir}${name}.md`;
  return parsePrompt(readFileSync(file, 'utf8'), file);
}

export function renderPrompt(
  prompt: Prompt,
  values: Record<string, string>,
): { system: string; user: string } {
  const missing = prompt.inputs.filter((i) => values[i] === undefined);
  if (missing.length) {
    throw new LaySumError(`Prompt ${prompt.name} needs values for: ${missing.join(', ')}.`);
  }
  const fill = (t: string) => t.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
  return { system: fill(prompt.system), user: fill(prompt.user) };
}
