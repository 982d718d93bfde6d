// Start Pagefind's search UI on the search page. Each language's pages have their own index
// (data-bundle: pagefind/ for Danish, en/pagefind/ for English); Pagefind shows its UI in the
// language of <html lang> and loads that index only when the visitor types.
// A language with many pages is indexed in parts (boligdialog/outputs/search.py): the bundle's
// bd-parts.json lists the bundles of the other parts, and the search merges them (mergeIndex).
(function () {
  var el = document.querySelector("[data-bd-search]");
  if (!el || typeof PagefindUI === "undefined") return;
  var bundle = el.getAttribute("data-bundle");
  fetch(bundle + "bd-parts.json")
    .then(function (response) { return response.ok ? response.json() : []; })
    .catch(function () { return []; })
    .then(function (parts) { start(el, bundle, Array.isArray(parts) ? parts : []); });

function start(el, bundle, parts) {
  var ui = new PagefindUI({
    element: "#" + el.id,
    bundlePath: bundle,
    mergeIndex: parts.map(function (part) { return { bundlePath: bundle + part }; }),
    showImages: false,
    resetStyles: false
  });
  nameTheField(el);
  announceResults(el);
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
  keepQuery(q);
  el.addEventListener("input", function (event) {
    var words = (event.target.value || "").trim();
    keepQuery(words);
    history.replaceState(null, "", words ? "?q=" + encodeURIComponent(words) : window.location.pathname);
  });

  // The header's link to the search page in the other language carries the words searched
  // for (?q=), so switching language shows the same search's results there.
  function keepQuery(words) {
    var link = document.querySelector(".bd-lang-switch");
    if (!link) return;
    var target = new URL(link.getAttribute("href"), window.location.href);
    if (words) target.searchParams.set("q", words); else target.searchParams.delete("q");
    link.setAttribute("href", target.pathname + target.search);
  }

  // The field's name for screen readers is the search form's label ("Søg på dette website"),
  // not only its placeholder.
  function nameTheField(container) {
    var form = container.querySelector("form[aria-label]");
    var input = container.querySelector("input");
    if (form && input) input.setAttribute("aria-label", form.getAttribute("aria-label"));
  }

  // Pagefind's "5 results for …" is plain text; a polite live region repeats it, so screen
  // readers announce the number of results as they change.
  function announceResults(container) {
    var status = document.createElement("p");
    status.className = "bd-visually-hidden";
    status.setAttribute("role", "status");
    container.parentNode.insertBefore(status, container.nextSibling);
    new MutationObserver(function () {
      var message = container.querySelector(".pagefind-ui__message");
      var text = message ? message.textContent : "";
      if (status.textContent !== text) status.textContent = text;
    }).observe(container, { childList: true, subtree: true, characterData: true });
  }
}
})();
