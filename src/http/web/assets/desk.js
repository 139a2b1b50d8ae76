/**
 * The desk's keyboard shortcuts and its guard for typed text, as one small
 * script file (./bundles.ts; allowed by a per-request CSP nonce). j/k move through the
 * queue (or to the next / previous pending paper on a review page), a moves
 * to the Approve button (Enter then approves: one stray key never does), r
 * focuses the reject reason, e the first draft field. Keys typed into a
 * field are left alone, and the shortcuts can be switched off (kept in
 * localStorage). Typed text is never dropped silently: leaving the page with
 * unsaved edits asks first, and approving with unsaved edits offers to save
 * them as a new version and approve that version.
 *
 * A refused save never leaves typing under a newer version's buttons: the
 * server shows the current version and puts the typing in #unsaved-edits,
 * whose buttons put it back into the form (unsaved again) or discard it; a
 * form rendered with typing still in it (data-saved on those fields) counts as
 * unsaved from the start, so Approve asks to save it first.
 *
 * Also: claim forms sent with fetch and the notice swapped in place, an open
 * review page told when someone takes its paper over, both announced in the
 * live region; the queue's bulk checkboxes; textareas that grow with their
 * text where CSS field-sizing is missing; and a focused field is never left
 * under the sticky decision bar (WCAG 2.4.11).
 *
 * Decisions on a review page (approve, reject, request changes, publish,
 * unpublish, reopen, retry) are sent with fetch as well: the page the server
 * answers with (after its 303, or a refusal with the message) replaces the
 * current <main>, the address is replaced by the final one, the banner is
 * announced in the live region and focused, and the bindings below run again
 * on the new <main> (init); document-level listeners are added once only.
 * Without script the forms post and reload as before.
 */
