/**
 * Sentence links on the review page (../views/sentence-links.tsx): selecting a
 * draft sentence (click, tap, or keyboard focus on it) highlights the source
 * sentences behind it in the source pane, and, where the pane is beside the
 * draft and the first of them is out of view, brings it into view; a sentence
 * with no support highlights its nearest sentences as such. One sentence is
 * open at a time. Listeners sit on the document, so a <main> swapped in by a
 * decision or a refresh needs nothing bound again. Without script the
 * sentences still open (details) and show their source sentences.
 */
(() => {
  function all(root, sel) {
    return Array.prototype.slice.call(root.querySelectorAll(sel));
  }
  function ids(el, name) {
    return (el.getAttribute(name) || '').split(' ').filter(Boolean);
  }
  function clear(main) {
    all(main, '.src-s.linked, .src-s.nearest').forEach((s) => {
      s.classList.remove('linked', 'nearest');
    });
    all(main, '#sentence-links .link.selected').forEach((l) => {
      l.classList.remove('selected');
    });
  }
  function mark(main, list, cls) {
    var first = null;
    list.forEach((id) => {
      var s = main.querySelector('.src-s[data-source-id="' + id + '"]');
      if (s) {
        s.classList.add(cls);
        first = first || s;
      }
    });
    return first;
  }
  function select(details) {
    var main = document.querySelector('main');
    if (!main || !details) return;
    clear(main);
    var item = details.closest('.link');
    if (item) item.classList.add('selected');
    var supported = ids(details, 'data-sources');
    var first = supported.length
      ? mark(main, supported, 'linked')
      : mark(main, ids(details, 'data-nearest'), 'nearest');
    var beside = window.matchMedia && window.matchMedia('(min-width: 901px)').matches;
    if (first && beside) {
      var r = first.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) first.scrollIntoView({ block: 'center' });
    }
    var live = document.getElementById('live');
    if (live) {
      live.textContent = supported.length
        ? 'Source sentence' + (supported.length > 1 ? 's ' : ' ') + supported.join(', ') + ' highlighted.'
        : 'No source sentence supports this sentence.';
    }
  }
  function fromEvent(ev) {
    var t = ev.target;
    var summary = t && t.closest ? t.closest('#sentence-links .link summary') : null;
    return summary ? summary.parentElement : null;
  }
  document.addEventListener('focusin', (ev) => {
    var d = fromEvent(ev);
    if (d) select(d);
  });
  document.addEventListener('click', (ev) => {
    var d = fromEvent(ev);
    if (d) select(d);
  });
  document.addEventListener(
    'toggle',
    (ev) => {
      var d = ev.target;
      if (!d || !d.open || !d.closest || !d.closest('#sentence-links .link')) return;
      all(d.closest('#sentence-links'), '.link details[open]').forEach((o) => {
        if (o !== d) o.open = false;
      });
      select(d);
    },
    true,
  );
})();
