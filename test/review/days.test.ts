/**
 * Day filters mean the same on the queue (desk, API, CLI) and in the history:
 * a real calendar day written YYYY-MM-DD, or a clear refusal. A day that
 * does not exist (30 February) is refused, not read as a day in March.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.ts';
import { historyPage } from '../../src/review/history.ts';
import { parseFilter } from '../../src/review/queries.ts';
import { createTestStore, type TestStore } from '../publish/redis-support.ts';

let t: TestStore;
beforeAll(async () => {
  t = await createTestStore();
});
afterAll(() => t.cleanup());

const history = (from: string, to?: string) => historyPage(t.store, { from, to, limit: 50 });

describe('day filters', () => {
  for (const bad of ['2026-02-30', '2026-13-01', '1/12/2026', '2026-1-5', 'yesterday']) {
    it(`refuses "${bad}" on the queue and in the history, saying how to write a day`, async () => {
      const refusal = { message: `The from date "${bad}" is not a day.`, hint: 'Write it as YYYY-MM-DD.' };
      expect(() => parseFilter({ from: bad })).toThrow(InputError);
      expect(() => parseFilter({ from: bad })).toThrow(expect.objectContaining(refusal));
      await expect(history(bad)).rejects.toThrow(expect.objectContaining(refusal));
    });
  }

  it('takes real days, leap days included, on both', async () => {
    expect(parseFilter({ from: '2028-02-29', to: '2026-12-31' })).toMatchObject({
      from: '2028-02-29',
      to: '2026-12-31',
    });
    await expect(history('2028-02-29', '2026-12-31')).resolves.toMatchObject({ lines: [] });
  });
});
