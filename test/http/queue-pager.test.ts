/** The queue's pager says "about" when the index could only estimate how many papers match. */
import { describe, expect, it } from 'vitest';
import { Pager } from '../../src/http/web/views/queue-filters.tsx';
import { type DraftList, parseFilter } from '../../src/review/queries.ts';

const list = (totalApproximate: boolean): DraftList => ({
  ...{ drafts: [], total: 74_195, totalApproximate, page: 2, limit: 50, pages: 1484 },
  ...{ counts: {} as DraftList['counts'], topics: [], providers: [], models: [], submitters: [], today: [] },
});

describe('the queue pager', () => {
  it('gives an estimated total as "about", an exact one as it is', () => {
    const filter = parseFilter({ q: 'sleep', page: '2' });
    expect(String(Pager({ list: list(true), filter }))).toMatch(/51–100 of about\s*74195/);
    const exact = String(Pager({ list: list(false), filter }));
    expect(exact).toMatch(/51–100 of\s*74195/);
    expect(exact).not.toContain('about');
  });
});
