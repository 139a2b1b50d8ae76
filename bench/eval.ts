/**
 * `npm run eval`: how close are LaySum's drafts to something a reviewer can
 * approve? Summarizes real Cochrane review abstracts with the configured
 * summarizer (the LLM when one is configured, else the extractive provider)
 * and prints, beside the human-written plain language summary of the same
 * review: reading grade, quality-check warnings, invented-number warnings,
 * the credibility rating (systematic reviews should rate high), LLM calls and
 * time. Figures to compare prompts and models, never a pass/fail.
 */
import { readFileSync } from 'node:fs';
import { runChecks } from '../src/checks/run-checks.ts';
import { loadConfig } from '../src/config/env.ts';
import { PaperRecord } from '../src/domain/paper.ts';
import { createSummarizer } from '../src/runtime/summarizer.ts';
import { fleschKincaidGrade } from '../src/text/readability.ts';

const DIR = new URL('../samples/eval/', import.meta.url);
const lines = (ext: string) =>
  readFileSync(new URL(`cochrane_devaraj_test.${ext}`, DIR), 'utf8')
    .trim()
    .split('\n');

async function main(): Promise<void> {
  const config = loadConfig();
  const summarizer = createSummarizer(config);
  const [sources, targets, dois] = [lines('source'), lines('target'), lines('doi')];
  const limit = Number(process.argv[2] ?? sources.length);
  console.log(
    `Summarizer: ${summarizer.provider}${summarizer.provider === 'openai' ? ` (${config.llm.model})` : ''}; ${Math.min(limit, sources.length)} Cochrane reviews\n`,
  );
  console.log('doi                                  draft FK  human FK  warn  numbers  cred  calls  seconds');
  const totals = { draft: 0, human: 0, warn: 0, numbers: 0, cred: 0, calls: 0, seconds: 0, n: 0 };
  for (let i = 0; i < Math.min(limit, sources.length); i++) {
    const record = PaperRecord.parse({
      title: `Cochrane systematic review ${dois[i]}`,
      journal: 'Cochrane Database of Systematic Reviews',
      publicationTypes: ['Systematic Review'],
      ids: { doi: dois[i]?.toLowerCase() },
      abstract: [{ label: null, category: null, text: sources[i] ?? '' }],
    });
    const started = performance.now();
    try {
      const { summary, provenance } = await summarizer.summarize({
        record,
        reviewerNotes: null,
        previous: null,
      });
      const seconds = (performance.now() - started) / 1000;
      const checks = runChecks(summary, record);
      const lay = [summary.takeaway, summary.findings, summary.audience, ...summary.caveats].join(' ');
      const row = {
        draft: fleschKincaidGrade(lay),
        human: fleschKincaidGrade(targets[i] ?? ''),
        warn: checks.filter((c) => c.status !== 'pass').length,
        numbers: checks.find((c) => c.id === 'numbers')?.status === 'pass' ? 0 : 1,
        cred: summary.ratings.credibility.score,
        calls: provenance.llmCalls,
        seconds,
      };
      for (const k of ['draft', 'human', 'warn', 'numbers', 'cred', 'calls', 'seconds'] as const)
        totals[k] += row[k];
      totals.n++;
      console.log(
        `${(dois[i] ?? '').padEnd(36)} ${row.draft.toFixed(1).padStart(8)} ${row.human.toFixed(1).padStart(9)} ${String(row.warn).padStart(5)} ${String(row.numbers).padStart(8)} ${String(row.cred).padStart(5)} ${String(row.calls).padStart(6)} ${seconds.toFixed(2).padStart(8)}`,
      );
    } catch (err) {
      console.log(
        `${(dois[i] ?? '').padEnd(36)} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
    }
  }
  if (totals.n === 0) return;
  const mean = (k: keyof typeof totals) => (totals[k] / totals.n).toFixed(2);
  console.log(
    `\nmean over ${totals.n}: draft grade ${mean('draft')} vs human ${mean('human')}; ${mean('warn')} check warnings; ${mean('numbers')} drafts with numbers not in the source; credibility ${mean('cred')}/5; ${mean('calls')} LLM calls; ${mean('seconds')} s`,
  );
}

await main();
