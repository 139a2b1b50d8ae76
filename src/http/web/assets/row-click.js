/**
 * A click anywhere on a queue or history row opens what the row links to
 * (its first link), unless the click was on a link, button or form control
 * of its own, or the reader was selecting text.
 */
(() => {
  document.addEventListener('click', (ev) => {
    var t = ev.target;
    if (!t || !t.closest || t.closest('a, button, input, select, textarea, label')) return;
    var row = t.closest('tr[data-href]');
    if (!row) return;
    var sel = window.getSelection && window.getSelection();
    if (sel && String(sel).length) return;
    if (ev.ctrlKey || ev.metaKey) window.open(row.getAttribute('data-href'), '_blank');
    else window.location.href = row.getAttribute('data-href');
  });
})();
