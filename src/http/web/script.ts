/**
 * The desk's keyboard shortcuts, as one small inline script (allowed by a
 * per-request CSP nonce). j/k move through the queue (or to the next /
 * previous pending paper on a review page), a approves, r focuses the
 * reject reason, e focuses the first draft field. Keys typed into a field
 * are left alone.
 */
export const SHORTCUTS = [
  ['j', 'next in the queue'],
  ['k', 'previous in the queue'],
  ['a', 'approve'],
  ['r', 'reject (type the reason)'],
  ['e', 'edit the draft'],
] as const;

export const DESK_SCRIPT = `
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-href]'));
  var at = -1;
  function select(i) {
    if (!rows.length) return;
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, n) { r.classList.toggle('selected', n === at); });
    var link = rows[at].querySelector('a');
    if (link) link.focus();
  }
  function go(id) { var a = document.getElementById(id); if (a) window.location.href = a.href; }
  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var handled = true;
    if (ev.key === 'j') { if (rows.length) select(at + 1); else go('nav-next'); }
    else if (ev.key === 'k') { if (rows.length) select(at - 1); else go('nav-prev'); }
    else if (ev.key === 'a') { var f = document.getElementById('approve-form'); if (f) f.requestSubmit(); else handled = false; }
    else if (ev.key === 'r') { var r = document.getElementById('reject-reason'); if (r) r.focus(); else handled = false; }
    else if (ev.key === 'e') { var e = document.getElementById('field-headline'); if (e) e.focus(); else handled = false; }
    else handled = false;
    if (handled) ev.preventDefault();
  });
})();
`;
