/**
 * The desk's keyboard shortcuts and its guard for typed text, as one small
 * inline script (allowed by a per-request CSP nonce). j/k move through the
 * queue (or to the next / previous pending paper on a review page), a moves
 * to the Approve button (Enter then approves: one stray key never does), r
 * focuses the reject reason, e the first draft field. Keys typed into a
 * field are left alone. Typed text is never dropped silently: leaving the
 * page with unsaved edits asks first, and approving with unsaved edits offers
 * to save them as a new version and approve that version.
 */
export const SHORTCUTS = [
  ['j', 'next in the queue'],
  ['k', 'previous in the queue'],
  ['a', 'go to Approve (then Enter approves)'],
  ['r', 'reject (type the reason)'],
  ['e', 'edit the draft'],
] as const;

export const DESK_SCRIPT = `
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-href]'));
  var at = -1;
  var edit = document.getElementById('edit-form');
  var dirty = false;
  var leaving = false;
  if (edit) {
    var initial = new URLSearchParams(new FormData(edit)).toString();
    var check = function () { dirty = new URLSearchParams(new FormData(edit)).toString() !== initial; };
    edit.addEventListener('input', check);
    edit.addEventListener('change', check);
    edit.addEventListener('submit', function () { leaving = true; });
  }
  window.addEventListener('beforeunload', function (ev) {
    if (dirty && !leaving) { ev.preventDefault(); ev.returnValue = ''; }
  });
  var approve = document.getElementById('approve-form');
  if (approve && edit) {
    approve.addEventListener('submit', function (ev) {
      if (!dirty) { leaving = true; return; }
      ev.preventDefault();
      if (!window.confirm('You have unsaved edits. Save them as a new version and approve that version?')) return;
      document.getElementById('edit-then').value = 'approve';
      var note = document.getElementById('approve-note');
      document.getElementById('edit-note').value = note ? note.value : '';
      leaving = true;
      edit.submit();
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('.decisions form'), function (f) {
    if (f.id !== 'approve-form') f.addEventListener('submit', function (ev) {
      if (dirty && !window.confirm('You have unsaved edits to the draft. Decide without saving them?')) ev.preventDefault();
      else leaving = true;
    });
  });
  function select(i) {
    if (!rows.length) return;
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, n) { r.classList.toggle('selected', n === at); });
    var link = rows[at].querySelector('a');
    if (link) link.focus();
  }
  function go(id) {
    var a = document.getElementById(id);
    if (!a) return;
    if (dirty && !window.confirm('You have unsaved edits. Leave this page without saving them?')) return;
    leaving = true;
    window.location.href = a.href;
  }
  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var handled = true;
    if (ev.key === 'j') { if (rows.length) select(at + 1); else go('nav-next'); }
    else if (ev.key === 'k') { if (rows.length) select(at - 1); else go('nav-prev'); }
    else if (ev.key === 'a') { var b = document.getElementById('approve-button'); if (b && !b.disabled) { b.focus(); b.classList.add('armed'); } else handled = false; }
    else if (ev.key === 'r') { var r = document.getElementById('reject-reason'); if (r) r.focus(); else handled = false; }
    else if (ev.key === 'e') { var e = document.getElementById('field-headline'); if (e) e.focus(); else handled = false; }
    else handled = false;
    if (handled) ev.preventDefault();
  });
})();
`;
