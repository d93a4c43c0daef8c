// Numbers typed the Vietnamese way in any browser (web/inputs.py): beside each input marked
// data-kcn-number, the amount as the server will understand it, read with the same rules as
// core/cells.py parse_typed_number: a point groups thousands ("25.000.000"), a comma marks
// decimals ("5,2"), a point followed by other than three digits is a decimal mark ("5.2").
// The server's reading is the one that counts; this only shows it before saving.
//
// Every text is set as textContent: what was typed is never markup.
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

  var inputs = document.querySelectorAll("input[data-kcn-number]");
  for (var i = 0; i < inputs.length; i++) follow(inputs[i]);
})();
