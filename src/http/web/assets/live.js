/**
 * The browser side of the live desk (../routes/live.ts): a review page and the queue
 * listen to their event stream and bring themselves up to date without a
 * reload. When nothing would be lost (no typing, no ticked rows, no field in
 * use) the page fetches itself and swaps its <main> whole (the same way a
 * decision's answer is swapped in, bindings re-run by the desk script), with a
 * notice on top saying what changed: the decision buttons arrive together with
 * the version they name, so a button never names a version the page is not
 * showing. When the reviewer is in the middle of something the page is left
 * as it is and a notice says what changed and how to see it (their typing is
 * never swapped away; deciding on the older version is refused by the server
 * and shows the newer one with their typing beside it). A claim change only
 * swaps the claim notice. Without EventSource the page stays as it is. Only
 * a tab in view listens (browsers allow few connections per server).
 */
(() => {
  if (!window.EventSource || !window.fetch || !window.DOMParser) return;
  var desk = window.laysumDesk || null;
  var path = window.location.pathname;
  var onPaper = /^\/desk\/papers\/[^/]+$/.test(path);
  if (!onPaper && path !== '/desk') return;
  var busy = false;
  var source = null;
  function main() {
    return document.querySelector('main');
  }
  function say(text) {
    if (desk) desk.announce(text);
  }
  // Would swapping the page lose or disturb something the reviewer is doing?
  function inUse() {
    if (busy || (desk && desk.dirty()) || document.getElementById('unsaved-edits')) return true;
    var m = main();
    if (!m) return true;
    var a = document.activeElement;
    if (a && m.contains(a) && /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName)) return true;
    var fields = m.querySelectorAll('textarea, input[type=text], input[type=search]');
    for (var i = 0; i < fields.length; i++) if (fields[i].value !== fields[i].defaultValue) return true;
    return m.querySelector('input.bulk-pick:checked') !== null;
  }
  function notice(kind, text, reload) {
    var m = main();
    if (!m) return;
    var box = document.getElementById('live-notice');
    if (!box) {
      box = document.createElement('div');
      box.id = 'live-notice';
      box.setAttribute('role', 'status');
      m.insertBefore(box, m.firstChild);
    }
    box.className = 'banner ' + kind;
    box.textContent = '';
    var strong = document.createElement('strong');
    strong.textContent = text;
    box.appendChild(strong);
    if (reload) {
      var b = document.createElement('button');
      b.type = 'button';
      b.id = 'live-reload';
      b.textContent = 'Show the current state';
      b.addEventListener('click', () => {
        window.location.reload();
      });
      box.appendChild(document.createTextNode(' '));
      box.appendChild(b);
    }
    say(text);
  }
  function refresh(changed, held) {
    if (inUse()) {
      notice('warn', held, true);
      return;
    }
    busy = true;
    fetch(path + window.location.search, {
      headers: { accept: 'text/html', 'x-laysum-live': '1' },
      credentials: 'same-origin',
    })
      .then((r) => (r.ok ? r.text() : null))
      .then((t) => {
        busy = false;
        if (!t) return;
        if (inUse()) {
          notice('warn', held, true);
          return;
        }
        var doc = new DOMParser().parseFromString(t, 'text/html');
        var fresh = doc.querySelector('main');
        var old = main();
        if (!fresh || !old) return;
        var next = document.importNode(fresh, true);
        old.replaceWith(next);
        if (doc.title) document.title = doc.title;
        if (desk) desk.init(next);
        notice('info', changed, false);
        if (!onPaper) listen();
      })
      .catch(() => {
        busy = false;
      });
  }
  function onPaperEvent(d) {
    var badge = document.getElementById('paper-state');
    if (!d || !badge) return;
    // The reviewer's own decision is on its way back: compare with the page it brings.
    if (desk && desk.deciding()) {
      window.setTimeout(() => {
        onPaperEvent(d);
      }, 300);
      return;
    }
    var shownVersion = Number(badge.getAttribute('data-version'));
    var claim = document.getElementById('claim-notice');
    if (claim && desk && (claim.getAttribute('data-claim-by') || '') !== d.claimBy) desk.claim();
    if (d.state === badge.getAttribute('data-state') && d.version === shownVersion) return;
    var what =
      d.version !== shownVersion
        ? 'Version ' +
          d.version +
          ' of this draft was saved (the page showed version ' +
          shownVersion +
          '); the paper is ' +
          d.label +
          '.'
        : 'The paper is now ' + d.label + '.';
    refresh(
      'Updated without a reload: ' + what,
      'This paper changed while you were working on it. ' +
        what +
        ' This page still shows what it showed: a decision on it is refused. Save your edits to see the current version with your typing beside it, or',
    );
  }
  function onQueueEvent(d, baseline) {
    var rows = main() ? main().querySelectorAll('tr[data-live]') : [];
    var changed = 0;
    Array.prototype.forEach.call(rows, (tr) => {
      var p = d.papers[tr.getAttribute('data-id')];
      var now = p ? p.state + ':' + p.version + ':' + p.claimBy : 'gone';
      if (now !== tr.getAttribute('data-live')) changed++;
    });
    var newer = baseline.latest !== null && d.latest !== baseline.latest;
    baseline.latest = d.latest;
    if (!changed && !newer) return;
    var what = changed
      ? changed + ' paper(s) on this page changed (state, version or claim).'
      : 'Papers were added or moved.';
    refresh(
      'Updated without a reload: ' + what,
      'The queue changed: ' + what + ' Your ticks and typing are kept until you',
    );
  }
  function listen() {
    if (source) source.close();
    if (onPaper) {
      source = new EventSource(path + '/live');
      source.addEventListener('paper', (ev) => {
        onPaperEvent(JSON.parse(ev.data));
      });
      return;
    }
    var ids = Array.prototype.map.call(document.querySelectorAll('main tr[data-live]'), (tr) =>
      tr.getAttribute('data-id'),
    );
    var baseline = { latest: null };
    source = new EventSource('/desk/live?ids=' + encodeURIComponent(ids.join(',')));
    source.addEventListener('queue', (ev) => {
      onQueueEvent(JSON.parse(ev.data), baseline);
    });
  }
  // Only a tab in view holds a stream: a browser opens about six connections per server, and
  // background tabs holding them would stall the next page. Back in view, the first event
  // compares with what the page shows, so nothing that changed meanwhile is missed.
  function stop() {
    if (source) {
      source.close();
      source = null;
    }
  }
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) stop();
    else if (!source) listen();
  });
  if (!document.hidden) listen();
  window.addEventListener('pagehide', stop);
})();
