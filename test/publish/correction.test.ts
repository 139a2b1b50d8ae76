/** A correction's one line names the sections whose text changed, as the page names them. */
import { expect, it } from 'vitest';
import { correctionLine } from '../../src/publish/correction.ts';
import { library } from './support.ts';

it('names the changed sections, and nothing when no text changed', () => {
  const [item] = library();
  if (!item) throw new Error('no fixture summary');
  const s = item.summary;
  expect(correctionLine(s, s)).toBeNull();
  expect(correctionLine(s, { ...s, takeaway: `${s.takeaway} More.` })).toBe('Corrected Key Takeaway.');
  expect(
    correctionLine(s, { ...s, headline: 'A new headline', caveats: [...s.caveats, 'One more caveat.'] }),
  ).toBe('Corrected the headline and Important Considerations.');
});
