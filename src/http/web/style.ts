/** The desk's one stylesheet: dense, readable, source beside draft, WCAG AA colours. */
export const DESK_CSS = `
:root { --text:#1b1b1f; --muted:#555; --line:#d8d8e0; --soft:#f5f6f9; --accent:#0a5bb5; --pass:#1a7f37; --warn:#9a6700; --fail:#b42318; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--text); background:#fff; }
a { color:var(--accent); }
header.top { display:flex; gap:1.25rem; align-items:center; padding:.6rem 1.25rem; border-bottom:1px solid var(--line); background:var(--soft); }
header.top .brand { font-weight:700; text-decoration:none; color:var(--text); }
header.top nav { display:flex; gap:1rem; flex:1; }
header.top form { margin:0; }
main { padding:1rem 1.25rem 3rem; max-width:1400px; margin:0 auto; }
h1 { font-size:1.35rem; margin:.25rem 0 .75rem; } h2 { font-size:1.05rem; margin:1.25rem 0 .5rem; } h3 { font-size:.95rem; margin:.75rem 0 .25rem; }
.muted { color:var(--muted); } .small { font-size:.85rem; }
.banner { padding:.6rem .9rem; border-radius:6px; margin:.5rem 0 1rem; border-left:4px solid; }
.banner.info { background:#eef5ff; border-color:var(--accent); } .banner.error { background:#fdecea; border-color:var(--fail); }
.banner.extractive, .banner.warn { background:#fff7e0; border-color:var(--warn); }
.badge { display:inline-block; padding:0 .45rem; border-radius:999px; font-size:.8rem; border:1px solid var(--line); background:#fff; white-space:nowrap; }
.badge.pass { color:var(--pass); border-color:var(--pass); } .badge.warn { color:var(--warn); border-color:var(--warn); } .badge.fail { color:var(--fail); border-color:var(--fail); }
.badge.extractive { background:#fff7e0; border-color:var(--warn); color:#6b4a00; }
.counts { display:flex; flex-wrap:wrap; gap:.5rem; margin:.5rem 0; padding:0; list-style:none; }
.counts a { text-decoration:none; } .counts .current { font-weight:700; }
form.filters { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin:.5rem 0 1rem; }
label { display:block; font-weight:600; font-size:.85rem; }
input[type=text], input[type=search], input[type=password], textarea, select { font:inherit; padding:.35rem .5rem; border:1px solid #9a9aa5; border-radius:4px; width:100%; }
textarea { resize:vertical; }
button { font:inherit; padding:.35rem .8rem; border-radius:4px; border:1px solid #6b6b75; background:#fff; cursor:pointer; }
button.primary { background:var(--accent); border-color:var(--accent); color:#fff; }
button:disabled, button[disabled] { background:#e9e9ec; border-color:#c8c8cc; color:#6b6b70; cursor:not-allowed; opacity:.8; } button.danger { border-color:var(--fail); color:var(--fail); }
table { border-collapse:collapse; width:100%; } th, td { text-align:left; padding:.4rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
tr.selected { background:#eef5ff; outline:2px solid var(--accent); }
.grid { display:grid; grid-template-columns:minmax(0,1fr) minmax(0,1.2fr); gap:1.5rem; }
@media (max-width: 900px) { .grid { grid-template-columns:1fr; } }
.panel { border:1px solid var(--line); border-radius:8px; padding:.75rem 1rem; }
.source dt { font-weight:600; } .source dd { margin:0 0 .4rem; }
.abstract p { margin:.35rem 0; } .abstract .label { font-weight:700; }
.field { margin:.6rem 0; }
.rating-row { display:grid; grid-template-columns:9rem 1fr; gap:.5rem; }
.decisions { display:grid; gap:.75rem; grid-template-columns:repeat(auto-fit,minmax(220px,1fr)); }
.decisions form { border:1px solid var(--line); border-radius:8px; padding:.6rem; }
/* The decision bar stays in view while the reviewer reads source and draft. */
.decision-bar { position:sticky; bottom:0; z-index:5; background:#fff; border-top:2px solid var(--line); padding:.25rem 0 .5rem; box-shadow:0 -6px 12px rgba(0,0,0,.06); }
.decision-bar h2 { margin:.25rem 0; font-size:1rem; }
.decision-bar form { display:flex; flex-wrap:wrap; align-items:flex-end; gap:.4rem; padding:.4rem .6rem; }
.decision-bar label { width:100%; margin:0; }
.decision-bar input, .decision-bar textarea { flex:1; min-width:8rem; margin:0; }
.decision-bar textarea { height:2.3rem; min-height:2.3rem; }
.decision-bar p { margin:0; }
ins { background:#dafbe1; text-decoration:none; } del { background:#ffebe9; }
.diff { white-space:pre-wrap; background:var(--soft); padding:.4rem .6rem; border-radius:4px; }
button kbd { color:var(--text); }
kbd { border:1px solid #999; border-bottom-width:2px; border-radius:3px; padding:0 .3rem; font-size:.8rem; background:#fff; }
button.armed { outline:3px solid var(--accent); outline-offset:2px; }
.warn { color:#8a5300; font-weight:600; }
.shortcuts { list-style:none; padding:0; display:flex; flex-wrap:wrap; gap:1rem; }
.login { max-width:420px; margin:3rem auto; }
.narrow { max-width:760px; }
.nowrap { white-space:nowrap; }
td.note { white-space:pre-line; }
tr[data-href] { cursor:pointer; } tr[data-href]:hover { background:var(--soft); }
.pager { display:flex; flex-wrap:wrap; gap:.75rem; align-items:center; margin:.75rem 0; }
.pager [aria-disabled] { color:var(--muted, #666); }
th a.sorted { font-weight:700; }
details.more-filters summary { cursor:pointer; }
tr.folded td { color:#555; font-style:italic; }
/* A refused save's typing, beside the current version (unsaved-edits.tsx). */
.unsaved { border-color:var(--warn); background:#fffbf0; margin:.5rem 0 1rem; } .unsaved pre.typed { white-space:pre-wrap; overflow-wrap:anywhere; font:inherit; background:#fff; border:1px solid var(--line); padding:.35rem .5rem; margin:.2rem 0 .35rem; }
.since-seen { margin:.5rem 0 1rem; }
`;

