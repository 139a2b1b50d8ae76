/**
 * The desk's history over many entries: titles instead of ids, filters by
 * who, action, paper and date, paging back to the very first entry, rating
 * edits shown as "interest 3 → 2", and system events folded into one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPapers } from '../../bench/seed.ts';
import { historyPage } from '../../src/review/history.ts';
import { type HttpHarness, signIn, startHttp, type WebSession } from './support.ts';

let h: HttpHarness;
let ids: string[];
let web: WebSession;

beforeAll(async () => {
  h = await startHttp();
  ids = await seedPapers(h.deps.store, 40);
  web = await signIn(h, h.tokens.reviewer);
  const edit = await h.call(`/api/drafts/${ids[0]}`, {
    method: 'PATCH',
    token: h.tokens.reviewer,
    json: {
      basedOn: 1,
      changes: {
        ratings: {
          credibility: { score: 1, rationale: 'A seeded rating for the benchmark and the tests.' },
          interest: { score: 2, rationale: 'A seeded rating for the benchmark and the tests.' },
        },
      },
    },
  });
  expect(edit.status, await edit.clone().text()).toBe(200);
}, 60_000);
afterAll(async () => {
  await h.cleanup();
});

const page = async (path: string) => {
  const res = await web.get(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

describe('the history', () => {
  it('pages back through every entry to the first one', async () => {
    const seen = new Set<string>();
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      // A page holds `limit` people's entries (the seeded submissions and the edit), system events folded below.
      const p = await historyPage(h.deps.store, { before, limit: 15 });
      const kinds = p.lines.map((l) => (l.kind === 'folded' || l.entry.system ? 'system' : 'person'));
      const firstSystem = kinds.indexOf('system');
      if (firstSystem >= 0) expect(kinds.slice(firstSystem)).not.toContain('person');
      for (const line of p.lines)
        for (const e of line.kind === 'entry' ? [line.entry] : line.entries) seen.add(e.cursor ?? '');
      pages++;
      if (!p.next) break;
      before = p.next;
    }
    // Each seeded paper: submitted, ingested, drafted; plus the edit.
    expect(seen.size).toBe(40 * 3 + 1);
    expect(pages).toBeGreaterThan(1);
    // On the desk's first page (50 people's entries), all 41 fit: the system events fold below them.
    const first = await page('/desk/history');
    expect(first).toContain('This is where the history begins.');
    expect(first.indexOf('Seed study seed0 on')).toBeLessThan(first.indexOf('class="folded"'));
  });

  it('shows titles, readable rating changes, and folds system events', async () => {
    const html = await page('/desk/history');
    expect(html).toContain('Seed study seed0 on');
    expect(html).toContain('interest 3 → 2');
    expect(html).not.toContain('{"score"');
    expect(html).toMatch(/<summary>\d+ system events \(/);
    expect(html).not.toMatch(/approved<span[^>]*> *approved/);
  });

  it('filters by who, action, paper and date', async () => {
    const edits = await page('/desk/history?who=reviewer-1');
    expect(edits).toContain('edited');
    expect(edits).not.toMatch(/<td>drafted/);
    const submitted = await page('/desk/history?action=submitted&who=web:lee');
    expect(submitted).toContain('web:lee');
    expect(submitted).not.toContain('api:dana');
    const one = await page(`/desk/history?paper=${ids[5]}`);
    expect(one).toContain('Seed study seed5 on');
    expect(one).not.toContain('seed6 on');
    expect(await page('/desk/history?to=2020-01-01')).toContain('No entries match.');
    const today = new Date().toISOString().slice(0, 10);
    expect(await page(`/desk/history?from=${today}&action=edited`)).toContain('interest 3 → 2');
  });
});
