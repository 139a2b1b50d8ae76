/** Sentence links on the review page (./sentence-links.tsx): highlighted source sentences, draft sentences, unsupported marks. */
export const LINKS_CSS = `
.draft-column { min-width:0; display:flex; flex-direction:column; gap:1rem; }
.sentence-links > summary { cursor:pointer; }
.sentence-links .badge { margin-left:.4rem; }
.link-list { list-style:none; padding:0; margin:.25rem 0 .5rem; }
.link { border-left:3px solid var(--line); margin:.25rem 0; padding:.1rem 0 .1rem .5rem; }
.link summary { cursor:pointer; list-style:none; border-radius:4px; padding:.15rem .3rem; }
.link summary::-webkit-details-marker { display:none; }
.link summary:focus-visible { outline:3px solid var(--accent); outline-offset:1px; }
.link.selected summary { background:#eef5ff; }
.link.unsupported { border-left:3px dashed var(--fail); }
.link.flagged { border-left-color:var(--warn); }
.badge.no-support { color:var(--fail); border-color:var(--fail); font-weight:600; }
.badge.verdict { color:#6b4a00; border-color:var(--warn); }
.badge.verdict.supported { color:var(--pass); border-color:var(--pass); }
.link-sources { margin:.2rem 0 .4rem .3rem; padding:.3rem .5rem; background:var(--soft); border-radius:4px; }
.link-sources p { margin:.15rem 0; }
.link-source-list { margin:.2rem 0; padding-left:1rem; }
.link-source-list .src-id { font-weight:600; }
.no-support-text { color:var(--fail); font-weight:600; }
.src-s.linked { background:#fff1a8; outline:2px solid #9a6700; border-radius:2px; }
.src-s.nearest { outline:2px dashed var(--fail); border-radius:2px; }
.src-s.linked::before, .src-s.nearest::before { content:"S" attr(data-source-id) " "; font-weight:700; font-size:.8rem; }
`;
