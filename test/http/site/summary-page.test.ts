import { describe, expect, it } from 'vitest';
import { renderSummaryPage } from '../../../src/http/site/views/summary-page.tsx';
import { related } from '../../../src/publish/related.ts';
import { BASE_URL, byId, DISCLAIMER, headingTexts, hostile, library, XSS } from '../../publish/support.ts';

const all = library();
const options = { disclaimer: DISCLAIMER, baseUrl: BASE_URL };
const fracture = byId(all, 'p0000000000b2');
const backPain = byId(all, 'p0000000000c3');

describe('a published summary page', () => {
  const page = renderSummaryPage(backPain, related(backPain, all), options);

  it('is a complete HTML5 document with the headline as h1 and title', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toMatch(
      /<title>Back Pain: What Doctors Check First and What Usually Helps \| LaySum<\/title>/,
    );
    expect(page).toMatch(/<h1>Back Pain: What Doctors Check First and What Usually Helps<\/h1>/);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('reads in the seed order: ratings, the four sections, topics, source, related, disclaimer', () => {
    const headings = headingTexts(page);
    const seed = [
      'Back Pain: What Doctors Check First and What Usually Helps',
      'Credibility',
      'Interest',
      'Key Takeaway',
      'What They Found',
      'Who Should Care and Why',
      'Important Considerations',
      'Article Topics',
      'You May Also Like',
    ];
    const positions = seed.map((h) => headings.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page.indexOf(DISCLAIMER)).toBeGreaterThan(page.indexOf('You May Also Like'));
  });

  it('shows both ratings as a score out of five with dots and the rationale', () => {
    expect(page).toMatch(
      /<h2>Credibility<\/h2>\s*<div><span class="dots" aria-hidden="true">●●●○○<\/span><span class="score">3\/5<\/span><\/div>/,
    );
    expect(page).toMatch(
      /<h2>Interest<\/h2>\s*<div><span class="dots" aria-hidden="true">●●●●●<\/span><span class="score">5\/5<\/span><\/div>/,
    );
    expect(page).toContain(
      'An expert review that summarises current practice rather than testing something new.',
    );
    expect(page).toContain('Back pain affects millions of people every year.');
  });

  it('lists every caveat and links every topic to the topic filter', () => {
    for (const caveat of backPain.summary.caveats) expect(page).toContain(`<li>${caveat}</li>`);
    expect(page).toContain('<a href="/?topic=back%20pain" rel="tag">back pain</a>');
    expect(page).toContain('<a href="/?topic=physical%20therapy" rel="tag">physical therapy</a>');
  });

  it('names the source with journal, date, title, short authors, DOI and PubMed links', () => {
    expect(page).toContain('<dd>Back Pain: Differential Diagnosis and Management.</dd>');
    expect(page).toContain('<dd>Neurologic clinics</dd>');
    expect(page).toContain('<dd>February 2023</dd>');
    expect(page).toContain('<dd>David Gibbs, Ben G McGahan, Alexander E Ropper, David S Xu</dd>');
    expect(page).toContain('href="https://doi.org/10.1016/j.ncl.2022.07.002"');
    expect(page).toContain('href="https://pubmed.ncbi.nlm.nih.gov/36400559/"');
  });

  it('shortens a long author list', () => {
    const other = renderSummaryPage(fracture, [], options);
    expect(other).toContain('<dd>Katerina Trajanoska, John A Morris, Ling Oei, et al.</dd>');
    expect(other).toContain('<dd>August 29, 2018</dd>');
  });

  it('shows "You May Also Like" cards with headline, date, takeaway excerpt and Read More', () => {
    const card = page.slice(page.indexOf('You May Also Like'));
    expect(card).toContain(
      '<a href="/s/sudden-back-pain-usually-settles-with-simple-care-p0000000000d4">Sudden Back Pain Usually Settles With Simple Care</a>',
    );
    expect(card).toContain('<time datetime="2001">2001</time>');
    expect(card).toContain(
      'Most sudden back pain improves within weeks; staying active helps more than bed rest.',
    );
    expect(card).toMatch(
      /<a href="\/s\/sudden-back-pain-usually-settles-with-simple-care-p0000000000d4"[^>]*>Read More<\/a>/,
    );
    expect(card).not.toContain('/s/back-pain-what-doctors'); // never itself
  });

  it('cuts a long takeaway on the card to about 100 characters', () => {
    const page2 = renderSummaryPage(byId(all, 'p0000000000e5'), [fracture], options);
    const card = page2.slice(page2.indexOf('You May Also Like'));
    const text = /<p>(A very large genetic study[^<]*)<\/p>/.exec(card)?.[1] ?? '';
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(101);
    expect(card).toContain('<time datetime="2018-08-29">Aug 29, 2018</time>');
  });

  it('omits "You May Also Like" when nothing shares a topic', () => {
    const asthma = byId(all, 'p0000000000f6');
    expect(renderSummaryPage(asthma, related(asthma, all), options)).not.toContain('You May Also Like');
  });

  it('carries the disclaimer, a canonical URL and both feed alternates', () => {
    expect(page).toContain(`<p class="disclaimer">${DISCLAIMER}</p>`);
    expect(page).toContain(`<link rel="canonical" href="${BASE_URL}/s/${backPain.slug}">`);
    expect(page).toMatch(/<link rel="alternate" type="application\/feed\+json"[^>]*href="\/feed.json">/);
    expect(page).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/feed.xml">/);
    expect(page).toMatch(/<style>[\s\S]*max-width: 720px[\s\S]*<\/style>/);
  });

  it('says when the text was extracted automatically, and only then', () => {
    const asthma = renderSummaryPage(byId(all, 'p0000000000f6'), [], options);
    expect(asthma).toContain('This text was extracted automatically');
    expect(page).not.toContain('extracted automatically');
  });

  it('links PubMed alone when the paper has no DOI', () => {
    const asthma = renderSummaryPage(byId(all, 'p0000000000f6'), [], options);
    expect(asthma).not.toContain('doi.org');
    expect(asthma).toContain('href="https://pubmed.ncbi.nlm.nih.gov/29768149/"');
    expect(asthma).toContain('<dd>Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.</dd>');
  });

  it('uses the site name it is given', () => {
    const named = renderSummaryPage(backPain, [], {
      ...options,
      site: { name: 'MS Research Explained', about: null, locale: 'en-US' },
    });
    expect(named).toContain('| MS Research Explained</title>');
  });
});

describe('escaping on the summary page', () => {
  const bad = hostile();
  const page = renderSummaryPage(bad, [bad], options);

  it('shows model-written markup as text, never as tags', () => {
    // The one script element is the JSON-LD data block (never run), its text JSON-escaped.
    expect(page).not.toMatch(/<script(?! type="application\/ld\+json">)/i);
    expect(page).not.toMatch(/ld\+json">[^<]*<(?!\/script>)/);
    expect(page).not.toContain('<img');
    expect(page).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; Bone News</h1>');
    expect(page).toContain(
      'Takeaway &lt;script&gt;alert(1)&lt;/script&gt; with &lt;img src=x onerror=alert(2)&gt; &amp; more.',
    );
    expect(page).toContain('<li>Caveat &lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(page).toContain('<dd>Title &lt;script&gt;alert(1)&lt;/script&gt;</dd>');
  });

  it('keeps topics inside their attributes', () => {
    expect(page).toContain(`href="/?topic=${encodeURIComponent(XSS)}"`);
    expect(page).toContain('href="/?topic=%22quoted%22%20topic" rel="tag">&quot;quoted&quot; topic</a>');
    expect(page).toContain(
      'content="Takeaway &lt;script&gt;alert(1)&lt;/script&gt; with &lt;img src=x onerror=alert(2)&gt; &amp; more."',
    );
  });
});
