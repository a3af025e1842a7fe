// Estrade — the small script of every server-rendered page (all pages but the schedule builder,
// which loads the app). The pages work without it; it adds comfort:
//  - after a form came back refused (its error rides in the address as __err), the first field in
//    error, else the form's error message, takes the focus and is scrolled into view, so a phone
//    shows the error where the eye is and a screen reader reads it (the field's description names it).
(function () {
  "use strict";
  window.__estrade_page = true;
  if (!/[?&]__err=/.test(location.search)) return;
  function focusFirstError() {
    var target = document.querySelector("[aria-invalid='true']") || document.querySelector("form .notice-error, .notice-error");
    if (!target) return;
    if (!target.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusFirstError);
  else focusFirstError();
})();
