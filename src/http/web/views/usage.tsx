/** The admin's LLM usage page (/admin/usage): today against the budgets, per day and model, and any pause. */

import { againstBudget, describeSummarizeConcurrency, promptCaching, usd } from '../../../domain/cost.ts';
import type { UsageReport } from '../../../store/usage-report.ts';

const n = (x: number) => x.toLocaleString('en-US');

export function UsageBody({ report }: { report: UsageReport }) {
  const { today, budget, limits } = report;
  return (
    <>
      <h1>LLM usage</h1>
      <p class="small">
        Limits: {limits.rpm ?? 'no'} requests/min, {limits.tpm ?? 'no'} tokens/min,{' '}
        {limits.concurrency ?? 'no'} cap on calls in flight; summarize concurrency{' '}
        {describeSummarizeConcurrency(report.summarizeConcurrency)}. Costs are estimates from LLM_PRICES.
      </p>
      <h2>Today (UTC)</h2>
      <ul>
        <li>
          {today.calls} calls, {today.cache_hits} cache hits, {today.rate_limited} answered 429
        </li>
        <li>Tokens: {againstBudget(today.total_tokens, budget.dailyTokens, n)}</li>
        <li>Prompt: {promptCaching(today)}</li>
        <li>Cost: {againstBudget(today.cost_usd, budget.dailyCostUsd, usd)}</li>
      </ul>
      <h2>By day and model</h2>
      {report.rows.length === 0 ? (
        <p>No LLM calls recorded in the last 30 days.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Day</th>
              <th>Model</th>
              <th>Calls</th>
              <th>Cache hits</th>
              <th>429s</th>
              <th>Prompt tokens</th>
              <th>Of which cached by the provider</th>
              <th>Completion tokens</th>
              <th>Total tokens</th>
              <th>Cost</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr>
                <td>{r.day}</td>
                <td>{r.model}</td>
                <td>{n(r.calls)}</td>
                <td>{n(r.cache_hits)}</td>
                <td>{n(r.rate_limited)}</td>
                <td>{n(r.prompt_tokens)}</td>
                <td>{n(r.cached_tokens)}</td>
                <td>{n(r.completion_tokens)}</td>
                <td>{n(r.total_tokens)}</td>
                <td>{usd(r.cost_usd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.unpriced.length ? (
        <p class="small">No price for {report.unpriced.join(', ')}: set LLM_PRICES to see its cost.</p>
      ) : null}
      <p>
        <a href="/admin/queues">Queue dashboard</a>
      </p>
    </>
  );
}
