/**
 * `npm run eval`: how close are LaySum's drafts to something a reviewer can
 * approve? Prints (1) each check on its labelled corpus, (2) the evidence
 * level's coverage of real PubMed records, (3) how well the reading formulas
 * separate human lay summaries from their sources, (4) drafts of real
 * Cochrane reviews beside the human plain language summary (the configured
 * summarizer: the LLM when OPENAI_* is set, else the extractive provider), and
 * (5) the simplify pass's effect (with the real model, or with a scripted
 * server whose "rewrite" is the human summary when none is configured).
 * Figures to compare prompts and models, never a pass/fail.
 */
import { readFileSync } from 'node:fs';
import { layProse } from '../src/checks/context.ts';
import { runChecks } from '../src/checks/run-checks.ts';
import { type Config, loadConfig, withOverrides } from '../src/config/env.ts';
import { PaperRecord } from '../src/domain/paper.ts';
import { LaySummary } from '../src/domain/summary.ts';
import { evidenceLevel } from '../src/evidence/ceiling.ts';
import { createLlmClient } from '../src/llm/client.ts';
import { loadPrompt } from '../src/llm/prompt.ts';
import { createSummarizer } from '../src/runtime/summarizer.ts';
import { extractiveSummary } from '../src/summarize/extractive-summarizer.ts';
import { createOpenAiSummarizer } from '../src/summarize/openai-summarizer.ts';
import { figuresOf, type Simplifier } from '../src/summarize/simplify.ts';
import { readingFigures } from '../src/text/readability.ts';
import { clip, sentences, takeSentences } from '../src/text/sentences.ts';
import { printLabelledTable } from './eval-labelled.ts';
import { printCheckTable, printEvidenceCoverage, printFormulaComparison } from './eval-measures.ts';
import { startScriptedLlm } from './scripted-llm.ts';

const DIR = new URL('../samples/eval/', import.meta.url);
const lines = (ext: string) =>
  readFileSync(new URL(`cochrane_devaraj_test.${ext}`, DIR), 'utf8')
    .trim()
    .split('\n');
const f1 = (n: number) => n.toFixed(1).padStart(6);

function cochraneRecord(doi: string, text: string): PaperRecord {
  return PaperRecord.parse({
    title: `Cochrane systematic review ${doi}`,
    journal: 'Cochrane Database of Systematic Reviews',
    publicationTypes: ['Systematic Review'],
    ids: { doi: doi.toLowerCase() },
    abstract: [{ label: null, category: null, text }],
  });
}

/** The human plain language summary poured into the draft's fields: the scripted "rewrite". */
function humanRewrite(draft: LaySummary, human: string): LaySummary {
  const list = sentences(human);
  return LaySummary.parse({
    ...draft,
    takeaway: clip(takeSentences(list.slice(0, 1), 400), 400),
    findings: clip(takeSentences(list.slice(1), 1500) || draft.findings, 1500),
  });
}

/** A mechanical rewrite that keeps every word: long sentences split at "; " and ", but ". */
function splitRewrite(draft: LaySummary): LaySummary {
  const split = (t: string) =>
    t.replace(/;\s+(\w)/g, (_, c: string) => `. ${c.toUpperCase()}`).replace(/,\s+but\s+/g, '. But ');
  return { ...draft, takeaway: split(draft.takeaway), findings: split(draft.findings) };
}

