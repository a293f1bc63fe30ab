// notekit site search: the only script of the site. Shows the search box, loads search.json
// (beside this script) on first use and lists the pages whose title, lede, tags or text hold
// every word typed. Without JavaScript the box stays hidden and every page still reads.
(function () {
  var script = document.currentScript;
  var base = script.src.replace(/search\.js(\?.*)?$/, "");
  var form = document.querySelector("form.site-search");
  if (!form) return;
  var input = form.querySelector("input"), list = form.querySelector(".search-results");
  var pages = null;
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  function load(then) {
    if (pages) return then();
    fetch(base + "search.json").then(function (response) { return response.json(); })
      .then(function (data) { pages = data; then(); })
      .catch(function () { pages = []; });
  }
  function show() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) return;
    var shown = 0;
    for (var i = 0; i < pages.length && shown < 20; i++) {
      var page = pages[i];
      var haystack = (page.title + " " + page.lede + " " + page.tags.join(" ") + " " + page.text).toLowerCase();
      if (!words.every(function (word) { return haystack.indexOf(word) >= 0; })) continue;
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = base + page.url;
      link.textContent = page.title;
      item.appendChild(link);
      list.appendChild(item);
      shown++;
    }
  }
  input.addEventListener("input", function () { load(show); });
})();
