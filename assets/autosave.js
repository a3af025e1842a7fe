// Estrade: keeps a proposal as a draft when the speaker leaves the page without saving.
// Forms opt in with data-autosave="<endpoint>"; the form is sent as a beacon with intent=draft.
(function () {
  if (window.__estradeAutosave) return;
  window.__estradeAutosave = true;

  function saveDirtyForms() {
    document.querySelectorAll('form[data-autosave]').forEach(function (form) {
      if (form.dataset.dirty !== '1') return;
      var data = new URLSearchParams(new FormData(form));
      data.set('intent', 'draft');
      if (navigator.sendBeacon(form.dataset.autosave, data)) form.dataset.dirty = '0';
    });
  }

  document.addEventListener('input', function (e) {
    var form = e.target.closest && e.target.closest('form[data-autosave]');
    if (form) form.dataset.dirty = '1';
  });
  document.addEventListener('submit', function (e) {
    if (e.target.dataset) e.target.dataset.dirty = '0';
  }, true);
  // Links inside the app navigate without unloading the page: save before following them.
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('a[href]')) saveDirtyForms();
  }, true);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') saveDirtyForms();
  });
  window.addEventListener('pagehide', saveDirtyForms);
})();