async function draftsTable(config: Config): Promise<void> {
  const summarizer = createSummarizer(withOverrides(config, { READING_TARGET_GRADE: '16' }));
  const [sources, targets, dois] = [lines('source'), lines('target'), lines('doi')];
  const limit = Math.min(Number(process.argv[2] ?? sources.length), sources.length);
  console.log(
    `\nDrafts of ${limit} Cochrane reviews by ${summarizer.provider}${summarizer.provider === 'openai' ? ` (${config.llm.model})` : ''} beside the human plain language summary:\n`,
  );
  console.log(
    'doi                                  draft FK  human FK  draft DC%  human DC%  warn  cred/ceiling  seconds',
  );
  const sums = { draft: 0, human: 0, dDc: 0, hDc: 0, warn: 0, n: 0 };
  for (let i = 0; i < limit; i++) {
    const record = cochraneRecord(dois[i] ?? '', sources[i] ?? '');
    const started = performance.now();
    try {
      const { summary, provenance } = await summarizer.summarize({
        record,
        reviewerNotes: null,
        previous: null,
      });
      const checks = runChecks(summary, record, config.site, provenance.provider);
      const [d, h] = [readingFigures(layProse(summary)), readingFigures(targets[i] ?? '')];
      const warn = checks.filter((c) => c.status !== 'pass').length;
      Object.assign(sums, {
        draft: sums.draft + d.grade,
        human: sums.human + h.grade,
        dDc: sums.dDc + d.hardWordShare,
        hDc: sums.hDc + h.hardWordShare,
        warn: sums.warn + warn,
        n: sums.n + 1,
      });
      console.log(
        `${(dois[i] ?? '').padEnd(36)} ${f1(d.grade)}    ${f1(h.grade)}     ${f1(100 * d.hardWordShare)}     ${f1(100 * h.hardWordShare)} ${String(warn).padStart(5)}  ${`${summary.ratings.credibility.score}/${evidenceLevel(record).ceiling}`.padStart(12)} ${((performance.now() - started) / 1000).toFixed(2).padStart(8)}`,
      );
    } catch (err) {
      console.log(
        `${(dois[i] ?? '').padEnd(36)} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
    }
  }
  if (sums.n)
    console.log(
      `\nmean over ${sums.n}: draft grade ${(sums.draft / sums.n).toFixed(2)} vs human ${(sums.human / sums.n).toFixed(2)}; unfamiliar words ${((100 * sums.dDc) / sums.n).toFixed(1)}% vs ${((100 * sums.hDc) / sums.n).toFixed(1)}%; ${(sums.warn / sums.n).toFixed(2)} check warnings per draft`,
    );
}

async function simplifyEffect(config: Config, rewrite: 'human' | 'split'): Promise<void> {
  const real = config.llm.provider === 'openai';
  const scripted = real ? null : await startScriptedLlm();
  const llm = scripted
    ? withOverrides(config, {
        LLM_PROVIDER: 'openai',
        OPENAI_BASE_URL: scripted.baseURL,
        LLM_MAX_REPAIRS: '0',
      }).llm
    : config.llm;
  const summarizer = createOpenAiSummarizer(createLlmClient(llm), llm, loadPrompt('summarize'), 1000, {
    site: config.site,
    simplifyPrompt: loadPrompt('simplify'),
  });
  const simplify = summarizer.simplify as Simplifier;
  const [sources, targets, dois] = [lines('source'), lines('target'), lines('doi')];
  const target = config.site.readingTargetGrade;
  console.log(
    `\nSimplify pass (target grade ${target}) on the extractive drafts of the same reviews, ${real ? `by ${config.llm.model}` : `by a scripted server whose rewrite is ${rewrite === 'human' ? 'the human summary' : 'the draft with long sentences split at "; " and ", but "'} (the pass and its guard, not a model)`}:\n`,
  );
  const reasons = new Map<string, number>();
  let [before, after, kept, n] = [0, 0, 0, 0];
  for (let i = 0; i < Math.min(Number(process.argv[2] ?? sources.length), sources.length); i++) {
    const record = cochraneRecord(dois[i] ?? '', sources[i] ?? '');
    const draft = extractiveSummary(record);
    if (figuresOf(draft).grade <= target) continue;
    scripted?.push(rewrite === 'human' ? humanRewrite(draft, targets[i] ?? '') : splitRewrite(draft));
    try {
      const out = await simplify({ summary: draft, record, targetGrade: target });
      n++;
      before += out.pass.beforeFigures.grade;
      after += figuresOf(out.summary).grade;
      if (out.pass.kept === 'rewrite') kept++;
      const why = out.pass.reason
        .replace(/\(.*?\)/g, '(…)')
        .replace(/grade [\d.]+/g, 'grade N')
        .replace(/\d+(\.\d+)?/g, 'N');
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
    } catch (err) {
      console.log(`${dois[i]} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }
  await scripted?.close();
  if (!n) return;
  console.log(
    `${n} drafts above the target: mean grade ${(before / n).toFixed(2)} before, ${(after / n).toFixed(2)} after; rewrite kept for ${kept}, original kept for ${n - kept}`,
  );
  for (const [why, count] of reasons) console.log(`  ${count} × ${why}`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  printCheckTable();
  printLabelledTable({ tuningOnly: false });
  printEvidenceCoverage();
  printFormulaComparison();
  await draftsTable(config);
  await simplifyEffect(config, 'human');
  if (config.llm.provider !== 'openai') await simplifyEffect(config, 'split');
}

await main();
