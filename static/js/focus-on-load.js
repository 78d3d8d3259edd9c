// Moves focus to what a form submission produced, so a screen reader reads it and Tab continues from there
// (WCAG 2.4.3, 3.3.1, 4.1.3): the error summary after a failed submit, otherwise the status message after a
// successful one. Both carry `autofocus`, which does the same without JavaScript; this covers the cases where the
// browser skips autofocus (an address with a #fragment, browsers without autofocus on non-form elements).
(function () {
  "use strict";
  var target = document.querySelector("[data-error-summary]") || document.querySelector("[data-focus-on-load]");
  if (target && document.activeElement !== target) {
    target.focus();
  }
})();
