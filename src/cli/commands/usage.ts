/**
 * `laysum usage`: LLM calls, tokens and estimated cost per day and model,
 * today's use against the daily budgets, and what pauses summarizing now.
 * `laysum status` with no paper id: the fleet at a glance (queues, papers by
 * state, today's LLM use, pauses).
 */
import { againstBudget, describeSummarizeConcurrency, promptCaching, usd } from '../../domain/cost.ts';
import { PaperState } from '../../domain/state.ts';
import { InputError } from '../../errors/input-error.ts';
import type { Context } from '../../runtime/context.ts';
import { describeLearnedMode } from '../../store/llm-modes.ts';
import { EVICTION_HINT, evictionProblem, isEvicting } from '../../store/redis-policy.ts';
import { lostPapers } from '../../store/traces.ts';
import type { UsageReport } from '../../store/usage-report.ts';
import { print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

/** `--json` (as every command takes). */
interface JsonOption {
  json?: boolean;
}

const n = (x: number) => x.toLocaleString('en-US');

function daysOf(value: string | undefined): number {
  const days = Number(value ?? '7');
  if (!Number.isInteger(days) || days < 1 || days > 400)
    throw new InputError(`"${value}" is not a number of days.`, { hint: 'Give 1 to 400, e.g. --days 30.' });
  return days;
}

export function formatUsage(r: UsageReport): string {
  const lines: string[] = [];
  for (const notice of r.notices)
    lines.push(`PAUSED: ${notice.message} (until ${notice.until.slice(0, 19).replace('T', ' ')} UTC)`);
  lines.push(
    `Today (UTC): ${r.today.calls} calls, ${r.today.cache_hits} cache hits, ${r.today.rate_limited} 429s`,
    `  tokens: ${againstBudget(r.today.total_tokens, r.budget.dailyTokens, n)}`,
    `  prompt: ${promptCaching(r.today)}`,
    `  cost:   ${againstBudget(r.today.cost_usd, r.budget.dailyCostUsd, usd)}`,
    `  limits: ${r.limits.rpm ?? 'no'} requests/min, ${r.limits.tpm ?? 'no'} tokens/min, ${r.limits.concurrency ?? 'no'} cap on calls in flight`,
    `  summarize concurrency: ${describeSummarizeConcurrency(r.summarizeConcurrency)}`,
    `  output mode: ${r.outputMode === 'auto' ? 'auto (json_schema unless a server refused it)' : `${r.outputMode} (LLM_OUTPUT_MODE)`}`,
    ...r.outputModes.map((m) => `    ${describeLearnedMode(m)}`),
  );
  if (r.today.estimated_calls)
    lines.push(
      `  ${r.today.estimated_calls} call(s) came back without usage: their tokens and cost are estimated from the text.`,
    );
  if (r.rows.length === 0) return [...lines, '', 'No LLM calls recorded in this period.'].join('\n');
  lines.push(
    '',
    'day         model                         calls  cache hits  429s   prompt  prompt cached  completion      total      cost',
  );
  for (const row of r.rows) {
    lines.push(
      [
        row.day,
        row.model.padEnd(28).slice(0, 28),
        String(row.calls).padStart(6),
        String(row.cache_hits).padStart(11),
        String(row.rate_limited).padStart(5),
        n(row.prompt_tokens).padStart(8),
        n(row.cached_tokens).padStart(14),
        n(row.completion_tokens).padStart(11),
        n(row.total_tokens).padStart(10),
        usd(row.cost_usd).padStart(9),
      ].join(' '),
    );
  }
  if (r.unpriced.length)
    lines.push('', `No price for ${r.unpriced.join(', ')}: set LLM_PRICES to see its cost.`);
  return lines.join('\n');
}

export function usage(o: { days?: string } & JsonOption): Promise<void> {
  return withContext(async (ctx) => {
    const report = await ctx.fleet.usageReport(daysOf(o.days));
    if (o.json) printJson(report);
    else print(formatUsage(report));
  });
}

async function queueCounts(ctx: Context) {
  const out: Record<string, Record<string, number>> = {};
  for (const [stage, q] of Object.entries(ctx.queues))
    out[stage] = await q.getJobCounts('waiting', 'active', 'delayed', 'failed');
  return out;
}

/** What is wrong with Redis itself: a policy that lets it delete keys, papers whose record it lost. */
async function redisProblems(ctx: Context) {
  const { policy } = await ctx.fleet.redisPolicy();
  const { checked, lost } = await lostPapers(ctx.store);
  const lines: string[] = [];
  if (policy && isEvicting(policy))
    lines.push(
      `EVICTING: ${evictionProblem(policy)}${ctx.config.redis.allowEviction ? ' (REDIS_ALLOW_EVICTION=true: workers go on.)' : ' Workers take no new jobs and the desk saves nothing until it is "noeviction".'}`,
      `  ${EVICTION_HINT}`,
    );
  if (lost.length)
    lines.push(
      `LOST: ${lost.length} of ${checked} known paper(s) have no record in Redis (evicted or deleted): ${lost.slice(0, 10).join(', ')}${lost.length > 10 ? ', …' : ''}`,
      '  `laysum status ID` shows what is left of each; submit them again once Redis is "noeviction".',
    );
  return { json: { policy, evicting: isEvicting(policy), known: checked, lost }, lines };
}

export function fleetStatus(o: JsonOption): Promise<void> {
  return withContext(async (ctx) => {
    const papers = Object.fromEntries(
      await Promise.all(PaperState.options.map(async (s) => [s, await ctx.store.count(s)] as const)),
    );
    const queues = await queueCounts(ctx);
    const report = await ctx.fleet.usageReport(1);
    const redis = await redisProblems(ctx);
    // A status that finds Redis deleting, or deleted, LaySum's records is not a clean one.
    if (redis.lines.length) process.exitCode = 1;
    if (o.json) return printJson({ papers, queues, llm: report, redis: redis.json });
    const lines = [
      ...redis.lines,
      `Papers: ${
        Object.entries(papers)
          .filter(([, c]) => c > 0)
          .map(([s, c]) => `${c} ${s}`)
          .join(', ') || 'none yet'
      }`,
      ...Object.entries(queues).map(
        ([stage, c]) =>
          `${stage.padEnd(9)} queue: ${c.waiting ?? 0} waiting, ${c.active ?? 0} active, ${c.delayed ?? 0} delayed, ${c.failed ?? 0} failed`,
      ),
      '',
      formatUsage(report),
    ];
    print(lines.join('\n'));
  });
}
