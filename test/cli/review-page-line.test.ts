/** `laysum review list`'s last line: an estimated total says "about", as the desk's pager does. */
import { describe, expect, it } from 'vitest';
import { pageLine } from '../../src/cli/commands/review.ts';

describe('review list page line', () => {
  it('gives an exact total as it is', () => {
    expect(pageLine({ page: 2, pages: 5, total: 97, totalApproximate: false, drafts: [1] })).toBe(
      'page 2 of 5 (97 papers)',
    );
  });

  it('says "about" for an estimated total, on the pages and the papers', () => {
    expect(pageLine({ page: 1, pages: 3125, total: 62500, totalApproximate: true, drafts: [1] })).toMatch(
      /^page 1 of about 3125 \(about 62,?500 papers\)$/,
    );
  });

  it('still says when a page is past the end', () => {
    expect(pageLine({ page: 9, pages: 2, total: 30, totalApproximate: false, drafts: [] })).toMatch(
      /nothing on this page/,
    );
  });
});
