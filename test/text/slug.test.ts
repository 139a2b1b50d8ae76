/** Slugs (src/text/slug.ts): readable in every script, unchanged for ASCII, bounded for file names. */
import { describe, expect, it } from 'vitest';
import { slugify, slugWords } from '../../src/text/slug.ts';

describe('slugify', () => {
  it('ASCII: lower-case words joined by hyphens, as slugs always were', () => {
    expect(slugify('Bone Strength, Not Vitamin D, Drives Fracture Risk')).toBe(
      'bone-strength-not-vitamin-d-drives-fracture-risk',
    );
    expect(slugify("  Don't Panic: COVID-19 & You (2024)  ")).toBe('don-t-panic-covid-19-you-2024');
    expect(slugify('...')).toBe('');
  });

  it('diacritics go; Greek symbols are spelled out, Greek words stay words', () => {
    expect(slugify('Études sur la santé à Zürich')).toBe('etudes-sur-la-sante-a-zurich');
    expect(slugify('β-Amyloid and IL-1β in αβ T cells')).toBe(
      'beta-amyloid-and-il-1-beta-in-alpha-beta-t-cells',
    );
    expect(slugify('5 µg/kg of TNF-α')).toBe('5-mu-g-kg-of-tnf-alpha');
    expect(slugify('Σοφία')).toBe('σοφια');
  });

  it('other scripts stay as written (Cyrillic, CJK, Hangul, Devanagari)', () => {
    expect(slugify('Ожирение у детей')).toBe('ожирение-у-детей');
    expect(slugify('日本語の見出し：がん')).toBe('日本語の見出し-がん');
    expect(slugify('한국어 제목')).toBe('한국어-제목');
    expect(slugify('दिल की बीमारी')).toBe('दिल-की-बीमारी');
    expect(slugWords('ﬁsh oil²')).toEqual(['fish', 'oil2']);
  });

  it('bounded: at most maxWords words and maxBytes UTF-8 bytes, cut at a word boundary', () => {
    expect(slugify('one two three four', { maxWords: 2 })).toBe('one-two');
    expect(slugify('alpha beta gamma', { maxBytes: 12 })).toBe('alpha-beta');
    expect(slugify('x'.repeat(50), { maxBytes: 10 })).toBe('x'.repeat(10));
    const long = slugify('が'.repeat(100));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(120);
    expect(long).toBe('が'.repeat(40));
  });
});
