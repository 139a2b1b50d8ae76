import { html } from 'hono/html';
import { describe, expect, it } from 'vitest';
import { renderSiteDocument } from '../../../src/http/site/views/layout.tsx';
import { serverLinks } from '../../../src/publish/links.ts';
import { DEFAULT_SITE } from '../../../src/publish/site-identity.ts';

const markup = `<a href="x" title='y'>&</a>`;
const escaped = '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;';

describe('the public document frame', () => {
  const page = renderSiteDocument({
    title: markup,
    description: markup,
    canonical: 'https://example.org/',
    links: serverLinks('https://example.org'),
    site: { ...DEFAULT_SITE, about: markup },
    disclaimer: markup,
    kind: 'website',
    children: html`<p><b>${'<i>'}</b>${['<', 1, null, false]}</p>`,
  });

  it('escapes text and attribute values, and keeps markup built by the views', () => {
    expect(page).toContain(`<title>${escaped}</title>`);
    expect(page).toContain(`<meta name="description" content="${escaped}">`);
    expect(page).toContain(`<p class="about">${escaped}</p>`);
    expect(page).toContain(`<p class="disclaimer">${escaped}</p>`);
    expect(page).toContain('<p><b>&lt;i&gt;</b>&lt;1</p>');
    expect(page).not.toContain(markup);
  });
});
