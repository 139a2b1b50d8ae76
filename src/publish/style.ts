/** The published pages' one small stylesheet: system fonts, a readable measure, WCAG AA contrast. */
export const STYLESHEET = `
:root { color-scheme: light; --text: #1b1b1f; --muted: #4a4a55; --accent: #0a5bb5; --line: #dcdce3; --soft: #f4f6fa; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--text);
  font: 1.0625rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.site-header, main, .site-footer { max-width: 720px; margin: 0 auto; padding: 0 1.25rem; }
.site-header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .5rem;
  padding-top: 1rem; padding-bottom: 1rem; border-bottom: 1px solid var(--line); }
.site-name { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--text); }
.site-header nav a { margin-left: 1rem; font-size: .95rem; }
h1 { font-size: 2rem; line-height: 1.25; margin: 1.5rem 0 .75rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
.meta { color: var(--muted); font-size: .95rem; }
.notice { background: #fff7e0; border-left: 4px solid #b7791f; padding: .75rem 1rem; margin: 1rem 0; }
.ratings { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 1rem; margin: 1rem 0; }
.rating { background: var(--soft); border-radius: 8px; padding: .75rem 1rem; }
.rating h2 { font-size: 1rem; margin: 0; }
.dots { color: var(--accent); letter-spacing: .15em; }
.score { font-weight: 700; margin-left: .35rem; }
.rating p { margin: .35rem 0 0; font-size: .95rem; }
.takeaway { font-size: 1.15rem; }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.tags a { display: inline-block; padding: .15rem .7rem; border: 1px solid var(--line); border-radius: 999px;
  text-decoration: none; background: var(--soft); font-size: .95rem; }
.tags .count { color: var(--muted); }
.source dt { font-weight: 600; }
.source dd { margin: 0 0 .5rem; }
.cards { list-style: none; padding: 0; display: grid; gap: 1rem; }
.search { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: 1rem 0 0; }
.search label { flex-basis: 100%; font-weight: 600; font-size: .9rem; }
.search input { flex: 1; min-width: 10rem; padding: .4rem .5rem; font: inherit; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
.card h2 { font-size: 1.2rem; margin: 0 0 .25rem; }
.card h3 { margin: 0 0 .25rem; }
.card p { margin: .35rem 0; }
.site-footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); }
.site-footer h2 { font-size: 1.05rem; color: var(--text); }
.pager { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1.5rem 0; }
`;
