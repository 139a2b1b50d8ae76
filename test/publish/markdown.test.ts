import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/publish/markdown.ts';
import { byId, DISCLAIMER, hostile, library } from './support.ts';

const all = library();

describe('Markdown', () => {
  const md = toMarkdown(byId(all, 'p0000000000b2'), DISCLAIMER);

  it('has the headline and the sections in the page order', () => {
    expect(md.startsWith('# Bone Strength, Not Vitamin D, Drives Fracture Risk\n')).toBe(true);
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Key Takeaway',
      'What They Found',
      'Who Should Care and Why',
      'Important Considerations',
      'Article Topics',
      'More Details',
    ]);
  });

  it('shows ratings, caveats as a list, topics, the source links and the disclaimer', () => {
    expect(md).toContain('**Credibility:** ●●●●○ 4/5 — A very large meta-analysis');
    expect(md).toContain('**Interest:** ●●●●○ 4/5 — Fractures are common');
    expect(md).toContain(
      '- Most participants were of European descent, so the results may differ in other groups.',
    );
    expect(md).toContain('osteoporosis · fractures · bone density · vitamin d · genetics');
    expect(md).toContain('- **DOI:** [10.1136/bmj.k3225](<https://doi.org/10.1136/bmj.k3225>)');
    expect(md).toContain('- **PubMed:** [30158200](<https://pubmed.ncbi.nlm.nih.gov/30158200/>)');
    expect(md).toContain('- **Journal:** BMJ (Clinical research ed.)');
    expect(md).toContain('- **Authors:** Katerina Trajanoska, John A Morris, Ling Oei, et al.');
    expect(md.trimEnd().endsWith(DISCLAIMER)).toBe(true);
  });

  it('notes extracted text', () => {
    expect(toMarkdown(byId(all, 'p0000000000f6'), DISCLAIMER)).toContain('extracted automatically');
    expect(md).not.toContain('extracted automatically');
  });

  it('escapes HTML and Markdown syntax from the model', () => {
    const bad = toMarkdown(hostile(), DISCLAIMER);
    expect(bad).not.toMatch(/(?<!\\)<script/i);
    expect(bad).not.toMatch(/(?<!\\)<img/);
    expect(bad).toContain('# \\<script\\>alert(1)\\</script\\> Bone News');
    const item = hostile();
    const listy = {
      ...item,
      summary: { ...item.summary, caveats: ['1. not a list', '# not a heading', '[link](javascript:x)'] },
    };
    const out = toMarkdown(listy, DISCLAIMER);
    expect(out).toContain('- 1\\. not a list');
    expect(out).toContain('- \\# not a heading');
    expect(out).toContain('- \\[link\\](javascript:x)');
  });
});
