/* koopstadt: the search page. Pagefind's default UI with German strings and filters; `?q=` from the
   sidebar's search field starts a search, `?stadt=…` etc. preselect a filter (links from browse pages). */
(function () {
  "use strict";
  var box = document.getElementById("koop-suche");
  if (!box || typeof PagefindUI === "undefined") { return; }
  var ui = new PagefindUI({
    element: "#koop-suche",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    pageSize: 10,
    translations: JSON.parse(box.getAttribute("data-koop-translations") || "{}"),
    sort: { datum: "desc" }
  });
  var params = new URLSearchParams(window.location.search);
  var q = params.get("q");
  if (q) { ui.triggerSearch(q); }
})();