/*
 * Phone, keyboard and team work (issue 12): every page fits 390 px (tables
 * become stacked cards, the header wraps), the sticky decision bar stays
 * compact and never hides the focused field, textareas grow with their text,
 * a skip link, the live region, claims and the bulk action bar.
 */
export const TEAM_CSS = `
html { scroll-padding-bottom: 6rem; }
.skip-link { position:absolute; left:-999px; top:0; z-index:20; background:#fff; padding:.5rem .8rem; border:2px solid var(--accent); }
.skip-link:focus { left:.5rem; top:.5rem; }
main:focus { outline:none; }
.visually-hidden { position:absolute; width:1px; height:1px; margin:-1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; border:0; }
header.top { flex-wrap:wrap; row-gap:.4rem; }
header.top nav { flex-wrap:wrap; row-gap:.25rem; min-width:0; }
textarea { field-sizing:content; min-height:2.6rem; max-height:70vh; }
input[type=checkbox] { width:auto; }
img, pre, .diff { max-width:100%; } pre, .diff { overflow-x:auto; }
/* Cells break between words only ('anywhere' let a squeezed column break "Grade" into letters); long tokens still may. */
td, th { overflow-wrap:break-word; } dd, .field, .banner, .diff, td .token, td code { overflow-wrap:anywhere; }
form.inline { display:inline; margin:0; }
.inline-label { display:inline; font-weight:normal; }
.banner.claim { background:#eef5ff; border-color:var(--accent); } .banner.claim.taken { background:#fff7e0; border-color:var(--warn); }
.badge.claim { border-color:var(--accent); color:var(--accent); }
.claim-badge { margin-top:.2rem; }
td.pick, th.pick { width:3.2rem; white-space:nowrap; }
.bulk-bar { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; padding:.5rem .6rem; margin:.5rem 0; border:1px solid var(--line); border-radius:8px; background:var(--soft); }
.bulk-bar .bulk-text { flex:1; min-width:12rem; }
.bulk-bar #bulk-count { width:100%; }
.decision-bar { max-height:45vh; overflow-y:auto; }
.decision-bar .decisions { gap:.4rem; }
.decision-bar form { padding:.3rem .5rem; }
.decision-bar textarea { height:auto; min-height:2.3rem; max-height:8rem; }
.decision-bar form { align-content:flex-start; }
.decision-bar h2, .decision-bar #decision-version { display:inline-block; margin:.2rem .75rem .2rem 0; }
.decision-bar .warn { font-size:.85rem; }
@media (max-width: 700px) {
  header.top { padding:.5rem .75rem; gap:.5rem 1rem; }
  header.top .brand, header.top nav { flex-basis:100%; }
  header.top nav { gap:.3rem 1rem; }
  main { padding:.75rem .75rem 2rem; }
  .rating-row { grid-template-columns:1fr; }
  .decisions { grid-template-columns:1fr; }
  /* On a phone a sticky bar would take half the screen: it sits where it is in the page. */
  .decision-bar { position:static; max-height:none; box-shadow:none; }
  html { scroll-padding-bottom:1rem; }
  table.stack thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display:block; width:100%; }
  table.stack tr { border:1px solid var(--line); border-radius:8px; margin:0 0 .6rem; padding:.3rem .5rem; }
  table.stack td { border:0; padding:.15rem 0; }
  table.stack td[data-label]::before { content:attr(data-label) ": "; font-weight:600; font-size:.8rem; color:var(--muted); }
  table.stack td.pick { width:auto; }
  .trail th, .trail td, #provenance th, #provenance td { display:block; width:100%; border:0; padding:.1rem 0; }
  .trail tr, #provenance tr { display:block; border-bottom:1px solid var(--line); padding:.3rem 0; }
  .trail thead { display:none; }
  .nowrap { white-space:normal; }
}
`;
