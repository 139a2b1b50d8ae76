/** The site profile's disclaimer names the journal and the condition. */
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { renderDisclaimer } from '../../src/publish/disclaimer.ts';

describe('renderDisclaimer', () => {
  const config = parseEnv({
    SITE_FOCUS: 'multiple sclerosis, demyelinating',
    DISCLAIMER_TEXT: 'Not medical advice about {condition}. Read the original in {journal}.',
  });

  it('fills in the journal and the condition from the site profile', () => {
    expect(renderDisclaimer(config.site, { journal: 'Mult Scler' })).toBe(
      'Not medical advice about multiple sclerosis. Read the original in Mult Scler.',
    );
  });

  it('fills in the condition at start-up for pages that only get the text', () => {
    expect(renderDisclaimer({ disclaimer: config.http.disclaimer }, { journal: null })).toBe(
      'Not medical advice about multiple sclerosis. Read the original in the original journal.',
    );
    expect(renderDisclaimer({ disclaimer: config.http.disclaimer }, null)).toMatch(
      /journal named on each summary/,
    );
  });

  it('leaves a disclaimer without placeholders as written', () => {
    const plain = parseEnv({});
    expect(renderDisclaimer(plain.site, { journal: 'BMJ' })).toBe(plain.http.disclaimer);
  });
});
