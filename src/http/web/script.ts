/**
 * The desk's keyboard shortcuts and its guard for typed text, as one small
 * inline script (allowed by a per-request CSP nonce). j/k move through the
 * queue (or to the next / previous pending paper on a review page), a moves
 * to the Approve button (Enter then approves: one stray key never does), r
 * focuses the reject reason, e the first draft field. Keys typed into a
 * field are left alone, and the shortcuts can be switched off (kept in
 * localStorage). Typed text is never dropped silently: leaving the page with
 * unsaved edits asks first, and approving with unsaved edits offers to save
 * them as a new version and approve that version.
 *
 * Also: claim forms sent with fetch and the notice swapped in place, an open
 * review page told when someone takes its paper over, both announced in the
 * live region; the queue's bulk checkboxes; textareas that grow with their
 * text where CSS field-sizing is missing; and a focused field is never left
 * under the sticky decision bar (WCAG 2.4.11).
 */
const CLAIM_POLL_MS = 30_000;
const RENEW_EVERY_MS = 60_000;

export const DESK_SCRIPT = `
(function () {
  var live = document.getElementById('live');
  function announce(text) {
    if (!live || !text) return;
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 50);
  }
  // A page that a decision or a refusal landed on says so out loud, not only on screen.
  var landed = document.querySelector('main > .banner');
  if (landed) announce(landed.textContent);
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }
  var keysOn = !store || store.getItem('laysum.shortcuts') !== 'off';
  var toggle = document.getElementById('shortcuts-on');
  if (toggle) {
    toggle.checked = keysOn;
    toggle.addEventListener('change', function () {
      keysOn = toggle.checked;
      if (store) { if (keysOn) store.removeItem('laysum.shortcuts'); else store.setItem('laysum.shortcuts', 'off'); }
      announce(keysOn ? 'Keyboard shortcuts are on.' : 'Keyboard shortcuts are off.');
    });
  }
  function grow(t) { t.style.height = 'auto'; t.style.height = (t.scrollHeight + 2) + 'px'; }
  if (!(window.CSS && CSS.supports && CSS.supports('field-sizing', 'content'))) {
    Array.prototype.forEach.call(document.querySelectorAll('textarea'), function (t) {
      grow(t);
      t.addEventListener('input', function () { grow(t); });
    });
  }
  var bar = document.querySelector('.decision-bar');
  function keepVisible(el) {
    if (!bar || !el || bar.contains(el) || !el.getBoundingClientRect) return;
    var r = el.getBoundingClientRect();
    var top = bar.getBoundingClientRect().top;
    if (r.bottom > top - 8) window.scrollBy(0, r.bottom - top + 16);
  }
  if (bar) {
    var pad = function () { document.documentElement.style.scrollPaddingBottom = (bar.offsetHeight + 16) + 'px'; };
    pad();
    window.addEventListener('resize', pad);
    document.addEventListener('focusin', function (ev) { keepVisible(ev.target); });
  }
  function swapNotice(data) {
    var old = document.getElementById('claim-notice');
    if (!old || typeof data.notice !== 'string') return;
    var box = document.createElement('div');
    box.innerHTML = data.notice;
    var fresh = box.firstElementChild;
    if (!fresh) return;
    old.replaceWith(fresh);
    bindClaimForms(fresh);
  }
  function bindClaimForms(root) {
    Array.prototype.forEach.call(root.querySelectorAll('form[data-fetch]'), function (f) {
      f.addEventListener('submit', function (ev) {
        if (!window.fetch) return;
        ev.preventDefault();
        fetch(f.action, { method: 'POST', body: new URLSearchParams(new FormData(f)), headers: { accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); })
          .then(function (x) { if (x.ok) { swapNotice(x.d); announce(x.d.message); } else announce(x.d.error + ' ' + (x.d.hint || '')); })
          .catch(function () { f.submit(); });
      });
    });
  }
  bindClaimForms(document);
  var notice = document.getElementById('claim-notice');
  if (notice && window.fetch) {
    var check = function () {
      var current = document.getElementById('claim-notice');
      if (!current) return;
      fetch(window.location.pathname + '/claim', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (!d) return;
          var before = current.getAttribute('data-claim-by') || '';
          var after = d.by || '';
          if (before === after) return;
          swapNotice(d);
          announce(after ? 'This paper is now claimed by ' + after + '.' : 'Nobody holds a claim on this paper now.');
        })
        .catch(function () {});
    };
    window.setInterval(check, ${CLAIM_POLL_MS});
    // Typing in the draft renews one's own claim (at most once a minute), so it lapses only when the page is left idle.
    var renewed = Date.now();
    var csrfField = edit ? edit.querySelector('input[name=_csrf]') : null;
    if (edit && csrfField) edit.addEventListener('input', function () {
      var mineNow = document.querySelector('#claim-notice [id=release-button]');
      if (!mineNow || Date.now() - renewed < ${RENEW_EVERY_MS}) return;
      renewed = Date.now();
      fetch(window.location.pathname + '/claim', { method: 'POST', body: new URLSearchParams({ _csrf: csrfField.value }), headers: { accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) { if (d) { swapNotice(d); announce(d.message); } })
        .catch(function () {});
    });
    document.addEventListener('visibilitychange', function () { if (!document.hidden) check(); });
    window.addEventListener('focus', check);
  }
  var all = document.getElementById('bulk-all');
  var picks = Array.prototype.slice.call(document.querySelectorAll('.bulk-pick'));
  var count = document.getElementById('bulk-count');
  function counted() {
    var n = picks.filter(function (p) { return p.checked; }).length;
    if (count) count.textContent = n ? n + ' selected' : 'Tick papers below to decide on several at once.';
    return n;
  }
  picks.forEach(function (p) { p.addEventListener('change', counted); });
  if (all) all.addEventListener('change', function () { picks.forEach(function (p) { p.checked = all.checked; }); counted(); });
  var bulk = document.getElementById('bulk-form');
  if (bulk) bulk.addEventListener('submit', function (ev) {
    if (counted() === 0) { ev.preventDefault(); announce('Tick at least one paper first.'); }
  });
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
    if (!keysOn || ev.ctrlKey || ev.metaKey || ev.altKey) return;
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
