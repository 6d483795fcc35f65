/* koopstadt: a table wider than a phone scrolls inside the article (koop.css); keyboard users must be able
   to scroll it too, so such a table becomes focusable, named by its caption (axe: scrollable-region-focusable). */
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll(".bd-article table").forEach(function (table) {
      var scrolls = table.scrollWidth > table.clientWidth + 1;
      if (scrolls && !table.hasAttribute("tabindex")) {
        table.setAttribute("tabindex", "0");
        table.setAttribute("role", "region");
        var caption = table.querySelector("caption");
        table.setAttribute("aria-label", caption ? caption.innerText.trim() : document.title);
      } else if (!scrolls && table.getAttribute("tabindex") === "0") {
        table.removeAttribute("tabindex");
        table.removeAttribute("role");
        table.removeAttribute("aria-label");
      }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", mark); } else { mark(); }
  window.addEventListener("resize", mark);
})();
