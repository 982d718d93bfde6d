// Start Pagefind's search UI on the search page. Pagefind reads <html lang> and
// loads only that language's index, and only when the visitor types.
(function () {
  var el = document.querySelector("[data-bd-search]");
  if (!el || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#" + el.id,
    bundlePath: el.getAttribute("data-bundle"),
    showImages: false,
    resetStyles: false
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
