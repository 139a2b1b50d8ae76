/**
 * Counts written as words, as abstracts open sentences with them ("Thirteen
 * runners", "One hundred thirty-two patients", "Three thousand eight hundred
 * thirty-five embryos"): a pattern that finds them and their value.
 */

const ONES =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

/** One number written in words, possibly several ("one hundred thirty-two"); use inside a larger pattern. */
export const NUMBER_WORDS = `(?:${[...ONES, ...TENS].join('|')})(?:[- ](?:${[...ONES, ...TENS].join('|')}|hundred|thousand|and))*`;

/** The value of a number in words: "one hundred thirty-two" -> 132. */
export function numberWordsValue(words: string): number {
  let total = 0;
  let current = 0;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === 'hundred') current *= 100;
    else if (w === 'thousand') {
      total += current * 1000;
      current = 0;
    } else if (ONES.includes(w)) current += ONES.indexOf(w);
    else if (TENS.includes(w)) current += 20 + 10 * TENS.indexOf(w);
  }
  return total + current;
}
