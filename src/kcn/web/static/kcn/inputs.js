// Numbers typed the Vietnamese way in any browser (web/inputs.py): beside each input marked
// data-kcn-number, the amount as the server will understand it, read with the same rules as
// core/cells.py parse_typed_number: a point groups thousands ("25.000.000"), a comma marks
// decimals ("5,2"), a point followed by other than three digits is a decimal mark ("5.2").
// The server's reading is the one that counts; this only shows it before saving.
//
// An input marked data-kcn-search (the certificate form's investor) gets its suggestions
// (its <datalist>) from that URL as one types: investors whose code or name holds the text.
//
// Every text is set as textContent or a value: what was typed or stored is never markup.
(function () {
  "use strict";
  var GROUPED = /^([+-]?)(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;
  var COMMA = /^([+-]?)(\d+),(\d+)$/;
  var PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

  // [sign, whole digits, fraction digits] or null.
  function parse(text) {
    var cleaned = text.trim().replace(/\u2212/g, "-").replace(/[\s\u00a0]/g, "");
    if (cleaned.length > 40) return null;
    var match = GROUPED.exec(cleaned);
    if (match) return [match[1], match[2].replace(/\./g, ""), match[3] || ""];
    match = COMMA.exec(cleaned) || PLAIN.exec(cleaned);
    if (match) return [match[1], match[2], match[3] || ""];
    return null;
  }

  function grouped(digits) {
    digits = digits.replace(/^0+(?=\d)/, "");
    var out = "";
    while (digits.length > 3) {
      out = "." + digits.slice(-3) + out;
      digits = digits.slice(0, -3);
    }
    return digits + out;
  }

  function show(parts) {
    var sign = parts[0] === "-" ? "-" : "";
    var fraction = parts[2].replace(/0+$/, "");
    return sign + grouped(parts[1]) + (fraction ? "," + fraction : "");
  }

  // "25 triệu", "1,2 tỷ": the size of a large amount, in words of the page's language.
  function size(input, parts) {
    var whole = parts[1].replace(/^0+(?=\d)/, "");
    var scales = [
      [12, input.dataset.trillion],
      [9, input.dataset.billion],
      [6, input.dataset.million],
    ];
    for (var i = 0; i < scales.length; i++) {
      var power = scales[i][0];
      var word = scales[i][1];
      if (word && whole.length > power) {
        var head = whole.slice(0, whole.length - power);
        var next = whole.charAt(whole.length - power);
        var tail = whole.slice(whole.length - power + 1).replace(/0+$/, "");
        var fraction = next === "0" && !tail ? "" : "," + (next + tail).replace(/0+$/, "").slice(0, 2);
        return " (" + (parts[0] === "-" ? "-" : "") + grouped(head) + fraction + " " + word + ")";
      }
    }
    return "";
  }

  function follow(input) {
    var note = document.createElement("small");
    note.className = "understood";
    note.id = input.id ? input.id + "_understood" : "";
    note.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", note);
    function update() {
      var text = input.value;
      if (!text.trim()) {
        note.textContent = "";
        return;
      }
      var parts = parse(text);
      note.textContent = parts
        ? input.dataset.understood + ": " + show(parts) + size(input, parts)
        : input.dataset.unreadable;
      note.classList.toggle("error", !parts);
    }
    input.addEventListener("input", update);
    update();
  }

  function suggest(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.dataset.kcnSearch;
    var timer = null;
    var asked = "";
    if (!list || !url || !window.fetch) return;
    function fill(found) {
      while (list.firstChild) list.removeChild(list.firstChild);
      for (var i = 0; i < found.length; i++) {
        var option = document.createElement("option");
        option.value = found[i].code;
        option.textContent = found[i].name + " (" + found[i].country + ")";
        list.appendChild(option);
      }
    }
    function ask() {
      var query = input.value.trim();
      if (query.length < 2 || query === asked) return;
      asked = query;
      fetch(url + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { investors: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) fill(data.investors || []);
        })
        .catch(function () {});
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 200);
    });
  }

  var inputs = document.querySelectorAll("input[data-kcn-number]");
  for (var i = 0; i < inputs.length; i++) follow(inputs[i]);
  var searches = document.querySelectorAll("input[data-kcn-search]");
  for (var j = 0; j < searches.length; j++) suggest(searches[j]);
})();