(() => {
  var live = document.getElementById('live');
  function announce(text) {
    if (!live || !text) return;
    live.textContent = '';
    window.setTimeout(() => {
      live.textContent = text.replace(/\s+/g, ' ').trim();
    }, 50);
  }
  function each(root, sel, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(sel), fn);
  }
  function byId(root, id) {
    return root.querySelector('#' + id);
  }
  var store = null;
  try {
    store = window.localStorage;
  } catch (_unavailable) {
    store = null;
  }
  var keysOn = !store || store.getItem('laysum.shortcuts') !== 'off';
  var growable = !(window.CSS && CSS.supports && CSS.supports('field-sizing', 'content'));
  function grow(t) {
    t.style.height = 'auto';
    t.style.height = t.scrollHeight + 2 + 'px';
  }
  // Per-page state, set again by init each time a new <main> comes in.
  var bar = null;
  var edit = null;
  var rows = [];
  var at = -1;
  var dirty = false;
  var leaving = false;
  var renewed = Date.now();
  function keepVisible(el) {
    if (!bar || !el || bar.contains(el) || !el.getBoundingClientRect) return;
    var r = el.getBoundingClientRect();
    var top = bar.getBoundingClientRect().top;
    if (r.bottom > top - 8) window.scrollBy(0, r.bottom - top + 16);
  }
  function pad() {
    document.documentElement.style.scrollPaddingBottom = bar ? bar.offsetHeight + 16 + 'px' : '';
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
    each(root, 'form[data-fetch]', (f) => {
      f.addEventListener('submit', (ev) => {
        if (!window.fetch) return;
        ev.preventDefault();
        fetch(f.action, {
          method: 'POST',
          body: new URLSearchParams(new FormData(f)),
          headers: { accept: 'application/json' },
          credentials: 'same-origin',
        })
          .then((r) => r.json().then((d) => ({ ok: r.ok, d: d })))
          .then((x) => {
            if (x.ok) {
              swapNotice(x.d);
              announce(x.d.message);
            } else announce(x.d.error + ' ' + (x.d.hint || ''));
          })
          .catch(() => {
            f.submit();
          });
      });
    });
  }
  function checkClaim() {
    var current = document.getElementById('claim-notice');
    if (!current || !window.fetch) return;
    fetch(window.location.pathname + '/claim', {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then((r) => (r.ok ? r.json() : null))
      .then((d) => {
        if (!d) return;
        var before = current.getAttribute('data-claim-by') || '';
        var after = d.by || '';
        if (before === after) return;
        swapNotice(d);
        announce(
          after ? 'This paper is now claimed by ' + after + '.' : 'Nobody holds a claim on this paper now.',
        );
      })
      .catch(() => {});
  }
  // A decision sent with fetch: the answered page's <main> takes the place of this one.
  var deciding = false;
  function decide(f) {
    deciding = true;
    var kept = {};
    each(f, 'textarea[id], input[type=text][id]', (t) => {
      kept[t.id] = t.value;
    });
    var busy = f.querySelector('button[type=submit]');
    if (busy) busy.disabled = true;
    fetch(f.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(f)),
      headers: { accept: 'text/html' },
      credentials: 'same-origin',
    })
      .then((r) => r.text().then((t) => ({ r: r, t: t })))
      .then((x) => {
        var doc = new DOMParser().parseFromString(x.t, 'text/html');
        var fresh = doc.querySelector('main');
        var old = document.querySelector('main');
        if (!fresh || !old) {
          leaving = true;
          f.submit();
          return;
        }
        var next = document.importNode(fresh, true);
        // A refusal keeps what the reviewer typed into the form they sent.
        if (!x.r.ok)
          Object.keys(kept).forEach((id) => {
            var t = byId(next, id);
            if (t && !t.value) t.value = kept[id];
          });
        old.replaceWith(next);
        if (doc.title) document.title = doc.title;
        if (window.history && history.replaceState)
          history.replaceState(null, '', x.r.redirected ? x.r.url : window.location.pathname);
        init(next);
        var banner = next.querySelector(':scope > .banner');
        var target = banner || next.querySelector('h1') || next;
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus();
        if (banner) announce(banner.textContent);
        deciding = false;
      })
      .catch(() => {
        deciding = false;
        leaving = true;
        f.submit();
      });
  }
  // Typing refused on an older version waits in #unsaved-edits: put back into the form, or discarded.
  function bindUnsaved(root, form, changed) {
    var panel = byId(root, 'unsaved-edits');
    if (!panel) return;
    function apply(b) {
      var field = form.querySelector('[name="' + b.getAttribute('data-apply') + '"]');
      if (!field || field.readOnly || field.disabled) return false;
      field.value = b.getAttribute('data-value') || '';
      if (growable && field.tagName === 'TEXTAREA') grow(field);
      b.disabled = true;
      b.textContent = 'Put back in the form';
      return true;
    }
    var buttons = Array.prototype.slice.call(panel.querySelectorAll('button[data-apply]'));
    buttons.forEach((b) => {
      b.hidden = false;
      b.addEventListener('click', () => {
        if (apply(b)) {
          changed();
          announce('Your text is back in the form, not saved yet.');
        }
      });
    });
    var all = byId(panel, 'unsaved-apply-all');
    if (all) {
      all.hidden = false;
      all.addEventListener('click', () => {
        buttons.forEach(apply);
        changed();
        announce('All your text is back in the form, not saved yet.');
      });
    }
    var discard = byId(panel, 'unsaved-discard');
    if (discard) {
      discard.hidden = false;
      discard.addEventListener('click', () => {
        panel.remove();
        announce('Your unsaved edits were discarded.');
      });
    }
  }
  function init(root) {
    var toggle = byId(root, 'shortcuts-on');
    if (toggle) {
      toggle.checked = keysOn;
      toggle.addEventListener('change', () => {
        keysOn = toggle.checked;
        if (store) {
          if (keysOn) store.removeItem('laysum.shortcuts');
          else store.setItem('laysum.shortcuts', 'off');
        }
        announce(keysOn ? 'Keyboard shortcuts are on.' : 'Keyboard shortcuts are off.');
      });
    }
    if (growable)
      each(root, 'textarea', (t) => {
        grow(t);
        t.addEventListener('input', () => {
          grow(t);
        });
      });
    bar = document.querySelector('.decision-bar');
    pad();
    bindClaimForms(root);
    var all = byId(root, 'bulk-all');
    var picks = Array.prototype.slice.call(root.querySelectorAll('.bulk-pick'));
    var count = byId(root, 'bulk-count');
    function counted() {
      var n = picks.filter((p) => p.checked).length;
      if (count) count.textContent = n ? n + ' selected' : 'Tick papers below to decide on several at once.';
      return n;
    }
    picks.forEach((p) => {
      p.addEventListener('change', counted);
    });
    if (all)
      all.addEventListener('change', () => {
        picks.forEach((p) => {
          p.checked = all.checked;
        });
        counted();
      });
    var bulk = byId(root, 'bulk-form');
    if (bulk)
      bulk.addEventListener('submit', (ev) => {
        if (counted() === 0) {
          ev.preventDefault();
          announce('Tick at least one paper first.');
        }
      });
    // On a review page j/k go to the next/previous pending paper, never through its History rows.
    rows = document.getElementById('paper-state')
      ? []
      : Array.prototype.slice.call(document.querySelectorAll('tr[data-href]'));
    at = -1;
    edit = document.getElementById('edit-form');
    dirty = false;
    leaving = false;
    if (edit) {
      var form = edit;
      // The stored version's text: fields showing a refused save's typing carry it in data-saved.
      var stored = new FormData(form);
      each(form, '[data-saved]', (el) => {
        stored.set(el.name, el.getAttribute('data-saved'));
      });
      var initial = new URLSearchParams(stored).toString();
      var changed = () => {
        dirty = new URLSearchParams(new FormData(form)).toString() !== initial;
      };
      changed();
      form.addEventListener('input', changed);
      form.addEventListener('change', changed);
      bindUnsaved(root, form, changed);
      form.addEventListener('submit', () => {
        leaving = true;
      });
      // Typing in the draft renews one's own claim (at most once a minute), so it lapses only when the page is left idle.
      var csrfField = form.querySelector('input[name=_csrf]');
      if (csrfField && window.fetch)
        form.addEventListener('input', () => {
          var mineNow = document.querySelector('#claim-notice [id=release-button]');
          if (!mineNow || Date.now() - renewed < 60000 /* renew a claim at most once a minute */) return;
          renewed = Date.now();
          fetch(window.location.pathname + '/claim', {
            method: 'POST',
            body: new URLSearchParams({ _csrf: csrfField.value }),
            headers: { accept: 'application/json' },
            credentials: 'same-origin',
          })
            .then((r) => (r.ok ? r.json() : null))
            .then((d) => {
              if (d) {
                swapNotice(d);
                announce(d.message);
              }
            })
            .catch(() => {});
        });
    }
    var approve = byId(root, 'approve-form');
    if (approve && edit) {
      approve.addEventListener('submit', (ev) => {
        if (!dirty) {
          if (window.fetch && window.DOMParser) {
            ev.preventDefault();
            decide(approve);
          } else leaving = true;
          return;
        }
        ev.preventDefault();
        if (!window.confirm('You have unsaved edits. Save them as a new version and approve that version?'))
          return;
        document.getElementById('edit-then').value = 'approve';
        var note = document.getElementById('approve-note');
        document.getElementById('edit-note').value = note ? note.value : '';
        leaving = true;
        edit.submit();
      });
    }
    each(root, '.decisions form', (f) => {
      if (f === approve && edit) return;
      f.addEventListener('submit', (ev) => {
        if (dirty && !window.confirm('You have unsaved edits to the draft. Decide without saving them?')) {
          ev.preventDefault();
          return;
        }
        if (window.fetch && window.DOMParser) {
          ev.preventDefault();
          decide(f);
        } else leaving = true;
      });
    });
  }
  // Document-level listeners, added once; they read the state init keeps current.
  window.addEventListener('resize', pad);
  document.addEventListener('focusin', (ev) => {
    keepVisible(ev.target);
  });
  if (window.fetch) {
    window.setInterval(checkClaim, 30000 /* ask whether the claim changed every 30 s */);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) checkClaim();
    });
    window.addEventListener('focus', checkClaim);
  }
  window.addEventListener('beforeunload', (ev) => {
    if (dirty && !leaving) {
      ev.preventDefault();
      ev.returnValue = '';
    }
  });
  function select(i) {
    if (!rows.length) return;
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, n) => {
      r.classList.toggle('selected', n === at);
    });
    var link = rows[at].querySelector('a');
    if (link) link.focus();
  }
  function go(id) {
    var a = document.getElementById(id);
    if (!a) {
      announce(id === 'nav-next' ? 'No next pending paper.' : 'No previous pending paper.');
      return;
    }
    if (dirty && !window.confirm('You have unsaved edits. Leave this page without saving them?')) return;
    leaving = true;
    window.location.href = a.href;
  }
  document.addEventListener('keydown', (ev) => {
    var t = ev.target;
    if (!keysOn || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var handled = true;
    if (ev.key === 'j') {
      if (rows.length) select(at + 1);
      else go('nav-next');
    } else if (ev.key === 'k') {
      if (rows.length) select(at - 1);
      else go('nav-prev');
    } else if (ev.key === 'a') {
      var b = document.getElementById('approve-button');
      if (b && !b.disabled) {
        b.focus();
        b.classList.add('armed');
      } else handled = false;
    } else if (ev.key === 'r') {
      var r = document.getElementById('reject-reason');
      if (r) r.focus();
      else handled = false;
    } else if (ev.key === 'e') {
      var e = document.getElementById('field-headline');
      if (e) e.focus();
      else handled = false;
    } else handled = false;
    if (handled) ev.preventDefault();
  });
  init(document);
  // For the live updates (./live.js): re-bind a swapped-in <main>, and whether typing would be lost.
  window.laysumDesk = {
    init: init,
    dirty: () => dirty,
    deciding: () => deciding,
    announce: announce,
    claim: checkClaim,
  };
  // A page that a decision or a refusal landed on says so out loud, not only on screen.
  var landed = document.querySelector('main > .banner');
  if (landed) announce(landed.textContent);
  // After Save the reviewer is still at the draft, not thrown back to the top of the page.
  var saved =
    /[?&]done=saved(&|$)/.test(window.location.search) &&
    document.querySelector('#edit-form button[type=submit]');
  if (saved) saved.focus();
})();
