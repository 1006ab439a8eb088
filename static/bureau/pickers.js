/* Pickers (bureau/pickers.py): every <select data-picker-url> becomes a TomSelect box that asks its
   JSON endpoint for matches as the user types. The server already rendered the chosen row(s), so a
   form returned with errors keeps them; the server also does the searching, so TomSelect's own
   filtering and sorting are switched off. */
(function () {
  "use strict";

  // Every keystroke asks the server (no cache of earlier searches), and only the rows of the latest
  // answer are shown: the server decides what matches, within the user's scope.
  function load(url, latest) {
    return function (query, callback) {
      var picker = this;
      var separator = url.indexOf("?") === -1 ? "?" : "&";
      fetch(url + separator + "q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          latest.ids = new Set(
            data.results.map(function (row) {
              return String(row.id);
            })
          );
          picker.loadedSearches = {};
          picker.clearOptions();
          callback(data.results);
        })
        .catch(function () {
          callback();
        });
    };
  }

  function initPicker(select) {
    if (select.tomselect || select.disabled) {
      return;
    }
    var multiple = select.multiple;
    var latest = { ids: null };
    var picker = new TomSelect(select, {
      valueField: "id",
      labelField: "text",
      searchField: [],
      score: function () {
        return function (item) {
          return latest.ids === null || latest.ids.has(String(item.id)) ? 1 : 0;
        };
      },
      load: load(select.dataset.pickerUrl, latest),
      preload: "focus",
      loadThrottle: 250,
      maxOptions: null,
      allowEmptyOption: false,
      placeholder: select.dataset.placeholder,
      plugins: multiple ? ["remove_button"] : select.required ? [] : ["clear_button"],
      render: {
        no_results: function () {
          return '<div class="no-results">' + (select.dataset.noResults || "…") + "</div>";
        },
      },
    });
    // TomSelect points the field's <label> at its own search box, which leaves the original <select>
    // (visually hidden, still the form's field) without a name: it keeps the same label. A field shown
    // without a label (a table cell) is named by its placeholder, on both.
    var labelledBy = picker.control_input.getAttribute("aria-labelledby");
    if (labelledBy) {
      select.setAttribute("aria-labelledby", labelledBy);
    } else if (!select.hasAttribute("aria-label") && select.dataset.placeholder) {
      select.setAttribute("aria-label", select.dataset.placeholder);
    }
    if (!labelledBy && select.hasAttribute("aria-label")) {
      picker.control_input.setAttribute("aria-label", select.getAttribute("aria-label"));
    }
  }

  function initAll(root) {
    (root || document).querySelectorAll("select[data-picker-url]").forEach(initPicker);
  }

  document.addEventListener("DOMContentLoaded", function () {
    initAll(document);
  });
  // Pages that swap in HTML with htmx get their new pickers too.
  document.addEventListener("htmx:afterSwap", function (event) {
    initAll(event.target);
  });
})();
