/*
 * Site search, loaded (deferred) by every page; the Content-Security-Policy forbids inline
 * scripts, so everything the pages need from JavaScript is here.
 *
 * - On the search page (#search): Pagefind's Default UI from the generated bundle, with its
 *   filters open (closed on a phone) and its ranking (RANKING), searching on the page's own
 *   thread (NO_WORKER), a `?q=` in the page URL run as the search (and its filters, one
 *   parameter per value: `?q=NATO&type=article&year=2023`, ticked), and the URL kept in step
 *   with what the user types and ticks, so that a search can be shared.
 * - On a page reached from a result (`?highlight=term`): the terms are marked with
 *   pagefind-highlight.js from the bundle.
 *
 * The bundle URL (and, for a large site, those of the index's other parts) and the site's base
 * URL come from data attributes the templates write.
 */
(function () {
  "use strict";

  var HIGHLIGHT_PARAM = "highlight";
  var QUERY_PARAM = "q";
  var NARROW = "(max-width: 40rem)"; // as in site.css
  var PASSAGE = /^(p|li|h[1-6])$/i;
  /* How Pagefind ranks results. A reader searches for texts, which are a hundred times longer
     than an entity's page: with Pagefind's defaults (a match counted against the page's length,
     short pages favoured, and a bonus for a match in the title) the entity pages whose names
     hold the query filled the first results. Here a match counts by its weight, whatever the
     page's length, and the title gets no bonus of its own (it is the page's h1, already
     weighed): a text that names the query often ranks with the entity's own page. */
  var RANKING = {
    termFrequency: 0.2,
    pageLength: 0,
    metaWeights: { title: 0 },
  };
  /* Pagefind 1.5 searches in a web worker unless told otherwise, which costs every search one
     more script (pagefind-worker.js, 41 KB, 12 KB gzipped). Our index is small enough that a
     search takes milliseconds on the page's own thread. `noWorker` is read only when Pagefind
     makes its instance, from the options set before it (pagefind.js's `options` then `init`);
     given to the Default UI it would be passed on to a running instance, which does not take it
     and warns in the console. */
  var NO_WORKER = true;
  var script = document.currentScript;
  var bundle = script ? script.getAttribute("data-bundle") : null;

  /* The last element with an id (paragraph, list item or heading) at or before `location`,
     a word position in the page's indexed text: the passage a match is in. */
  function passageAnchor(anchors, location) {
    var best = null;
    for (var i = 0; i < anchors.length; i += 1) {
      var anchor = anchors[i];
      if (anchor.id && PASSAGE.test(anchor.element) && anchor.location <= location) {
        if (best === null || anchor.location >= best.location) {
          best = anchor;
        }
      }
    }
    return best;
  }

  /* Point `url` (which keeps its ?highlight= terms) at the passage of its first match. */
  function toPassage(url, locations, anchors) {
    if (!url || !locations || !locations.length) {
      return url;
    }
    var anchor = passageAnchor(anchors, Math.min.apply(null, locations));
    if (anchor === null || /^h1$/i.test(anchor.element)) {
      return url;
    }
    var hash = url.indexOf("#");
    return (hash < 0 ? url : url.slice(0, hash)) + "#" + encodeURIComponent(anchor.id);
  }

  function landOnPassages(result) {
    var anchors = result.anchors || [];
    result.url = toPassage(result.url, result.locations, anchors);
    // The sub-results of the page's top (its h1, or the words before it) have the page's own
    // title: the result itself shows their excerpt. The Default UI leaves out a first
    // sub-result whose URL is the page's, so they become one, first, with the result's URL.
    var top = null;
    var rest = [];
    (result.sub_results || []).forEach(function (sub) {
      if (sub.anchor && !/^h1$/i.test(sub.anchor.element)) {
        sub.url = toPassage(sub.url, sub.locations, anchors);
        rest.push(sub);
      } else if (top === null) {
        top = sub;
      }
    });
    if (top !== null) {
      top.url = result.url;
      rest.unshift(top);
    }
    result.sub_results = rest;
    return result;
  }

  /* The filters a URL asks for: each filter's name as a parameter, once per value
     (`?q=NATO&type=article&year=2023&actor=China&actor=Japan`). */
  function filtersInUrl(names) {
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    var any = false;
    names.forEach(function (name) {
      var values = params.getAll(name).filter(Boolean);
      if (values.length) {
        filters[name] = values;
        any = true;
      }
    });
    return any ? filters : null;
  }

  /* Keep the page URL in step with the search: the terms typed, and each filter ticked or
     unticked (read back from the filter panel's checkboxes), so that the address can be shared
     and a reload restores the same search. */
  function keepSearchInUrl(container, names) {
    var input = container.querySelector(".pagefind-ui__search-input");
    if (input) {
      input.addEventListener("input", function () {
        var url = new URL(window.location.href);
        var term = input.value.trim();
        if (term) {
          url.searchParams.set(QUERY_PARAM, term);
        } else {
          url.searchParams.delete(QUERY_PARAM);
        }
        window.history.replaceState(null, "", url.toString());
      });
    }
    container.addEventListener("change", function (event) {
      var box = event.target;
      if (!box || !box.classList || !box.classList.contains("pagefind-ui__filter-checkbox")) {
        return;
      }
      var url = new URL(window.location.href);
      var name = box.name;
      if (names.indexOf(name) < 0) {
        return;
      }
      var values = url.searchParams.getAll(name).filter(function (value) {
        return value !== box.value;
      });
      if (box.checked) {
        values.push(box.value);
      }
      url.searchParams.delete(name);
      values.forEach(function (value) {
        url.searchParams.append(name, value);
      });
      window.history.replaceState(null, "", url.toString());
    });
  }

  /* Pagefind's module (one for the Default UI and this script: the same URL), its instance made
     with NO_WORKER. Called before the Default UI exists, so that the UI, which loads the module
     when the reader first focuses the search box or a search runs, finds that instance and only
     sets its own options on it. The instance loads the index's entry files and WebAssembly as
     the search page opens, rather than at the first keystroke. */
  function pagefindModule(bundleUrl) {
    return import(bundleUrl + "pagefind.js").then(function (pagefind) {
      // Both synchronous as far as Pagefind is concerned: the options are in place when `init`
      // makes the instance, before any other caller's continuation runs.
      pagefind.options({ noWorker: NO_WORKER });
      pagefind.init();
      return pagefind;
    }).catch(function () {
      // The Default UI reports a bundle it cannot load; nothing more to say here.
      return null;
    });
  }

  function startSearchUi(container) {
    if (typeof window.PagefindUI !== "function") {
      var message = document.createElement("p");
      message.className = "notice";
      message.textContent =
        "The search index could not be loaded. Browse the indexes below instead.";
      container.appendChild(message);
      return;
    }
    var openFilters = (container.getAttribute("data-open-filters") || "")
      .split(",")
      .filter(Boolean);
    // On a phone the filters sit above the results: with a group open, a reader would scroll
    // past its list before the first result. There every group starts closed.
    if (window.matchMedia && window.matchMedia(NARROW).matches) {
      openFilters = [];
    }
    var pagefind = pagefindModule(container.getAttribute("data-bundle"));
    var baseUrl = container.getAttribute("data-base-url");
    // A large site's index is in parts, one bundle each: the others are merged into the first.
    var merged = (container.getAttribute("data-merge") || "")
      .split(" ")
      .filter(Boolean)
      .map(function (path) {
        // Each bundle is searched with its own options: the same as the first's.
        return {
          bundlePath: path,
          baseUrl: baseUrl,
          highlightParam: HIGHLIGHT_PARAM,
          ranking: RANKING,
        };
      });
    var ui = new window.PagefindUI({
      element: container,
      bundlePath: container.getAttribute("data-bundle"),
      baseUrl: baseUrl,
      mergeIndex: merged,
      highlightParam: HIGHLIGHT_PARAM,
      ranking: RANKING,
      showSubResults: true,
      showImages: false,
      showEmptyFilters: false,
      openFilters: openFilters,
      // Pagefind's default: each result shown downloads its page's fragment, so a longer first
      // page costs every search more bytes; "Load more results" brings the next five.
      pageSize: 5,
      processResult: landOnPassages,
      translations: { placeholder: "Search the texts, actors and events" },
    });
    var filterNames = (container.getAttribute("data-filters") || "").split(",").filter(Boolean);
    keepSearchInUrl(container, filterNames);
    var filters = filtersInUrl(filterNames);
    if (filters) {
      ui.triggerFilters(filters);
    }
    var input = container.querySelector(".pagefind-ui__search-input");
    if (input) {
      input.setAttribute("aria-label", "Search the texts, actors and events");
    }
    var term = (new URLSearchParams(window.location.search).get(QUERY_PARAM) || "").trim();
    if (term) {
      // A search that starts before the filter index is loaded comes back without filter
      // counts, and the UI then shows the totals. pagefind.js is one module for the UI and for
      // this script (the same URL), so loading its filters first makes the counts right.
      pagefind
        .then(function (module) {
          return module ? module.filters() : null;
        })
        .catch(function () {
          return null;
        })
        .then(function () {
          ui.triggerSearch(term);
        });
    }
  }

  function highlightTerms() {
    var params = new URLSearchParams(window.location.search);
    if (!bundle || !params.has(HIGHLIGHT_PARAM)) {
      return;
    }
    if (!document.querySelector("[data-pagefind-body]")) {
      return;
    }
    import(bundle + "pagefind-highlight.js")
      .then(function () {
        // addStyles would add an inline <style>, which the CSP blocks: site.css styles the marks.
        new window.PagefindHighlight({
          highlightParam: HIGHLIGHT_PARAM,
          addStyles: false,
          markContext: null,
          markOptions: {
            className: "pagefind-highlight",
            exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"],
          },
        });
      })
      .catch(function () {
        // Highlighting is a convenience: the page reads the same without it.
      });
  }

  var container = document.getElementById("search");
  if (container) {
    startSearchUi(container);
  }
  highlightTerms();
})();
