/** Configuration is validated once with messages naming the variable; prompts check their placeholders. */

import { readFileSync } from 'node:fs';
import { parseEnv as parseDotEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EnvSchema, parseEnv, withOverrides } from '../../src/config/env.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { loadPrompt, parsePrompt, renderPrompt } from '../../src/llm/prompt.ts';
import { parsePastedText } from '../../src/sources/text.ts';

describe('config', () => {
  it('defaults to the offline provider and the local Redis', () => {
    const c = parseEnv({});
    expect(c.llm.provider).toBe('extractive');
    expect(c.redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      cluster: null,
      prefix: 'laysum',
      allowEviction: false,
      policyCheckMs: 10_000,
    });
    expect(c.fetch.allowPrivate).toEqual({ hosts: [], ranges: [] });
  });

  it('picks the OpenAI-compatible provider when a base URL or key is set', () => {
    expect(parseEnv({ OPENAI_BASE_URL: 'http://localhost:11434/v1' }).llm.provider).toBe('openai');
    expect(parseEnv({ OPENAI_API_KEY: 'sk-x' }).llm.provider).toBe('openai');
  });

  it('names every bad variable, without echoing secrets', () => {
    try {
      parseEnv({
        REDIS_URL: 'localhost',
        LLM_ATTEMPTS: '0',
        NCBI_API_KEY: '',
        CONTACT_EMAIL: 'nope',
        LLM_PROVIDER: 'claude',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['REDIS_URL', 'LLM_ATTEMPTS', 'CONTACT_EMAIL', 'LLM_PROVIDER'])
        expect(problems).toContain(name);
      expect((err as ConfigError).hint).toMatch(/\.env\.example/);
    }
  });

  it('takes an optional reply cap for local servers', () => {
    expect(parseEnv({ LLM_MAX_TOKENS: '' }).llm.maxTokens).toBeUndefined();
    expect(parseEnv({ LLM_MAX_TOKENS: '2000' }).llm.maxTokens).toBe(2000);
    expect(() => parseEnv({ LLM_MAX_TOKENS: 'lots' })).toThrow(/LLM_MAX_TOKENS: must be a whole number/);
  });

  it('refuses LLM_PROVIDER=openai with neither key nor URL', () => {
    expect(() => parseEnv({ LLM_PROVIDER: 'openai' })).toThrow(
      /LLM_PROVIDER: openai needs OPENAI_API_KEY.*OPENAI_BASE_URL/,
    );
  });

  it('round-trips through withOverrides, changing only what was overridden', () => {
    const c = parseEnv({
      OPENAI_BASE_URL: 'http://localhost:11434/v1/',
      LLM_MAX_TOKENS: '2000',
      AUTO_PUBLISH: 'yes',
      PUBLIC_BASE_URL: 'https://laysum.example.org/',
      HTTP_ATTEMPTS: '7',
    });
    expect(withOverrides(c, {})).toEqual(c);
    const moved = withOverrides(c, { REDIS_URL: 'redis://10.0.0.5:6380', LLM_MAX_TOKENS: '' });
    expect(moved).toEqual({
      ...c,
      redis: { ...c.redis, url: 'redis://10.0.0.5:6380' },
      llm: { ...c.llm, maxTokens: undefined },
      env: { ...c.env, REDIS_URL: 'redis://10.0.0.5:6380', LLM_MAX_TOKENS: undefined },
    });
    expect(() => withOverrides(c, { PORT: 'eighty' })).toThrow(/PORT: /);
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the config schema reads', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(EnvSchema.shape).sort());
    // And the file as written is a valid configuration.
    expect(() => parseEnv(parseDotEnv(example))).not.toThrow();
  });
});

describe('prompt files', () => {
  it('loads the summarize prompt with its version and renders every input', () => {
    const prompt = loadPrompt('summarize');
    expect(prompt.version).toBe('summarize-v4');
    const values = Object.fromEntries(prompt.inputs.map((i) => [i, `<<${i}>>`]));
    const { system, user } = renderPrompt(prompt, values);
    expect(system).toMatch(/plain-language/);
    for (const i of prompt.inputs) expect(`${system}\n${user}`).toContain(`<<${i}>>`);
    expect(() => renderPrompt(prompt, { title: 'x' })).toThrow(/needs values for/);
  });

  it('refuses a prompt whose placeholders and declared inputs disagree', () => {
    const text =
      '---\nname: t\nversion: 1\ninputs: a, b\n---\n<!-- system -->\nS {{a}}\n<!-- user -->\nU {{c}}\n';
    expect(() => parsePrompt(text, 't.md')).toThrow(/undeclared: c; unused: b/);
  });

  it('loads a follow-up prompt (the simplify pass) with only its user part, and refuses one with a system part', () => {
    const simplify = loadPrompt('simplify');
    expect(simplify).toMatchObject({ version: 'simplify-v2', follows: 'summarize', system: '' });
    const head = '---\nname: t\nversion: 1\ninputs: a\n';
    expect(() => parsePrompt(`${head}---\n<!-- user -->\nU {{a}}\n`, 't.md')).toThrow(/system\/user parts/);
    expect(() =>
      parsePrompt(`${head}follows: s\n---\n<!-- system -->\nS\n<!-- user -->\nU {{a}}\n`, 't.md'),
    ).toThrow(/follows s, so it has only a user part/);
  });
});

describe('pasted text', () => {
  it('takes the title from the first line and keeps section labels', () => {
    const { title, sections } = parsePastedText({
      text: `A title\n\nBACKGROUND: ${'b'.repeat(120)}\nRESULTS: ${'r'.repeat(120)}`,
      maxBytes: 10_000,
    });
    expect(title).toBe('A title');
    expect(sections.map((s) => s.label)).toEqual(['BACKGROUND', 'RESULTS']);
  });

  it('asks for a title when there is none, and for the whole abstract when it is too short', () => {
    expect(() => parsePastedText({ text: 'x'.repeat(300), maxBytes: 10_000 })).toThrow(/no title/);
    expect(() => parsePastedText({ text: 'Title\n\nToo short.', maxBytes: 10_000 })).toThrow(
      /too short to summarize/,
    );
  });
});
