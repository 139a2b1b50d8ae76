import { describe, expect, it } from 'vitest';
import { renderIndex } from '../../../src/http/site/views/index-page.tsx';
import { BASE_URL, DISCLAIMER, hostile, library, XSS } from '../../publish/support.ts';

const all = library();
const options = { disclaimer: DISCLAIMER, baseUrl: BASE_URL };
const headlines = (page: string) =>
  [...page.matchAll(/<h2><a href="[^"]*">([^<]*)<\/a><\/h2>/g)].map((m) => m[1]);

describe('the index of published summaries', () => {
  const page = renderIndex(all, options);

  it('lists every summary newest first, linking to its page', () => {
    expect(headlines(page)).toEqual([
      'Bone Strength, Not Vitamin D, Drives Fracture Risk',
      'Back Pain: What Doctors Check First and What Usually Helps',
      'Some Farm Pesticides May Slow the Thyroid in Men Who Spray Them',
      'Shorter Telomeres in Blood Linked to Pancreatic Cancer Risk',
      'Sudden Back Pain Usually Settles With Simple Care',
      'Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma',
    ]);
    expect(page).toContain('<a href="/s/bone-strength-not-vitamin-d-drives-fracture-risk-p0000000000b2">');
  });

  it('shows each entry with its publication date, the journal and article date, takeaway and topic links', () => {
    expect(page).toContain(
      'Summary published <time datetime="2026-05-02T14:30:00.000Z">May 2, 2026</time> · <cite>BMJ (Clinical research ed.)</cite>, August 29, 2018</p>',
    );
    // No journal or date in the record: just when it was published.
    expect(page).toContain(
      'Summary published <time datetime="2026-01-10T10:00:00.000Z">Jan 10, 2026</time></p>',
    );
    expect(page).toContain(
      '<p>Most sudden back pain improves within weeks; staying active helps more than bed rest.</p>',
    );
    expect(page).toContain('<li><a href="/?topic=vitamin%20d" rel="tag">vitamin d</a></li>');
  });

  it('counts every topic across summaries, ignoring case', () => {
    expect(page).toContain('<h2 id="all-topics-heading">All Topics</h2>');
    expect(page).toMatch(/<a href="\/\?topic=back%20pain">back pain <span class="count">\(2\)<\/span><\/a>/);
    expect(page).toMatch(/<a href="\/\?topic=genetics">genetics <span class="count">\(2\)<\/span><\/a>/);
    expect(page).toMatch(/<a href="\/\?topic=asthma">asthma <span class="count">\(1\)<\/span><\/a>/);
    expect(page).not.toMatch(/Back Pain <span class="count">/);
  });

  it('has the disclaimer, a canonical URL and the feed alternates', () => {
    expect(page).toContain(DISCLAIMER);
    expect(page).toContain(`<link rel="canonical" href="${BASE_URL}/">`);
    expect(page).toContain('href="/feed.json"');
    expect(page).toContain('href="/feed.xml"');
  });

  it('filters to one topic, case-insensitively, with a heading and a way back', () => {
    const topic = renderIndex(all, { ...options, topic: 'BACK PAIN' });
    expect(topic).toContain('<h1>Topic: back pain</h1>');
    expect(topic).toContain('<a href="/">← All summaries</a>');
    expect(headlines(topic)).toEqual([
      'Back Pain: What Doctors Check First and What Usually Helps',
      'Sudden Back Pain Usually Settles With Simple Care',
    ]);
    expect(topic).toContain(`<link rel="canonical" href="${BASE_URL}/?topic=BACK%20PAIN">`);
  });

  it('says so when a topic has no summaries, and when nothing is published', () => {
    expect(renderIndex(all, { ...options, topic: 'knitting' })).toContain(
      'No published summaries on this topic yet.',
    );
    expect(renderIndex([], options)).toContain('Nothing has been published yet.');
  });

  it('escapes hostile headlines, takeaways, topics and the topic filter itself', () => {
    const bad = renderIndex([hostile(), ...all], { ...options, topic: XSS });
    expect(bad).not.toMatch(/<script/i);
    expect(bad).not.toContain('<img');
    expect(bad).toContain('<h1>Topic: &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(bad).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Bone News');
  });
});
