/**
 * Journal feeds: every real feed in test/fixtures/feeds (see its README),
 * checked field by field against what the files really contain.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/errors/permanent-error.ts';
import { splitAuthors } from '../../src/sources/feeds/authors.ts';
import { htmlToText } from '../../src/sources/feeds/html.ts';
import { doiFromUrl } from '../../src/sources/feeds/identifiers.ts';
import {
  type FeedItem,
  feedItemToRecord,
  journalFromFeedTitle,
  parseFeed,
} from '../../src/sources/feeds/parse.ts';
import { readsAsProse } from '../../src/sources/feeds/summary.ts';
import { partialDateFromText } from '../../src/text/dates.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const parseFixture = (name: string) => parseFeed(fixture(name), `https://example.org/${name}`);
const item = (items: FeedItem[], index: number): FeedItem => {
  const found = items[index];
  if (!found) throw new Error(`no item ${index}`);
  return found;
};

describe('parseFeed on real feeds', () => {
  it('Nature (RSS 1.0/RDF): 75 items, DOI from dc:identifier, title markup stripped, title-only teasers dropped', () => {
    const feed = parseFixture('nature_current.rss');
    expect(feed.title).toBe('Nature');
    expect(feed.items).toHaveLength(75);
    const first = item(feed.items, 0);
    expect(first).toEqual({
      guid: 'https://www.nature.com/articles/s41586-024-07811-4',
      title: 'Catalysis of an SN2 pathway by geometric preorganization',
      link: 'https://www.nature.com/articles/s41586-024-07811-4',
      doi: '10.1038/s41586-024-07811-4',
      pmid: null,
      publishedAt: '2024-07-18',
      authors: ['Gabriel J. Lovinger', 'Marcus H. Sak', 'Eric N. Jacobsen'],
      summary: null, // content:encoded only repeats the title after the "Published online; doi:" line
      journal: 'Nature', // channel prism:publicationName (feedsmith drops PRISM in RDF)
    });
    const news = item(feed.items, 1);
    expect(news.title).toBe('Long COVID lung damage linked to immune system response');
    expect(news.doi).toBe('10.1038/d41586-024-02352-2');
    expect(news.summary).toBe(
      'Inhibiting a protein associated with chronic inflammation improves lung health in mice with COVID-19.',
    );
    expect(feed.items.every((i) => i.doi?.startsWith('10.1038/'))).toBe(true);
  });

  it('PubMed search feed (RSS 2.0): PMID from the guid, full abstract from content:encoded without the citation frame', () => {
    const feed = parseFixture('pubmed_search_feed_2021-12-14.xml');
    expect(feed.title).toBe(
      '(new species) OR (n. sp.) OR (sp. nov.) OR (n. gen.) OR (gen. nov.) OR (n. comb.) OR (comb. nov.)',
    );
    expect(feed.items).toHaveLength(15);
    const first = item(feed.items, 0);
    expect(first.guid).toBe('pubmed:34902460');
    expect(first.pmid).toBe('34902460');
    expect(first.doi).toBe('10.1016/j.jviromet.2021.114425');
    expect(first.publishedAt).toBe('2021-12-13');
    expect(first.journal).toBe('Journal of virological methods');
    expect(first.authors).toEqual([
      'Alejandro Olmedo-Velarde',
      'Francisco M Ochoa-Corona',
      'Adriana E Larrea-Sarmiento',
      'Toufic Elbeaino',
      'Francisco Flores',
    ]);
    // The description stops at "primers were..."; content:encoded has the whole abstract.
    expect(first.summary).toMatch(/^High-resolution melting \(HRM\) has shown to be reliable/);
    expect(first.summary).toMatch(/including new species or strains\.$/);
    expect(first.summary).toContain('using uMeltSM speeded');
    expect(first.summary).not.toMatch(/PMID:|J Virol Methods\. 2021|ABSTRACT/);
    const structured = item(feed.items, 5);
    expect(structured.pmid).toBe('34899012');
    expect(structured.doi).toBe('10.3897/bdj.9.e73232');
    expect(structured.summary?.split('\n').map((l) => l.slice(0, 17))).toEqual([
      'BACKGROUND: The g',
      'NEW INFORMATION: ',
    ]);
    expect(feed.items.every((i) => i.pmid && i.doi)).toBe(true);
  });

  it('IJSEM (RSS 2.0 with a UTF-8 BOM): DOI from the publisher link, double-escaped HTML summary flattened', () => {
    const xml = fixture('ijsem_microbiology_society_latest.xml');
    expect(xml.charCodeAt(0)).toBe(0xfeff);
    const feed = parseFeed(
      xml,
      'https://www.microbiologyresearch.org/rss/content/journal/ijsem/latestarticles',
    );
    expect(feed.title).toBe(
      'International Journal of Systematic and Evolutionary Microbiology: Most Recent Articles',
    );
    expect(feed.items).toHaveLength(25);
    const first = item(feed.items, 0);
    expect(first.title).toBe(
      'Mycolicibacterium baixiangningiae sp. nov. and Mycolicibacterium mengxianglii sp. nov., two new rapidly growing mycobacterial species',
    );
    // Not one of the 10.1601 namesforlife DOIs linked from the summary.
    expect(first.doi).toBe('10.1099/ijsem.0.005019');
    expect(first.publishedAt).toBe('2021-12-08');
    expect(first.authors).toHaveLength(17);
    expect(first.authors.slice(-2)).toEqual(['Suping Wang', 'Jianguo Xu']);
    expect(first.summary).toMatch(
      /^Four bacterial strains \(LJ126T\/S18 and Z-34T\/S20\) recovered from faecal samples of Tibetan antelopes on the Qinghai–Tibet Plateau/,
    );
    expect(first.summary).toContain(
      'within the evolutionary radiation of the genus Mycolicibacterium. Strains',
    );
    for (const each of feed.items)
      expect(each.summary ?? '').not.toMatch(/<\/?[a-z]+[\s>]|&(?:amp|lt|gt|#\d+);/i);
  });

  it('OJS (Atom): German summaries with double-escaped &amp;amp; decoded to "&"', () => {
    const feed = parseFixture('ojs_contributions_to_entomology.atom');
    expect(feed.title).toBe('Beiträge zur Entomologie = Contributions to Entomology');
    expect(feed.items).toHaveLength(9);
    const first = item(feed.items, 0);
    expect(first.guid).toBe('https://www.contributions-to-entomology.org/article/view/2039');
    expect(first.title).toBe(
      'The Cephennium fauna of Turkey and the Middle East (Coleoptera: Staphylinidae: Scydmaeninae)',
    );
    expect(first.link).toBe('https://www.contributions-to-entomology.org/article/view/2039');
    expect(first.authors).toEqual(['Volker Assing', 'Heinrich Meybohm']);
    expect(first.publishedAt).toBe('2021-06-30');
    expect(first.doi).toBeNull();
    expect(first.summary).toMatch(
      /^Lediglich zwei Arten der Gattung Cephennium Müller & Kunze, 1822 waren bislang/,
    );
    expect(feed.items.some((i) => i.summary?.includes('Mulsant & Rey, 1873'))).toBe(true);
    expect(feed.items.every((i) => !i.summary?.includes('&amp;'))).toBe(true);
  });

  it('bioRxiv (RSS 1.0): CDATA title trimmed, "SURNAME, I." author string split in pairs', () => {
    const feed = parseFixture('biorxiv_genomics_rss1.xml');
    expect(feed.title).toBe('bioRxiv Subject Collection: Genomics');
    expect(feed.items).toHaveLength(1);
    const only = item(feed.items, 0);
    expect(only.title).toBe(
      'Complete genome of the Medicago anthracnose fungus, Colletotrichum destructivum, reveals a mini-chromosome-like region within a core chromosome.',
    );
    expect(only.doi).toBe('10.1101/2023.12.16.571984');
    expect(only.publishedAt).toBe('2023-12-16');
    expect(only.journal).toBe('bioRxiv');
    expect(only.authors).toEqual([
      'LAPALU, N.',
      'SIMON, A.',
      'Lu, A.',
      'Plaumann, P.-L.',
      'Amselem, J.',
      'Pigne, S.',
      'Auger, A.',
      'Koch, C.',
      'Dallery, J.-F.',
      "O'Connell, R. J.",
    ]);
    expect(only.summary).toMatch(/^Colletotrichum destructivum \(Cd\) is a phytopathogenic fungus/);
  });

  it('Journal of Pediatrics (Atypon RDF): bare DOI in dc:identifier, comma-separated authors', () => {
    const feed = parseFixture('jpeds_elsevier_atypon_rdf.xml');
    expect(feed.title).toBe('The Journal of Pediatrics');
    const only = item(feed.items, 0);
    expect(only.title).toBe(
      'HIV Exposure and Formula Feeding Predict Under-2 Mortality in HIV-Uninfected Children, Botswana',
    );
    expect(only.doi).toBe('10.1016/j.jpeds.2018.08.009');
    expect(only.publishedAt).toBe('2018-10-11');
    expect(only.journal).toBe('The Journal of Pediatrics');
    expect(only.authors).toHaveLength(13);
    expect(only.authors[3]).toBe('Erik van Widenfelt');
    expect(only.summary).toBe(
      'To prospectively assess rates and detailed predictors of morbidity and mortality among HIV-exposed uninfected children and HIV-unexposed children in Botswana in a more recent era.',
    );
  });

  it('a blog feed (WordPress RSS 2.0): no identifiers, dates from pubDate, "The post ... appeared on" footer dropped', () => {
    const feed = parseFixture('science_in_the_pipeline_blog.rss');
    expect(feed.title).toBe('In the Pipeline');
    expect(feed.items).toHaveLength(10);
    const first = item(feed.items, 0);
    expect(first.title).toBe('An Announcement About the Comment Section');
    expect(first.guid).toBe('https://blogs.sciencemag.org/pipeline/?p=17266');
    expect(first.publishedAt).toBe('2021-06-28');
    expect(first.authors).toEqual(['Derek Lowe']);
    expect(first.doi).toBeNull();
    expect(first.pmid).toBeNull();
    expect(first.summary).toMatch(/^In many parts of the US, things are returning to normal/);
    expect(feed.items.every((i) => !/first appeared on/.test(i.summary ?? ''))).toBe(true);
  });

  it('a Chinese journal feed: "2021/10/16 9:23:28" dates, CJK names split on commas, empty descriptions', () => {
    const feed = parseFixture('chinese_journal_rss_nonstandard_dates.xml');
    expect(feed.title).toBe('《昆虫分类学报》编辑部 -->2021年第4期文章目次');
    expect(feed.items).toHaveLength(10);
    const first = item(feed.items, 0);
    expect(first.title).toBe('广州海珠斯萤叶甲属一新种（鞘翅目：叶甲科：萤叶甲亚科）');
    expect(first.publishedAt).toBe('2021-10-16');
    expect(first.authors).toEqual(['范存祥', '林志斌', '俞雅丽', '李志强', '徐思远', '杨星科', '聂瑞娥']);
    expect(first.summary).toBeNull();
    expect(first.guid).toBe(
      'http://xbkcflxb.alljournal.net/xbkcflxb/ch/reader/view_abstract.aspx?file_no=2021030&flag=1',
    );
    expect(item(feed.items, 1).authors).toEqual(['Stanislav K. KORB']);
    expect(feed.items.map((i) => i.publishedAt)).toEqual([
      '2021-10-16',
      '2021-11-09',
      '2021-11-09',
      '2021-11-09',
      '2021-11-09',
      '2021-11-09',
      '2021-11-18',
      '2021-12-03',
      '2021-12-10',
      '2021-12-18',
    ]);
  });
});

describe('the field that reads as the abstract', () => {
  it('Wiley (Atypon RSS 2.0): the abstract from dc:description, never the citation line in description', () => {
    const feed = parseFixture('wiley_taxon_atypon_rss2.xml');
    expect(feed.items).toHaveLength(2);
    const [early, issue] = feed.items;
    expect(early?.doi).toBe('10.1002/tax.12650');
    expect(early?.journal).toBe('TAXON');
    expect(early?.summary).toMatch(/^Leptospermum is an ecologically and economically important genus/);
    expect(early?.summary).toMatch(/in their current circumscription\.$/);
    expect(issue?.summary).toMatch(/^Derris has been one of the most complex genera/);
    for (const each of feed.items) expect(each.summary).not.toMatch(/TAXON, |EarlyView|Volume 70|^Abstract/);
  });

  it('the same abstract from content:encoded when dc:description is absent: the <h2>Abstract</h2> heading dropped', () => {
    const xml = fixture('wiley_taxon_atypon_rss2.xml').replace(
      /<dc:description>[\s\S]*?<\/dc:description>/g,
      '',
    );
    const [early] = parseFeed(xml, 'https://example.org/wiley').items;
    expect(early?.summary).toMatch(/^Leptospermum is an ecologically and economically important genus/);
  });

  it('Taylor & Francis: only citation lines ("Volume 56, Issue 3, …"), so no item has a summary; each keeps its DOI', () => {
    const feed = parseFixture('tandfonline_neotrop_fauna_citation_only.xml');
    expect(feed.items.length).toBeGreaterThan(90);
    expect(feed.items.filter((i) => i.summary !== null)).toEqual([]);
    expect(feed.items.every((i) => i.doi?.startsWith('10.1080/01650521.'))).toBe(true);
  });

  it('ScienceDirect: "Publication date… Source… Author(s)…" is not an abstract', () => {
    const feed = parseFixture('sciencedirect_mpe_rss2.xml');
    expect(feed.items).toHaveLength(3);
    expect(feed.items.map((i) => i.summary)).toEqual([null, null, null]);
  });

  it('a bare author list or a citation is not prose; a sentence, a German abstract and Chinese text are', () => {
    expect(readsAsProse('Rachel M. Binks, Margaret Heslewood, Peter G. Wilson, Margaret Byrne')).toBe(false);
    expect(readsAsProse('TAXON, Volume 70, Issue 6, Page 1352-1359, December 2021.')).toBe(false);
    expect(
      readsAsProse(
        'Inhibiting a protein associated with chronic inflammation improves lung health in mice with COVID-19.',
      ),
    ).toBe(true);
    expect(
      readsAsProse('Lediglich zwei Arten der Gattung Cephennium waren bislang aus der Türkei bekannt.'),
    ).toBe(true);
    expect(readsAsProse('本文记述了采自广州海珠的斯萤叶甲属一新种，并提供了鉴别特征和形态图。')).toBe(true);
  });
});

describe('parseFeed refusals', () => {
  it('an HTML page is a PermanentError that names the address and what came back, never quoting it', () => {
    const html =
      '<!DOCTYPE html>\n<html lang="en"><head><title>The Journal of Pediatrics</title></head><body><h1>Articles</h1></body></html>';
    const attempt = () => parseFeed(html, 'https://www.jpeds.com/');
    expect(attempt).toThrow(PermanentError);
    expect(attempt).toThrow('https://www.jpeds.com/ is not an RSS or Atom feed (it is an HTML page).');
    try {
      attempt();
    } catch (err) {
      expect((err as PermanentError).hint).toMatch(/RSS or Atom link/);
    }
  });

  it('other XML, plain text and an empty body are refused too', () => {
    expect(() => parseFeed('<?xml version="1.0"?><PubmedArticleSet/>', 'u')).toThrow(
      'u is not an RSS or Atom feed (it is XML of another kind).',
    );
    expect(() => parseFeed('INTERNAL-SECRET-42 hello', 'u')).toThrow(
      'u is not an RSS or Atom feed (it is plain text or another format).',
    );
    expect(() => parseFeed('', 'u')).toThrow('u is not an RSS or Atom feed (it is empty).');
  });
});

describe('feed field helpers', () => {
  it('dates: RFC 822 and ISO keep the written calendar day; odd formats are best effort; nonsense is null', () => {
    expect(partialDateFromText('Mon, 13 Dec 2021 06:00:00 -0500')).toBe('2021-12-13');
    expect(partialDateFromText('2021/10/16 9:23:28')).toBe('2021-10-16');
    expect(partialDateFromText('2018-12-17-08:00')).toBe('2018-12-17');
    expect(partialDateFromText('2021-06-30T00:00:00+00:00')).toBe('2021-06-30');
    expect(partialDateFromText('December 13, 2021')).toBe('2021-12-13');
    expect(partialDateFromText('Dec 2021')).toBe('2021-12');
    expect(partialDateFromText('2021')).toBe('2021');
    expect(partialDateFromText('2021/13/45')).toBeNull();
    expect(partialDateFromText('yesterday')).toBeNull();
    expect(partialDateFromText('')).toBeNull();
  });

  it('HTML to text: double escaping, numeric references, block elements as lines', () => {
    expect(htmlToText('&lt;p&gt;Müller &amp;amp; Kunze&lt;/p&gt;')).toBe('Müller & Kunze');
    expect(htmlToText('Qinghai&#8211;Tibet <i>Plateau</i><br/>next &beta;-cell &unknown;')).toBe(
      'Qinghai–Tibet Plateau\nnext β-cell &unknown;',
    );
    expect(htmlToText('P < 0.05 and n<sub>2</sub>')).toBe('P < 0.05 and n2');
  });

  it('authors: one string split on commas, "and", semicolons; surname-initial pairs kept together', () => {
    expect(splitAuthors(['A B, C D and E F'])).toEqual(['A B', 'C D', 'E F']);
    expect(splitAuthors(['Smith, J.; Jones, K. L.'])).toEqual(['Smith, J.', 'Jones, K. L.']);
    expect(splitAuthors(['Smith, J.'])).toEqual(['Smith, J.']);
    expect(splitAuthors(['One Person', 'Other Person', 'One Person'])).toEqual([
      'One Person',
      'Other Person',
    ]);
    expect(splitAuthors([])).toEqual([]);
  });

  it('DOIs in links: doi.org, publisher paths with a view suffix, no DOI', () => {
    expect(doiFromUrl('https://doi.org/10.1016/J.JPEDS.2018.08.009')).toBe('10.1016/j.jpeds.2018.08.009');
    expect(doiFromUrl('https://onlinelibrary.wiley.com/doi/full/10.1002/14651858.CD001290.pub2')).toBe(
      '10.1002/14651858.cd001290.pub2',
    );
    expect(doiFromUrl('https://example.org/doi/10.1111/jcpp.12345/abstract')).toBe('10.1111/jcpp.12345');
    expect(doiFromUrl('https://www.nature.com/articles/s41586-024-07811-4')).toBeNull();
    expect(doiFromUrl('not a url')).toBeNull();
  });
});

describe('feedItemToRecord', () => {
  it('a PubMed feed item becomes a record with ids, date and the summary as one unlabelled section', () => {
    const feed = parseFixture('pubmed_search_feed_2021-12-14.xml');
    const record = feedItemToRecord(item(feed.items, 0), feed.title);
    expect(record).not.toBeNull();
    expect(record?.title).toBe(
      'Exploring in-silico prediction for the development of a RT-qPCR-high resolution melting assay for the broad detection of emaraviruses',
    );
    expect(record?.ids).toEqual({ doi: '10.1016/j.jviromet.2021.114425', pmid: '34902460' });
    expect(record?.journal).toBe('Journal of virological methods');
    expect(record?.publishedAt).toBe('2021-12-13');
    expect(record?.sourceUrl).toMatch(/^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/34902460\//);
    expect(record?.abstract).toHaveLength(1);
    expect(record?.abstract[0]?.label).toBeNull();
    expect(record?.abstract[0]?.text).toMatch(/^High-resolution melting/);
  });

  it('falls back to the feed title as journal, cleaned; no summary gives no abstract; no title gives null', () => {
    const ijsem = parseFixture('ijsem_microbiology_society_latest.xml');
    expect(feedItemToRecord(item(ijsem.items, 0), ijsem.title)?.journal).toBe(
      'International Journal of Systematic and Evolutionary Microbiology',
    );
    const chinese = parseFixture('chinese_journal_rss_nonstandard_dates.xml');
    const record = feedItemToRecord(item(chinese.items, 0), chinese.title);
    expect(record?.journal).toBe('昆虫分类学报');
    expect(record?.abstract).toEqual([]);
    expect(feedItemToRecord({ ...item(chinese.items, 0), title: '  ' }, chinese.title)).toBeNull();
    expect(journalFromFeedTitle(null)).toBeNull();
  });
});
