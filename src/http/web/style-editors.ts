/** Styles for the editors' and admins' desk pages (my submissions, batch, submit errors, admin tables). */
export const EDITOR_CSS = `
/* --- editors and admins (i12-editors) --- */
tr.changed { background:#fffbe6; }
.badge.changed-badge { margin-left:.3rem; color:#6b4a00; border-color:var(--warn); }
.changes { font-weight:600; }
.field.invalid input, .field.invalid textarea { border:2px solid var(--fail); }
.field.invalid label { color:var(--fail); }
.tally ul { margin:.25rem 0 .5rem; padding-left:1.25rem; }
.admin-table td form { display:inline; margin:0 .25rem 0 0; }
.admin-table { margin:.5rem 0 1rem; }
form.inline-add { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin:.5rem 0 1rem; }
form.inline-add > div { min-width:10rem; }
.secret-once { font-family:ui-monospace,monospace; word-break:break-all; background:var(--soft); padding:.4rem .6rem; border-radius:4px; }
.status-ok { color:var(--pass); font-weight:600; } .status-bad { color:var(--fail); font-weight:600; } .status-wait { color:var(--warn); font-weight:600; }
`;
