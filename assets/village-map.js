// Estrade — the organisers' floor map (/admin/events/<slug>/village), a page that ships no wasm.
// Drag a partner from the list onto a booth of the drawing: the booth's own "Partner" form (which
// works without this script, with a keyboard or on a phone) is filled in and sent, so the server
// checks and answers exactly as it does for the form.
(function () {
  "use strict";
  var chips = document.querySelectorAll("[data-partner]");
  var booths = document.querySelectorAll(".floor-map [data-booth]");
  if (!chips.length || !booths.length) return;
  chips.forEach(function (chip) {
    chip.addEventListener("dragstart", function (e) {
      e.dataTransfer.setData("text/plain", chip.getAttribute("data-partner"));
      e.dataTransfer.effectAllowed = "move";
    });
  });
  booths.forEach(function (booth) {
    booth.addEventListener("dragover", function (e) {
      e.preventDefault();
      booth.classList.add("booth-target");
    });
    booth.addEventListener("dragleave", function () { booth.classList.remove("booth-target"); });
    booth.addEventListener("drop", function (e) {
      e.preventDefault();
      booth.classList.remove("booth-target");
      var partner = e.dataTransfer.getData("text/plain");
      var select = document.querySelector("#booth-" + booth.getAttribute("data-booth") + " select[name='partner']");
      if (!partner || !select) return;
      select.value = partner;
      select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit();
    });
  });
})();
