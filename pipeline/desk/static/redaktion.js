// Redaktionsstand: sort by a click on a column heading, filter by text, city and status. The table is
// complete without this script; it only adds the controls.
(function () {
  "use strict";
  var table = document.querySelector("table.beitraege");
  var form = document.querySelector("form.filter");
  if (!table || !form) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = form.elements.namedItem("anzahl");
  var countText = table.getAttribute("data-count-text") || "{} / {}";

  function key(row, index) {
    var cell = row.cells[index];
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    var number = Number(value);
    return value !== "" && !isNaN(number) ? number : value.toLocaleLowerCase("de");
  }

  function sortBy(index, header) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = key(a, index), y = key(b, index);
      var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "de");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(index, th); });
  });

  function filter() {
    var text = form.elements.namedItem("text").value.trim().toLocaleLowerCase("de");
    var city = form.elements.namedItem("stadt").value;
    var status = form.elements.namedItem("status").value;
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!city || row.getAttribute("data-stadt") === city) &&
        (!status || row.getAttribute("data-status") === status) &&
        (!text || row.textContent.toLocaleLowerCase("de").indexOf(text) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.value = countText.replace("{}", shown).replace("{}", rows.length);
  }

  form.addEventListener("input", filter);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  document.querySelector("p.hinweis").hidden = false;
  filter();
}());
