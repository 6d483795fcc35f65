/* koopstadt: the colour mode before the first paint. pydata-sphinx-theme accepts only "light", "dark" and
   "auto" and reported anything else (also an empty value on a first visit) as a console error. */
(function () {
  "use strict";
  var mode = "auto";
  try {
    var stored = window.localStorage.getItem("mode");
    if (stored === "light" || stored === "dark") { mode = stored; }
  } catch (e) { /* storage blocked: follow the system setting */ }
  var dark = mode === "dark" || (mode === "auto" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.mode = mode;
  document.documentElement.dataset.theme = dark ? "dark" : "light";
})();
