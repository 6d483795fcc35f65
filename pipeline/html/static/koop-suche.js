/* koopstadt: the search page. Pagefind's default UI with German strings and filters; `?q=` from the
   sidebar's search field starts a search, `?stadt=Leipzig` etc. preselect a filter. */
(function () {
  "use strict";
  var box = document.getElementById("koop-suche");
  if (!box) { return; }
  // Pagefind loads its index with fetch(): not from file:// and not without the index (live preview)
  if (typeof PagefindUI === "undefined" || window.location.protocol === "file:") {
    document.getElementById("koop-suche-fehlt").hidden = false;
    return;
  }
  var ui = new PagefindUI({
    element: "#koop-suche",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    pageSize: 10,
    translations: JSON.parse(box.getAttribute("data-koop-translations") || "{}"),
    openFilters: [box.getAttribute("data-koop-open") || ""]
  });
  // Result titles become real headings (Pagefind writes bold paragraphs, which axe reports as
  // p-as-heading): the title's link moves into an <h2>, the emptied paragraph stays hidden for Pagefind.
  // The city tag of a result gets the city's label colours, as everywhere in the handbook.
  var cities = JSON.parse(box.getAttribute("data-koop-cities") || "{}");
  var cityKey = (JSON.parse(box.getAttribute("data-koop-filters") || "{}")).stadt;
  new MutationObserver(function () {
    box.querySelectorAll(".pagefind-ui__result-tag:not(.koop-stadtlabel)").forEach(function (tag) {
      if (tag.getAttribute("data-pagefind-ui-meta") !== cityKey) { return; }
      var label = tag.textContent.split(": ").pop().trim();
      if (cities[label]) { tag.classList.add("koop-stadtlabel", "koop-stadt-" + cities[label]); }
    });
    box.querySelectorAll("p.pagefind-ui__result-title:not(.pagefind-ui__loading):not([hidden])").forEach(function (p) {
      var h = document.createElement("h2");
      h.className = p.className;
      while (p.firstChild) { h.appendChild(p.firstChild); }
      p.parentNode.insertBefore(h, p);
      p.hidden = true;
    });
  }).observe(box, { childList: true, subtree: true });
  var params = new URLSearchParams(window.location.search);
  var names = JSON.parse(box.getAttribute("data-koop-filters") || "{}");
  var chosen = {};
  Object.keys(names).forEach(function (key) {
    var values = params.getAll(key);
    if (values.length) { chosen[names[key]] = values; }
  });
  var q = params.get("q");
  // Pagefind counts a search's filters from the filter chunks loaded at that moment, and Pagefind UI keeps
  // the groups of the first search: a search started with the page (`?q=`) before all chunks are in showed
  // only some groups (e.g. no „Stadt“), until the next search. So it starts once the filters are loaded —
  // by the same module instance the UI uses (one per URL).
  var script = document.querySelector("script[src*='pagefind-ui.js']");
  var ready = script ? import(new URL("pagefind.js", script.src).href).then(function (pagefind) {
    return pagefind.filters();
  }) : Promise.resolve();
  ready.catch(function () { return null; }).then(function () {
    if (Object.keys(chosen).length) { ui.triggerFilters(chosen); }
    if (q) { ui.triggerSearch(q); }
  });
})();
