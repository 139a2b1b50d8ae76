/**
 * Numbers written as words, both ways: "One hundred twenty-six" is 126 (not
 * 26), "twenty-two" is 22, "three thousand" is 3000, "a third" is a share.
 * Each phrase is found whole, so the checks never read a part of it as a
 * number of its own.
 */

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/** Shares written as words: "half", "a third", "two-thirds", "a quarter", "three in four" is handled elsewhere. */
export const SHARE_WORDS: Record<string, number> = {
  half: 50,
  'one half': 50,
  'a third': 100 / 3,
  'one third': 100 / 3,
  'one-third': 100 / 3,
  'two thirds': 200 / 3,
  'two-thirds': 200 / 3,
  'a quarter': 25,
  'one quarter': 25,
  'one-quarter': 25,
  'three quarters': 75,
  'three-quarters': 75,
  'a fifth': 20,
  'one fifth': 20,
  'one-fifth': 20,
  'a tenth': 10,
  'one tenth': 10,
  'one-tenth': 10,
};
export const SHARE_WORDS_RE = new RegExp(
  `\\b(?:${Object.keys(SHARE_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'gi',
);

const WORD = `(?:${[...Object.keys(SMALL), ...Object.keys(SCALE)].join('|')})`;
/**
 * A run of number words joined by spaces, hyphens or, after a hundred or a
 * thousand, "and" ("one hundred and twenty-six"); "a hundred" too. "Three and
 * six months" is two numbers, not nine.
 */
export const NUMBER_PHRASE = new RegExp(
  `\\b(?:a (?=(?:hundred|thousand|million)\\b))?${WORD}(?:(?:[- ]|(?<=(?:hundred|thousand|million|billion)) and )${WORD})*\\b`,
  'gi',
);

/** The value of a phrase of number words, or null when it is not one. */
export function phraseValue(phrase: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const part of phrase.toLowerCase().split(/[- ]+/)) {
    if (part === 'and') continue;
    if (part === 'a') {
      current = 1;
      continue;
    }
    const small = SMALL[part];
    const scale = SCALE[part];
    if (small !== undefined) current += small;
    else if (scale === 100) current = (current || 1) * 100;
    else if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}
