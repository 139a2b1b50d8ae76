/**
 * The provider of the rate-limit scenario (./rate-limits.ts): a local
 * OpenAI-protocol server with 800 ms latency and a requests/minute limit,
 * answering 429 + retry-after beyond it, with a prompt cache as OpenAI
 * documents it (./prompt-cache.ts: `cached_tokens` in each reply's usage).
 *
 * How it writes, honestly: the bench has no model, so it cannot show what
 * prompt summarize-v4 makes a model write. Its first draft of each review
 * is the human plain language summary of the same review (Cochrane's own,
 * written by people to a plain-language brief; ../shared/realdata/laysumm),
 * as the takeaway (first sentence) and findings (up to 1,500 characters at a
 * sentence end), with plain fixed text for the other fields. Whether that
 * lands at READING_TARGET_GRADE is decided by LaySum's own reading figures,
 * as for any reply, never by the server reading the prompt. Asked for a
 * rewrite, it answers a plain summary. So the rewrite rate here is that of
 * human writers given a plain-language brief, not that of a model given v3.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPromptCache } from './prompt-cache.ts';

export const WINDOW_MS = 60_000;
export const LATENCY_MS = 800;

/** A plain summary: the fields the first draft does not take from the human summary, and the rewrite. */
export const PLAIN = {
  headline: 'Teaching children about asthma cuts emergency visits',
  takeaway: 'Children with asthma who were taught how to manage it went to the emergency room less often.',
  findings:
    'Across the studies, children who had asthma education were less likely to need emergency care or a hospital stay than those who did not.',
  audience: 'Parents of children with asthma, and the nurses and doctors who care for them.',
  caveats: ['The studies differed in how they taught children, so the best way to teach is not known.'],
  topics: ['asthma', 'children', 'education'],
  ratings: {
    credibility: { score: 4, rationale: 'A systematic review of randomised trials.' },
    interest: { score: 4, rationale: 'Asthma is common in children and emergency visits are costly.' },
  },
};

/** What the simplify follow-up (prompts/simplify.md) asks; anything else is a first draft. */
const REWRITE_REQUEST = 'Rewrite it so that a reader at grade';
/** The bench submits paper i as "Cochrane review abstract i": which human summary to draft from. */
const TITLE = /Title: Cochrane review abstract (\d+)\\n/;

/** The human summary as a first draft in the schema's fields. */
export function draftFrom(human: string): typeof PLAIN {
  const sentences = human.match(/[^.!?]+[.!?]+(\s|$)/g)?.map((s) => s.trim()) ?? [human];
  // The schema wants 20-400 characters: sentences until there are 20.
  let takeaway = '';
  let used = 0;
  while (takeaway.length < 20 && used < sentences.length)
    takeaway = `${takeaway} ${sentences[used++]}`.trim();
  takeaway = takeaway.length >= 20 ? takeaway.slice(0, 400) : PLAIN.takeaway;
  let findings = '';
  for (const s of sentences.slice(used)) {
    if (`${findings} ${s}`.length > 1500) break;
    findings = findings ? `${findings} ${s}` : s;
  }
  return { ...PLAIN, takeaway, findings: findings.length >= 50 ? findings : PLAIN.findings };
}

export interface LimitedLlm {
  baseURL: string;
  starts: number[];
  overLimit: number;
  /** Prompt tokens of the requests answered (schema and messages, 4 characters a token), and those cached. */
  promptTokens: number;
  cachedTokens: number;
  close(): Promise<void>;
}

export async function startLimitedLlm(rpm: number, humanSummaries: readonly string[]): Promise<LimitedLlm> {
  const state: LimitedLlm = {
    baseURL: '',
    starts: [],
    overLimit: 0,
    promptTokens: 0,
    cachedTokens: 0,
    close: async () => {},
  };
  const window: number[] = [];
  const cache = createPromptCache();
  const plain = JSON.stringify(PLAIN);
  const drafts = humanSummaries.map((h) => JSON.stringify(draftFrom(h)));
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      const now = Date.now();
      while (window.length && (window[0] ?? now) <= now - WINDOW_MS) window.shift();
      if (window.length >= rpm) {
        state.overLimit++;
        const retry = Math.max(1, Math.ceil(((window[0] ?? now) + WINDOW_MS - now) / 1000));
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retry) });
        res.end(JSON.stringify({ error: { message: 'Rate limit reached for requests', type: 'requests' } }));
        return;
      }
      window.push(now);
      state.starts.push(now);
      const request = JSON.parse(body) as { model: string; messages: unknown; response_format?: unknown };
      const paper = Number(TITLE.exec(body)?.[1] ?? 0) - 1;
      const content = body.includes(REWRITE_REQUEST) ? plain : (drafts[paper] ?? plain);
      const { promptTokens, cachedTokens } = cache.lookup(request, now);
      state.promptTokens += promptTokens;
      state.cachedTokens += cachedTokens;
      const completion = Math.ceil(content.length / 4);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-bench',
            object: 'chat.completion',
            created: Math.floor(now / 1000),
            model: request.model,
            choices: [
              { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' },
            ],
            usage: {
              prompt_tokens: promptTokens,
              completion_tokens: completion,
              total_tokens: promptTokens + completion,
              prompt_tokens_details: { cached_tokens: cachedTokens },
            },
          }),
        );
      }, LATENCY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
