/**
 * What search engines and scholarly indexes read on a summary's page: the
 * schema.org JSON-LD uses only types and properties schema.org defines for
 * them (checked against test/fixtures/schema-org/vocabulary.json) and names
 * the summarized article with its DOI, PMID, authors, journal and date; the
 * Highwire `citation_*` tags, the article times, og:image and twitter:card
 * are there; the exported Markdown's front matter reads back as YAML.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderSummaryPage } from '../../src/http/site/views/summary-page.tsx';
import { frontMatter } from '../../src/publish/front-matter.ts';
import { serverLinks, staticLinks } from '../../src/publish/links.ts';
import { BASE_URL, byId, DISCLAIMER, hostile, library } from './support.ts';

interface Vocabulary {
  types: Record<string, { parent: string | null; properties: string[] }>;
}
const vocabulary = JSON.parse(
  readFileSync(new URL('../fixtures/schema-org/vocabulary.json', import.meta.url), 'utf8'),
) as Vocabulary;

/** The properties a type may carry: its own and its ancestors'. */
function allowed(type: string): Set<string> {
  const out = new Set<string>();
  for (let t: string | null = type; t; t = vocabulary.types[t]?.parent ?? null)
    for (const p of vocabulary.types[t]?.properties ?? []) out.add(p);
  return out;
}

/** Every problem in a JSON-LD node and the nodes inside it: an unknown type or a property the type lacks. */
function problems(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => problems(n, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  const found: string[] = [];
  if (typeof type === 'string' && !vocabulary.types[type]) found.push(`${path}: unknown type ${type}`);
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith('@')) continue;
    if (typeof type === 'string' && !allowed(type).has(key)) found.push(`${path}: ${type} has no ${key}`);
    found.push(...problems(value, `${path}.${key}`));
  }
  return found;
}

const items = library();
const item = byId(items, 'p0000000000b2');
const page = renderSummaryPage(item, [], { disclaimer: DISCLAIMER, baseUrl: BASE_URL });
const ldOf = (html: string) =>
  JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null');
const meta = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)">`, 'g'))].map(
    (m) => m[1],
  );

describe('JSON-LD', () => {
  const ld = ldOf(page);

  it('uses only schema.org types and properties that exist for them', () => {
    expect(problems(ld)).toEqual([]);
    // The checker catches what it should.
    expect(problems({ '@type': 'ScholarlyArticle', doi: 'x' })).toEqual(['$: ScholarlyArticle has no doi']);
    expect(problems({ '@type': 'MedicalArticlePage' })).toEqual(['$: unknown type MedicalArticlePage']);
  });

  it('is a medical web page about the scholarly article it cites, with DOI, PMID, authors and dates', () => {
    const url = `${BASE_URL}/s/${item.slug}`;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      url,
      headline: item.summary.headline,
      datePublished: new Date(item.publishedAt).toISOString(),
      about: { '@id': `${url}#source` },
    });
    const r = item.record;
    expect(ld.citation).toMatchObject({
      '@type': 'ScholarlyArticle',
      '@id': `${url}#source`,
      headline: r.title,
      datePublished: r.publishedAt,
      isPartOf: { '@type': 'Periodical', name: r.journal },
    });
    expect(ld.citation.author.map((a: { name: string }) => a.name)).toEqual(r.authors);
    expect(ld.citation.identifier).toEqual([
      { '@type': 'PropertyValue', propertyID: 'DOI', value: r.ids.doi },
      { '@type': 'PropertyValue', propertyID: 'PMID', value: r.ids.pmid },
    ]);
    expect(ld.citation.sameAs).toContain(`https://doi.org/${r.ids.doi}`);
  });

  it('keeps hostile text inside the data block', () => {
    const bad = hostile();
    const html = renderSummaryPage(bad, [], { disclaimer: DISCLAIMER, baseUrl: BASE_URL });
    expect(ldOf(html).headline).toBe(bad.summary.headline);
    expect(problems(ldOf(html))).toEqual([]);
  });
});

describe('citation and sharing tags', () => {
  it('has Highwire citation tags for the article, article times, og:image and twitter:card', () => {
    const r = item.record;
    expect(meta(page, 'citation_title')).toEqual([r.title]);
    expect(meta(page, 'citation_author')).toHaveLength(r.authors.length);
    expect(meta(page, 'citation_doi')).toEqual([r.ids.doi]);
    expect(meta(page, 'citation_pmid')).toEqual([r.ids.pmid]);
    expect(meta(page, 'citation_publication_date')[0]).toMatch(/^\d{4}(\/\d{2}){0,2}$/);
    expect(meta(page, 'article:published_time')).toEqual([new Date(item.publishedAt).toISOString()]);
    expect(meta(page, 'article:modified_time')).toHaveLength(1);
    expect(meta(page, 'og:image')).toEqual([`${BASE_URL}/og-image.png`]);
    expect(meta(page, 'twitter:card')).toEqual(['summary_large_image']);
  });

  it('are the same on the exported page', () => {
    const exported = renderSummaryPage(item, [], {
      disclaimer: DISCLAIMER,
      baseUrl: BASE_URL,
      links: staticLinks(BASE_URL, 1),
    });
    expect(ldOf(exported)).toEqual(ldOf(page));
    for (const name of ['og:url', 'og:image', 'citation_doi', 'article:published_time'])
      expect(meta(exported, name)).toEqual(meta(page, name));
  });
});

describe('Markdown front matter', () => {
  it('reads back as YAML with title, dates, DOI, PMID, topics and slug', () => {
    const text = frontMatter(item, serverLinks(BASE_URL));
    const data = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '');
    expect(data).toMatchObject({
      title: item.summary.headline,
      date: new Date(item.publishedAt).toISOString(),
      updated: item.updatedAt ? new Date(item.updatedAt).toISOString() : null,
      doi: item.record.ids.doi,
      pmid: item.record.ids.pmid,
      topics: item.summary.topics,
      slug: item.slug,
      url: `/s/${item.slug}`,
    });
    const bad = hostile();
    const hostileText = frontMatter(bad, serverLinks(BASE_URL));
    expect(hostileText).not.toContain('<');
    expect(parseYaml(hostileText.split('---\n')[1] ?? '').title).toBe(bad.summary.headline);
  });
});
