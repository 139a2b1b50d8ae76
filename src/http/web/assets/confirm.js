/**
 * Forms that ask first: a form with data-confirm (revoking an account, ...)
 * is sent only once the person agrees to its question. Without script it is
 * sent as it is (the server-side action is the same either way).
 */
(() => {
  document.addEventListener(
    'submit',
    (ev) => {
      var f = ev.target;
      var question = f && f.getAttribute ? f.getAttribute('data-confirm') : null;
      if (question && !window.confirm(question)) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
      }
    },
    true,
  );
})();
