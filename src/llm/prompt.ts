/**
 * Prompt files: `prompts/<name>.md` opens with a header (name, version,
 * inputs, output), then `<!-- system -->` and `<!-- user -->` parts with
 * `{{placeholders}}`. The loader checks that the placeholders and the declared
 * inputs agree, and rendering fails on a missing value, so a prompt edit can
 * never silently drop an input.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../config/paths.ts';
import { LaySumError } from '../errors/laysum-error.ts';

export interface Prompt {
  name: string;
  version: string;
  inputs: readonly string[];
  system: string;
  user: string;
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
  const parts = /<!-- system -->\n([\s\S]*?)<!-- user -->\n([\s\S]*)$/.exec(body);
  if (!fields.version || !fields.name || !parts?.[1] || !parts[2]) {
    throw new LaySumError(`Prompt ${file} is missing its name, version, or system/user parts.`, {
      hint: 'Give the header `name:` and `version:` lines and mark the parts with <!-- system --> and <!-- user -->.',
    });
  }
  const inputs = (fields.inputs ?? '')
    .split(',')
    .map((s: string) => s.trim())
    .filter(Boolean);
  const used = new Set([...`${parts[1]}${parts[2]}`.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''));
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
    system: parts[1].trim(),
    user: parts[2].trim(),
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
