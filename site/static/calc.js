// Copper to light: the live calculator. Loads the model's WebAssembly,
// reads the form, asks the model for every number (window.cpocalc), and
// puts the model's own tables and chart data into the page. No physics is
// computed here: this file only moves values between the page and the
// model.
(function () {
  "use strict";

  // permalinkIn is the site's one recogniser of a link (app.js).
  var permalinkIn = window.cpoLinkIn;

  var status = document.getElementById("calc-status");
  var form = document.getElementById("calc-form");
  if (!status) return;

  // --- The API object and its ready promise, before the runtime exists.
  // The page's words (app.js reads them), and the catalogue of its
  // language for the model, when it is not English.
  var T = window.cpoT; // the page's words (its inline script)
  var lang = document.documentElement.lang || "en";
  function fetchWords() {
    return window.cpocalcWords(function (code) { return new Error(T("js.server_answered", { status: code })); });
  }
  var api = window.cpocalc = window.cpocalc || {};
  var resolveReady;
  api.ready = new Promise(function (resolve) { resolveReady = resolve; });
  api.__resolve = function () { resolveReady(api); };

  // on binds a handler to an element the page may not have (the embeds
  // carry only part of the calculator).
  function on(id, event, fn) {
    var el = document.getElementById(id);
    if (el) el.addEventListener(event, fn);
  }

  var live = false;
  var touched = false; // the reader typed before the calculator was live
  var current = null; // last good update: {result, html, figures, permalink}
  var wasmInstance = null;
  var currentScenario = null;
  var pending = 0;

  function setStatus(text, state) {
    status.textContent = text;
    status.dataset.state = state || "";
    // The charts' library waits for this (app.js).
    if (state === "live" || state === "failed") document.dispatchEvent(new Event("cpocalc-settled"));
  }

  // quantity writes a number as core writes it in the page's language
  // (before the calculator is live: its digits).
  function quantity(n, unit) { return api.quantity ? api.quantity(n, unit || "") : String(n); }

  function load() {
    if (typeof window.cpocalcWasm !== "function" || typeof WebAssembly !== "object") {
      return Promise.reject(new Error(T("js.no_wasm")));
    }
    if (location.protocol === "file:") {
      return Promise.reject(new Error(T("js.from_file")));
    }
    setStatus(T("js.calc.loading"), "loading");
    var words = fetchWords();
    return window.cpocalcWasm(status.getAttribute("data-wasm"), {
      total: Number(status.getAttribute("data-wasm-bytes")),
      progress: function (pct) { setStatus(T("js.calc.loading_pct", { pct: pct, size: status.getAttribute("data-wasm-size") || "" }), "loading"); },
      refused: function (code) { return new Error(T("js.server_answered", { status: code })); }
    }).then(function (instance) {
      wasmInstance = instance;
      return Promise.all([api.ready, words]);
    }).then(function (r) {
      if (r[1]) {
        var set = api.setLang(lang, r[1]);
        if (set && set.error) throw new Error(set.error.message);
      }
      return api;
    });
  }

  // --- A chart's own page (an embed): no form; if the address carries a
  // scenario, draw the chart for it.
  if (!form) {
    var chartLink = permalinkIn(location.hash);
    if (chartLink === null) return;
    load().then(function () {
      var d = api.decode(chartLink);
      if (d.error) { setStatus(T("js.chart.bad_link", { message: d.error.message }), "failed"); status.hidden = false; return; }
      var f = api.figures(d.scenario);
      if (f.error) return;
      window.cpocharts.applyFigures(f);
      window.cpocharts.drawPending();
      var u = api.update(d.scenario);
      if (u && u.html && u.html.charts) window.cpocharts.applyTables(u.html.charts);
      if (u && u.html && u.html.words) window.cpocharts.applyWords(u.html.words);
      // The credit leads to the calculator on this scenario.
      var credit = document.querySelector(".embed-credit[data-calculator]");
      var home = credit && credit.querySelector("a");
      if (home && u && u.permalink) home.href = new URL(credit.getAttribute("data-calculator"), location.href).href + "#" + u.permalink;
      setStatus("", "live");
    }).catch(function (err) {
      status.hidden = false;
      setStatus(T("js.chart.failed", { message: err && err.message ? err.message : err }), "failed");
    });
    return;
  }

  // --- Reading and writing the form.
  function fields() { return form.querySelectorAll("[data-field]"); }

  function labelOf(el) {
    var l = el.id && form.querySelector('label[for="' + el.id + '"]');
    return l ? l.textContent.replace(/\s+/g, " ").trim() : el.getAttribute("data-field");
  }

  // parseNumber reads what a reader types: "65,536", "1e6", " 3 ".
  function parseNumber(text) {
    var t = String(text).replace(/[\s,_]/g, "");
    if (t === "") return { empty: true };
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return { bad: true };
    return { value: Number(t) };
  }

  function setPath(obj, path, value) {
    var parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    var o = obj;
    for (var i = 0; i < parts.length - 1; i++) {
      var k = parts[i], next = parts[i + 1];
      if (o[k] === undefined) o[k] = /^\d+$/.test(next) ? [] : {};
      o = o[k];
    }
    o[parts[parts.length - 1]] = value;
  }

  function getPath(obj, path) {
    var parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    var o = obj;
    for (var i = 0; i < parts.length; i++) {
      if (o === undefined || o === null) return undefined;
      o = o[parts[i]];
    }
    return o;
  }

  // readForm returns the scenario the form describes, or the problems that
  // stop it being read (text that is not a number).
  function readForm() {
    // The tiers the reader's rows hold, none when every row is the
    // model's ("tiers": [], not left out, which would mean the default's).
    var s = { v: 1, params: {}, tiers: [] };
    var problems = [];
    fields().forEach(function (el) {
      if (el.closest("tr[data-added]")) return; // the model's, not the reader's
      var path = el.getAttribute("data-field");
      var kind = el.getAttribute("data-kind");
      var param = el.getAttribute("data-param");
      var raw = el.value;
      var v;
      if (kind === "select") {
        v = el.hasAttribute("data-number") ? Number(raw) : raw;
      } else {
        var n = parseNumber(raw);
        if (n.empty && el.getAttribute("data-optional")) return; // left out: its default
        if (n.empty) {
          problems.push({ field: path, el: el, message: T("js.calc.empty", { field: labelOf(el) }) });
          return;
        }
        if (n.bad) {
          problems.push({ field: path, el: el, message: T("js.calc.nan", { field: labelOf(el), value: raw }) });
          return;
        }
        v = n.value;
      }
      if (param) {
        if (v !== Number(el.getAttribute("data-default"))) s.params[param] = v;
        return;
      }
      setPath(s, path, v);
    });
    return { scenario: s, problems: problems };
  }

  // writeForm shows a scenario in the form. A scenario with no tiers of
  // its own ("tiers": [], a link's tiers=0) leaves all of them to the
  // model: the one row the form keeps is then the model's (data-added),
  // left out of the scenario and filled with the model's tier by
  // syncTiers, never a reader's row with the last scenario's values.
  function writeForm(s) {
    // The model's rows go, but for one to keep the form's shape when it
    // holds nothing else; it becomes an ordinary row.
    addedRows().forEach(function (r) {
      if (tierBody.querySelectorAll("tr.tier-row").length > 1) { r.remove(); return; }
      r.removeAttribute("data-added");
      setNote(r, "");
    });
    var n = (s.tiers || []).length;
    setTierRows(n || 1);
    if (!n) {
      var only = tierBody.querySelector("tr.tier-row");
      only.setAttribute("data-added", "");
      renumber();
    }
    fields().forEach(function (el) {
      var path = el.getAttribute("data-field");
      var param = el.getAttribute("data-param");
      var v = param ? (s.params && s.params[param] !== undefined ? s.params[param] : Number(el.getAttribute("data-default"))) : getPath(s, path);
      if (el.getAttribute("data-optional") && !v) {
        el.value = ""; // left out: the placeholder says what that means
        return;
      }
      // A field the scenario leaves out (or zero): the model's default,
      // which the build wrote on the select.
      if (v === undefined || v === null || ((v === 0 || v === "") && el.hasAttribute("data-blank"))) {
        if (!el.hasAttribute("data-blank")) return;
        v = el.getAttribute("data-blank");
      }
      el.value = String(v);
    });
  }

  // --- Tier rows.
  var tierBody = document.getElementById("tier-rows");

  function renumber() {
    var rows = tierBody.querySelectorAll("tr.tier-row");
    rows.forEach(function (row, i) {
      row.querySelector(".tier-num").textContent = String(i + 1);
      row.querySelectorAll("[data-field]").forEach(function (el) {
        var f = el.getAttribute("data-field").replace(/^tiers\[\d+\]/, "tiers[" + i + "]");
        var id = "f-" + f.replace(/[.\[]/g, "-").replace(/\]/g, "");
        var eid = "e-" + id.slice(2);
        var label = row.querySelector('label[for="' + el.id + '"]');
        var hint = el.getAttribute("aria-describedby") || "";
        var err = document.getElementById(el.id.replace(/^f-/, "e-"));
        el.setAttribute("data-field", f);
        el.setAttribute("name", f);
        if (label) label.setAttribute("for", id);
        if (err) err.id = eid;
        el.setAttribute("aria-describedby", hint.replace(/e-tiers-\d+-/, "e-tiers-" + i + "-"));
        el.id = id;
      });
      var rm = row.querySelector(".remove-tier");
      rm.setAttribute("aria-label", T("js.calc.remove_tier", { n: i + 1 }));
      // A tier the model added comes back while the cluster needs it.
      rm.disabled = rows.length === 1 || row.hasAttribute("data-added");
    });
  }

  function setTierRows(n) {
    var rows = tierBody.querySelectorAll("tr.tier-row");
    for (var i = rows.length; i < n; i++) addTier(false);
    rows = tierBody.querySelectorAll("tr.tier-row");
    for (var j = rows.length - 1; j >= n; j--) rows[j].remove();
    renumber();
  }

  function addTier(focus) {
    keepAdded(); // the reader's new row goes after the added ones, which become the reader's too
    var row = addTierRow();
    if (focus) row.querySelector("input, select").focus();
    return row;
  }

  function addTierRow() {
    var rows = tierBody.querySelectorAll("tr.tier-row");
    var last = rows[rows.length - 1];
    var row = last.cloneNode(true);
    setNote(row, "");
    row.querySelectorAll(".field-error").forEach(function (e) { e.hidden = true; e.textContent = ""; });
    row.querySelectorAll("[aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
    // Copy the selects' values (cloneNode keeps the attribute, not the choice).
    var from = last.querySelectorAll("select"), to = row.querySelectorAll("select");
    for (var i = 0; i < from.length; i++) to[i].value = from[i].value;
    row.removeAttribute("data-added");
    tierBody.appendChild(row);
    renumber();
    return row;
  }

  // --- On a phone the inputs come first: while the key figures are out
  // of view, a bar at the bottom keeps them in sight (CSS shows it on
  // narrow screens only).
  var summary = document.getElementById("r-summary");
  var facts = document.getElementById("r-keyfacts");
  if (summary && facts && window.IntersectionObserver) {
    new IntersectionObserver(function (entries) {
      summary.hidden = entries[entries.length - 1].isIntersecting;
    }).observe(facts);
  }

  // --- Tiers the model added. With "as many as needed" (scale_out.tiers
  // 0) a cluster that outgrows the rows gets the tiers it lacks from the
  // model: they are shown as rows marked data-added, with the model's
  // length, and left out of the scenario (the link stays "as many as
  // needed") until the reader edits one, which makes it theirs. A row the
  // cluster does not need says so.
  function setNote(row, text) {
    var n = row.querySelector(".tier-note");
    if (!n || n.textContent === text) return;
    n.textContent = text;
    n.hidden = !text;
  }

  function addedRows() { return tierBody.querySelectorAll("tr.tier-row[data-added]"); }

  // keepAdded makes the added rows (up to row, or all) the reader's.
  function keepAdded(upTo) {
    var rows = addedRows();
    for (var i = 0; i < rows.length; i++) {
      rows[i].removeAttribute("data-added");
      setNote(rows[i], "");
      if (rows[i] === upTo) break;
    }
    renumber();
  }


  function syncTiers(out) {
    var added = out.added_tiers || [];
    var have = addedRows();
    // The form keeps one row, whatever the model needs: an added row
    // the model no longer fills stays, as an unused one, when it is the
    // last.
    var rowCount = tierBody.querySelectorAll("tr.tier-row").length;
    for (var j = have.length - 1; j >= added.length && rowCount > 1; j--, rowCount--) have[j].remove();
    for (var i = addedRows().length; i < added.length; i++) {
      var row = addTierRow();
      row.setAttribute("data-added", "");
    }
    renumber();
    have = addedRows();
    var shape = T("js.calc.shape", { ports: out.ports_text, radix: out.radix });
    for (var k = 0; k < added.length; k++) {
      var r = have[k], t = added[k];
      r.querySelectorAll("[data-field]").forEach(function (el) {
        var name = el.getAttribute("data-field").replace(/^tiers\[\d+\]\./, "");
        var v = name === "tech" ? (t.tech || "auto") : name === "length_m" ? String(t.length_m) : name === "max_length_m" ? "" : name === "awg" ? "26" : name === "fiber" ? "smf" : name === "fec" ? "" : null;
        if (v !== null && document.activeElement !== el) el.value = v;
      });
      setNote(r, T("js.calc.added", { shape: shape, n: out.tiers_used }));
    }
    var nthAdded = 0;
    tierBody.querySelectorAll("tr.tier-row").forEach(function (row, i) {
      // The model's rows that hold its tiers have their note; one kept
      // only for the form's shape says it is not used, as a reader's does.
      if (row.hasAttribute("data-added") && nthAdded++ < added.length) return;
      setNote(row, i >= out.tiers_used ? T(out.tiers_used === 1 ? "js.calc.unused_one" : "js.calc.unused", { shape: shape, n: out.tiers_used }) : "");
    });
  }

  // --- Errors at their fields.
  function clearErrors() {
    form.querySelectorAll(".field-error:not([hidden])").forEach(function (e) { e.hidden = true; e.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
    var fe = document.getElementById("form-error");
    if (!fe.hidden) { fe.hidden = true; fe.textContent = ""; }
  }

  function fieldElement(path) {
    var el = form.querySelector('[data-field="' + CSS.escape(path) + '"]');
    if (el) return el;
    // An error inside a list or object (params.x, tiers) goes to its owner.
    if (/^params\./.test(path)) return null;
    return null;
  }

  function showFieldError(path, message, el) {
    el = el || fieldElement(path);
    var box = el ? document.getElementById(el.id.replace(/^f-/, "e-")) : null;
    if (!box && /^tiers/.test(path)) box = document.getElementById("e-tiers");
    if (!box) box = document.getElementById("form-error");
    box.textContent = message;
    box.hidden = false;
    if (el) el.setAttribute("aria-invalid", "true");
  }

  // describe says what is wrong in the reader's words: the field's label,
  // the value, what is wrong and what is allowed.
  function describe(err) {
    if (!err.field || !err.allowed) return err.message || T("js.calc.unusable");
    var input = fieldElement(err.field);
    var name = input ? labelOf(input) : err.field;
    return T("js.calc.error", { field: name, value: err.value, reason: err.reason || T("js.calc.not_allowed"), allowed: err.allowed });
  }

  // setStale says, above the results, that they are for the last valid
  // inputs and why the new ones were not used.
  function setStale(message) {
    var res = document.querySelector(".calc-results");
    if (res) res.classList.toggle("stale", !!message);
    var box = document.getElementById("results-error");
    if (!box) return;
    box.textContent = message ? T("js.calc.stale", { message: message }) : "";
    box.hidden = !message;
  }

  // --- Putting the model's answer in the page.
  var shown = {}; // the HTML last put in each region
  function setHTML(id, html) {
    if (shown[id] === html) return;
    var el = document.getElementById(id);
    if (el) {
      // A card the reader opened stays open through the edit.
      var open = [];
      el.querySelectorAll("tbody tr.open").forEach(function (tr) { open.push(tr.rowIndex); });
      el.innerHTML = html;
      open.forEach(function (i) {
        var b = el.querySelector("table") && el.querySelector("table").rows[i];
        b = b && b.querySelector(".card-toggle button");
        if (b) b.click();
      });
    }
    shown[id] = html;
  }



  // --- One Tab stop per group of numbers: the key figures and each table
  // take one stop; the arrow keys move inside it (Left and Right along
  // its numbers, Up and Down to the next row's number in the same column,
  // Home and End to its ends), as in a grid, and Tab leaves it.
  var numberGroups = ["r-keyfacts", "r-tiers", "r-totals", "r-stages", "r-scaleup"];
  function groupOf(cell) { return cell.closest("table") || cell.closest("[id^='r-']"); }
  function rove() {
    numberGroups.forEach(function (id) {
      var box = document.getElementById(id);
      if (!box) return;
      (box.querySelector("table") ? box.querySelectorAll("table") : [box]).forEach(function (g) {
        var cells = g.querySelectorAll("[data-path]");
        if (!cells.length || g.querySelectorAll('[data-path][tabindex="0"]').length === 1) return;
        cells.forEach(function (c, i) { c.tabIndex = i === 0 ? 0 : -1; });
      });
    });
  }
  function moveAmong(cell, key) {
    var g = groupOf(cell);
    if (!g) return false;
    var cells = Array.prototype.slice.call(g.querySelectorAll("[data-path]"));
    var i = cells.indexOf(cell), next = null;
    if (key === "ArrowRight") next = cells[i + 1];
    else if (key === "ArrowLeft") next = cells[i - 1];
    else if (key === "Home") next = cells[0];
    else if (key === "End") next = cells[cells.length - 1];
    else if (key === "ArrowDown" || key === "ArrowUp") {
      var row = cell.closest("tr");
      if (!row) next = cells[key === "ArrowDown" ? i + 1 : i - 1];
      else {
        var col = cell.cellIndex, r = row;
        do { r = key === "ArrowDown" ? r.nextElementSibling : r.previousElementSibling; }
        while (r && !(r.cells[col] && r.cells[col].hasAttribute("data-path")));
        next = r ? r.cells[col] : null;
      }
    } else return false;
    if (!next) return true; // at the edge: stay
    cell.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
    return true;
  }

  function render(out) {
    var h = out.html;
    setHTML("r-headline", h.headline);
    setHTML("r-keyfacts", h.keyfacts);
    setHTML("r-tiers", h.tiers);
    setHTML("r-totals", h.totals);
    setHTML("r-stages", h.stages);
    setHTML("r-scaleup", h.scaleup);
    setHTML("r-supply", h.supply);
    fillCite();
    rove();
    showBands(out.permalink);
    askBands(out.permalink, out.scenario);
    showTornado(out.permalink, out.scenario);
    scheduleSweep(out.scenario);
    // The phone's summary of the key figures (a copy: not explainable,
    // not a tab stop of its own beyond its link).
    setHTML("r-summary-facts", h.keyfacts.replace(/ tabindex="0"/g, "").replace(/ data-path="[^"]*"/g, ""));
    if (h.charts) window.cpocharts.applyTables(h.charts);
    if (h.words) window.cpocharts.applyWords(h.words);
    if (out.figures) window.cpocharts.applyFigures(out.figures);
  }

  // tellAnimation keeps the animation on the page (if it has loaded) on the
  // reader's scenario: it is sent the link it draws, as the model worked it
  // out for this edit, not the whole cluster to read again. Only this
  // site's own frame is told.
  function tellAnimation(anim) {
    var f = document.querySelector(".anim-embed iframe");
    if (f && f.contentWindow && location.origin !== "null") f.contentWindow.postMessage({ type: "cpoanim:params", params: anim }, location.origin);
  }

  // --- How sure the key figures are. A worker runs the calculator's
  // WebAssembly on its own (2,000 draws of the parameters take about half
  // a second), so an edit never waits for it; its words go under each key
  // figure when it answers for the scenario still shown. The build wrote
  // the default scenario's into the page.
  var bandWords = {}, bandSure = {}, bandBars = {}, bandWorker = null, bandAsked = 0, bandShown = null;
  (function () {
    var el = document.getElementById("band-bars");
    if (el) try { bandBars["v=1"] = JSON.parse(el.textContent); } catch (e) { /* no bars for the default */ }
  })();
  var sureBox = document.getElementById("r-sure");
  (function () {
    var words = {};
    document.querySelectorAll("#r-keyfacts [data-band-for], #r-stages [data-band-for]").forEach(function (e) { if (e.textContent) words[e.getAttribute("data-band-for")] = e.textContent; });
    if (Object.keys(words).length) { bandWords["v=1"] = words; bandSure["v=1"] = sureBox ? sureBox.textContent : ""; }
  })();
  function showBands(permalink) {
    bandShown = permalink;
    var words = bandWords[permalink];
    document.querySelectorAll("#r-keyfacts [data-band-for], #r-stages [data-band-for]").forEach(function (e) {
      e.textContent = words ? (words[e.getAttribute("data-band-for")] || "") : "";
      e.classList.toggle("band-pending", !words);
    });
    if (sureBox) sureBox.textContent = words ? (bandSure[permalink] || "") : "";
    if (window.cpocharts && window.cpocharts.setBars) window.cpocharts.setBars(bandBars[permalink] || null);
  }
  var bandTimer = 0;
  function askBands(permalink, scenario, force) {
    if ((bandWords[permalink] && !force) || !status.getAttribute("data-worker")) return;
    clearTimeout(bandTimer);
    bandTimer = setTimeout(function () {
      if (!bandWorker) {
        bandWorker = window.cpocalcWorker(status.getAttribute("data-worker"), status.getAttribute("data-wasm-exec"), status.getAttribute("data-wasm"), T("js.server_answered"));
        if (!bandWorker) {
          status.removeAttribute("data-worker"); // a sandboxed page: no worker, no bands
          return;
        }
        bandWorker.onmessage = function (ev) {
          var d = ev.data || {};
          if (!d.words || !d.id) return;
          bandWords[d.id] = d.words;
          bandSure[d.id] = d.sure || "";
          if (d.tornado) tornadoes[d.id] = d.tornado;
          if (d.bars) bandBars[d.id] = d.bars;
          if (d.id === bandShown) { showBands(d.id); showTornado(d.id, null); }
        };
      }
      var run = (status.getAttribute("data-band-run") || "2000 1").split(" ");
      bandAsked++;
      bandWorker.postMessage({ id: permalink, scenario: JSON.stringify(scenario), samples: run[0], seed: run[1] });
    }, 400);
  }

  // --- Two scenarios side by side. The reader pins the scenario shown
  // as A and goes on editing B; every number of the tables and key
  // figures then shows B − A (the model's words), the charts draw A as a
  // ghost, the address carries both (A's pairs after B's, each with "a."
  // before it), and the exports hold both.
  var pinnedA = null; // {scenario: JSON text, permalink, figures}
  var pinButton = document.getElementById("pin-a");
  var compareBar = document.getElementById("compare-bar");
  function pin(scenario, quiet) {
    var p = api.pin(scenario);
    if (!p || p.error) {
      say(T("js.calc.pin_failed", { message: describe((p && p.error) || { message: T("js.calc.no_answer") }) }));
      return false;
    }
    pinnedA = { scenario: JSON.stringify(p.scenario), permalink: p.permalink, fields: p.fields, figures: p.figures };
    if (window.cpocharts && window.cpocharts.setGhost) window.cpocharts.setGhost(p.figures);
    showCompare();
    if (!quiet) say(T("js.calc.pinned"));
    return true;
  }
  function unpin(message) {
    pinnedA = null;
    if (window.cpocharts && window.cpocharts.setGhost) window.cpocharts.setGhost(null);
    showCompare();
    if (message) say(message);
  }
  function showCompare() {
    document.documentElement.classList.toggle("comparing", !!pinnedA);
    if (pinButton) {
      pinButton.textContent = pinnedA ? T("js.calc.unpin") : T("js.calc.pin");
      pinButton.setAttribute("aria-pressed", pinnedA ? "true" : "false");
    }
    if (!compareBar) return;
    compareBar.hidden = !pinnedA;
    var a = compareBar.querySelector("a.compare-a");
    if (a && pinnedA) a.href = location.pathname + location.search + "#" + pinnedA.permalink;
    var what = compareBar.querySelector(".compare-what");
    if (what && pinnedA) what.textContent = pinnedA.fields || T("js.calc.default_scenario");
  }
  var deltaBoxes = ["r-keyfacts", "r-tiers", "r-totals", "r-stages", "r-scaleup"];
  function showDeltas(deltas) {
    deltaBoxes.forEach(function (id) {
      var box = document.getElementById(id);
      if (!box) return;
      box.querySelectorAll(".delta").forEach(function (d) { d.remove(); });
      if (!deltas) return;
      box.querySelectorAll("[data-path]").forEach(function (cell) {
        var t = deltas[cell.getAttribute("data-path")];
        if (!t) return;
        var d = el("span", t, "delta" + (t === T("report.delta.same") ? " same" : ""));
        d.setAttribute("aria-label", T("js.calc.b_minus_a", { delta: t }));
        cell.appendChild(d);
      });
    });
  }
  on("pin-a", "click", function () {
    if (!live || !currentScenario) return;
    if (pinnedA) unpin(T("js.calc.unpinned"));
    else pin(JSON.stringify(currentScenario));
    update();
  });
  on("unpin-a", "click", function () {
    unpin(T("js.calc.unpinned"));
    update();
    if (pinButton) pinButton.focus();
  });
  on("swap-ab", "click", function () {
    if (!pinnedA || !currentScenario) return;
    var b = JSON.stringify(currentScenario), a = pinnedA.scenario;
    if (!pin(b, true)) return;
    writeForm(JSON.parse(a));
    update();
    say(T("js.calc.swapped"));
  });

  // --- What moves the numbers: the tornado of the headline the reader
  // picks, from the same worker's run. The build drew the default's
  // interconnect power; other headlines, and other scenarios, come from
  // the worker.
  var tornadoes = {};
  var tornadoPick = document.getElementById("tornado-for");
  function tornadoFor(permalink) {
    var list = tornadoes[permalink];
    if (!list || !list.length || !tornadoPick) return null;
    var sig = list.map(function (t) { return t.path + "=" + t.title; }).join("|");
    if (tornadoPick.getAttribute("data-sig") !== sig) {
      var want = tornadoPick.value;
      tornadoPick.textContent = "";
      list.forEach(function (t) { var o = el("option", t.title); o.value = t.path; tornadoPick.appendChild(o); });
      tornadoPick.setAttribute("data-sig", sig);
      tornadoPick.value = want;
    }
    var pick = tornadoPick.value;
    for (var i = 0; i < list.length; i++) if (list[i].path === pick) return list[i];
    tornadoPick.value = list[0].path;
    return list[0];
  }
  var tornadoShown = "v=1"; // whose tornado the chart shows: the build's default
  function showTornado(permalink, scenario) {
    var t = tornadoFor(permalink);
    var fig = document.getElementById("fig-tornado");
    if (!fig) return;
    if (!t) {
      if (tornadoShown !== permalink) {
        // Another scenario's bars until the worker answers for this one.
        fig.classList.add("band-pending");
        if (scenario) askBands(permalink, scenario, true);
      }
      return;
    }
    tornadoShown = permalink;
    fig.classList.remove("band-pending");
    var box = document.getElementById("tornado");
    if (box) box.setAttribute("data-unit", t.unit);
    var cap = fig.querySelector(".cap-text");
    if (cap) cap.textContent = t.words;
    var wrap = fig.querySelector("details.chart-data .table-wrap");
    if (wrap) {
      var tmp = document.createElement("div");
      tmp.innerHTML = t.table;
      if (tmp.firstElementChild) wrap.replaceWith(tmp.firstElementChild);
    }
    var r = function (v) { return v === null ? 0 : Number(v.toPrecision(4)); };
    window.cpocharts.setLive("tornado", function (chart) {
      chart.setOption({ animation: false, yAxis: [{ data: t.names }], xAxis: [{ name: T("js.chart.change", { unit: t.unit }) }],
        series: [{ data: t.low.map(r) }, { data: t.high.map(r) }] });
    });
  }
  if (tornadoPick) tornadoPick.addEventListener("change", function () {
    if (tornadoes[bandShown]) { showTornado(bandShown, null); return; }
    // The page's own default has no worker run yet: ask for one.
    var fig = document.getElementById("fig-tornado");
    if (fig) fig.classList.add("band-pending");
    if (current) askBands(bandShown, current.scenario, true);
  });

  // --- The sweep: one input over its range against one headline, for
  // the reader's scenario, from core (one call, a bounded number of
  // evaluations). It runs in the frame after an edit, not in the edit's:
  // the numbers come first, the chart says it is computing meanwhile.
  var sweepInput = document.getElementById("sweep-input"), sweepHeadline = document.getElementById("sweep-headline");
  // Off screen it waits (an edit pays nothing for it) and runs when it
  // scrolls into view.
  var sweepFor = null, sweepTimer = 0, sweepShown = "", sweepSeen = !("IntersectionObserver" in window);
  var sweepFig = document.getElementById("fig-sweep");
  if (sweepFig && !sweepSeen) {
    new IntersectionObserver(function (entries) {
      sweepSeen = entries.some(function (e) { return e.isIntersecting; });
      if (sweepSeen && sweepFig.classList.contains("band-pending")) scheduleSweep(null);
    }).observe(sweepFig);
  }
  function scheduleSweep(scenario) {
    if (!sweepInput || !sweepHeadline) return;
    if (scenario) sweepFor = scenario;
    if (sweepFig) sweepFig.classList.add("band-pending");
    if (!sweepTimer && sweepSeen) sweepTimer = requestAnimationFrame(function () { sweepTimer = 0; showSweep(); });
  }
  function showSweep() {
    var fig = document.getElementById("fig-sweep");
    if (!sweepFor || !fig || !api.sweep) return;
    var key = JSON.stringify(sweepFor) + "|" + sweepInput.value + "|" + sweepHeadline.value;
    if (key === sweepShown) { fig.classList.remove("band-pending"); return; }
    var d = api.sweep(sweepFor, sweepInput.value, sweepHeadline.value);
    if (d.error) {
      // An input the scenario no longer has (a tier removed): back to the
      // first one. The scenario's own errors are the form's to show.
      if (d.error.field === "input" && sweepInput.selectedIndex !== 0) {
        sweepInput.selectedIndex = 0;
        showSweep();
        return;
      }
      fig.classList.remove("band-pending");
      return;
    }
    sweepShown = key;
    fig.classList.remove("band-pending");
    var box = document.getElementById("sweep");
    if (box) { box.setAttribute("data-unit", d.unit); box.setAttribute("data-x-unit", d.x_unit); }
    var xName = sweepInput.options[sweepInput.selectedIndex].text, yName = sweepHeadline.options[sweepHeadline.selectedIndex].text;
    window.cpocharts.setLive("sweep", function (chart) {
      chart.setOption({ animation: false,
        xAxis: [{ type: d.log ? "log" : "value", name: xName, min: d.x[0], max: d.x[d.x.length - 1] }],
        yAxis: [{ name: yName + " (" + d.unit + ")" }],
        series: d.lines.map(function (l, i) {
          var s = { name: l.name, data: l.values.map(function (v, j) { return [d.x[j], v === null ? "-" : v]; }) };
          if (i === 0) s.markLine = { data: [{ name: T("js.chart.yours"), xAxis: d.current }] };
          return s;
        }) });
    });
  }
  if (sweepInput) sweepInput.addEventListener("change", function () { scheduleSweep(null); });
  if (sweepHeadline) sweepHeadline.addEventListener("change", function () { scheduleSweep(null); });

  // setURL keeps the state in the address: replaced, never pushed, so the
  // history gets one entry however many edits; at most every 150 ms, so
  // that typing stays fast.
  var urlTimer = 0, urlWanted = null;
  function setURL(link) {
    urlWanted = location.pathname + location.search + (link === "v=1" ? "" : "#" + link);
    if (!urlTimer) urlTimer = setTimeout(flushURL, 150);
  }
  function flushURL() {
    urlTimer = 0;
    if (urlWanted === null) return;
    // The embed's link to the full calculator carries the scenario too.
    var full = document.getElementById("open-full");
    if (full) full.href = full.href.replace(/#.*$/, "") + urlWanted.replace(/^[^#]*/, "");
    if (urlWanted !== location.pathname + location.search + location.hash) {
      try {
        history.replaceState(null, "", urlWanted);
      } catch (e) {
        // A sandboxed embed may not rewrite its address; the link above
        // still carries the scenario.
      }
    }
  }

  var timings = [];
  var readyAt = 0;

  // update reads the form, asks the model, and shows the answer. A value
  // the model cannot accept is marked at its field; the rest of the page
  // keeps the last good results.
  function update() {
    pending = 0;
    if (!live) return;
    var t0 = performance.now();
    var f = readForm();
    clearErrors();
    if (f.problems.length) {
      f.problems.forEach(function (p) { showFieldError(p.field, p.message, p.el); });
      setStale(f.problems[0].message + T("js.stop"));
      return;
    }
    var out = api.update(f.scenario, pinnedA ? pinnedA.scenario : undefined);
    if (out && out.error && pinnedA && out.error.side === "a") {
      // A cannot be evaluated any more (a model that changed under an old
      // link): the comparison ends, B goes on.
      unpin(T("js.calc.a_failed", { message: describe(out.error) }));
      out = api.update(f.scenario);
    }
    if (!out || out.error) {
      var err = (out && out.error) || { message: T("js.calc.no_model_answer") };
      // Every bad field at once, each at its place.
      var all = err.problems && err.problems.length ? err.problems : [err];
      all.forEach(function (p) { showFieldError(p.field || "", describe(p)); });
      setStale(describe(err) + (all.length > 1 ? T("js.calc.more_errors", { n: all.length - 1 }) : ""));
      return;
    }
    current = out;
    currentScenario = out.scenario;
    render(out);
    showDeltas(out.deltas);
    syncTiers(out);
    // What cannot be built, at the input that makes it fail (the model
    // names both); the figures say "not buildable" where they stand.
    (out.blockers || []).forEach(function (b) { showFieldError(b.field, T("js.calc.not_buildable", { message: b.message })); });
    setStale("");
    setURL(out.link);
    tellAnimation(out.anim);
    timings.push(performance.now() - t0);
    if (timings.length > 1000) timings.shift();
  }

  function schedule() {
    if (!live) { touched = true; return; }
    if (!pending) pending = requestAnimationFrame(update);
  }

  // --- Explanations.
  var explainBox = document.getElementById("explain");
  var explainBody = document.getElementById("explain-body");

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // explain shows how a number was computed. how: "open" from a number of
  // the page (focus stays on it), "walk" to an input of the shown formula,
  // "back" along the trail; walking keeps focus in the explanation, whose
  // content is replaced.
  var trail = []; // [{path, label}] from the number opened to the one shown
  var foldParams = 5; // more parameters than this fold away
  var opener = null; // the number the explanation was opened from

  function explain(path, how) {
    if (!live || !explainBox) return;
    var e = api.explain(path, currentScenario);
    if (how === "open" || !how) trail = [];
    if (how !== "back") trail.push({ path: path, label: e && !e.error ? e.label : path });
    explainBody.textContent = "";
    if (trail.length > 1) {
      var nav = el("nav", undefined, "explain-trail");
      nav.setAttribute("aria-label", T("js.explain.trail", { label: trail[0].label }));
      trail.forEach(function (step, i) {
        if (i > 0) nav.appendChild(document.createTextNode(" › "));
        if (i === trail.length - 1) { nav.appendChild(el("span", step.label)); return; }
        var b = el("button", step.label, "link-button");
        b.type = "button";
        b.addEventListener("click", function () { trail.length = i + 1; explain(step.path, "back"); });
        nav.appendChild(b);
      });
      explainBody.appendChild(nav);
    }
    if (!e || e.error) {
      explainBody.appendChild(el("p", (e && e.error && e.error.message) || T("js.explain.none")));
    } else {
      var head = el("p", "", "explain-value");
      head.appendChild(el("strong", e.label + ": "));
      head.appendChild(document.createTextNode(e.text));
      explainBody.appendChild(head);
      explainBody.appendChild(el("p", e.formula, "formula"));
      // The formula with this cluster's own numbers.
      if (e.example) explainBody.appendChild(el("p", e.example, "example"));
      if (e.inputs.length) {
        explainBody.appendChild(el("h4", T("js.explain.inputs")));
        var ul = el("ul");
        e.inputs.forEach(function (t) {
          var li = el("li");
          if (t.path) {
            var b = el("button", t.name + " = " + t.text, "link-button");
            b.type = "button";
            b.setAttribute("aria-label", T("js.explain.how", { name: t.name, value: t.text }));
            b.addEventListener("click", function () { explain(t.path, "walk"); });
            li.appendChild(b);
          } else {
            li.textContent = t.name + " = " + t.text;
          }
          ul.appendChild(li);
        });
        explainBody.appendChild(ul);
      }
      if (e.params.length) {
        // The formula's own inputs come first, above; the catalogue
        // parameters behind them, however far upstream, fold away when
        // they are many, so that the explanation does not cover the page.
        var folded = e.params.length > foldParams;
        var paramsBox = folded ? el("details", undefined, "explain-params") : explainBody;
        if (folded) {
          paramsBox.appendChild(el("summary", T("js.explain.params_n", { n: e.params.length })));
          explainBody.appendChild(paramsBox);
        } else {
          explainBody.appendChild(el("h4", T("js.explain.params")));
        }
        var table = el("table", undefined, "data");
        var thead = el("thead");
        var tr = el("tr");
        T("js.explain.head").split("|").forEach(function (h) { var th = el("th", h); th.scope = "col"; tr.appendChild(th); });
        thead.appendChild(tr);
        table.appendChild(thead);
        var tb = el("tbody");
        e.params.forEach(function (p) {
          var row = el("tr");
          var th = el("th");
          th.scope = "row";
          th.appendChild(el("span", p.name));
          th.appendChild(el("br"));
          th.appendChild(el("code", p.id));
          row.appendChild(th);
          row.appendChild(el("td", p.text + (p.overridden ? T("js.explain.changed", { value: p.default_text }) : "")));
          row.appendChild(el("td", p.grade));
          var src = el("td");
          if (p.url && /^https?:\/\//.test(p.url)) {
            var a = el("a", p.source);
            a.href = p.url;
            a.rel = "noopener noreferrer";
            a.target = "_blank";
            src.appendChild(a);
          } else {
            src.appendChild(document.createTextNode(p.source));
          }
          if (p.note) src.appendChild(document.createTextNode(" — " + p.note));
          row.appendChild(src);
          tb.appendChild(row);
        });
        table.appendChild(tb);
        var wrap = el("div", undefined, "table-wrap");
        // A region that may scroll sideways: reachable by keyboard, named.
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", T("js.explain.params_of", { label: e.label }));
        wrap.appendChild(table);
        paramsBox.appendChild(wrap);
      }
    }
    explainBox.hidden = false;
    explainBox.dataset.shown = path;
    // The button that was clicked is gone: focus the explanation, not the page.
    if (how === "walk" || how === "back") explainBox.focus();
  }

  function closeExplain() {
    if (!explainBox || explainBox.hidden) return;
    var inside = explainBox.contains(document.activeElement);
    explainBox.hidden = true;
    trail = [];
    if (inside && opener && document.contains(opener)) opener.focus();
  }

  var results = document.querySelector(".calc-results") || document.body;
  function openFrom(t) {
    opener = t;
    explain(t.getAttribute("data-path"), "open");
  }
  function numberAt(target) {
    var t = target.closest && target.closest("[data-path]");
    return t && !(explainBox && explainBox.contains(t)) ? t : null;
  }
  results.addEventListener("click", function (ev) {
    var t = numberAt(ev.target);
    if (t) openFrom(t);
  });
  results.addEventListener("keydown", function (ev) {
    var t = numberAt(ev.target);
    if (t && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      openFrom(t);
    } else if (t && moveAmong(t, ev.key)) {
      ev.preventDefault();
    }
  });
  on("explain-close", "click", closeExplain);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") closeExplain(); });

  // --- Export and import.
  var actionStatus = document.getElementById("action-status");
  function say(text) { if (actionStatus) actionStatus.textContent = text; }

  function download(name, type, text) {
    window.cpoSaveBlob(name, new Blob([text], { type: type }));
    say(T("js.saved", { file: name }));
  }

  function currentResult() {
    var r = currentScenario && api.evaluate(currentScenario);
    return r && !r.error ? r : null;
  }
  // comparison answers A and B and every number of B against A.
  function comparison() {
    var c = pinnedA && currentScenario && api.compare(pinnedA.scenario, currentScenario);
    return c && !c.error ? c : null;
  }
  // The CSV is the model's (core/report/csv.go): the result's numbers in
  // sections, or a comparison's; it cites each scenario by this page's
  // address.
  on("export-csv", "click", function () {
    if (!currentScenario) return;
    var out = api.csv(currentScenario, pinnedA ? pinnedA.scenario : undefined, location.href.replace(/#.*$/, ""));
    if (!out || out.error) { say(describe((out && out.error) || { message: T("js.calc.no_answer") })); return; }
    download(out.comparison ? "cpocalc-comparison.csv" : "cpocalc-results.csv", "text/csv", out.csv);
  });
  on("export-json", "click", function () {
    var c = comparison();
    if (c) { download("cpocalc-comparison.json", "application/json", JSON.stringify(c, null, 2)); return; }
    var r = currentResult();
    if (r) download("cpocalc-results.json", "application/json", JSON.stringify(r, null, 2));
  });
  on("export-scenario", "click", function () {
    if (!currentScenario) return;
    if (pinnedA) { download("cpocalc-scenarios.json", "application/json", JSON.stringify({ a: JSON.parse(pinnedA.scenario), b: currentScenario }, null, 2)); return; }
    download("cpocalc-scenario.json", "application/json", JSON.stringify(currentScenario, null, 2));
  });
  // A scenario file is a few hundred bytes; a larger one is not one, and
  // reading it would hold the tab.
  var maxImport = 1 << 20;
  on("import-scenario", "change", function (ev) {
    var file = ev.target.files && ev.target.files[0];
    ev.target.value = "";
    if (!file) return;
    if (file.size > maxImport) {
      say(T("js.import.too_big", { file: file.name, size: quantity(file.size, "B") }));
      return;
    }
    file.text().then(function (text) {
      if (!text.trim()) {
        say(T("js.import.empty", { file: file.name }));
        return;
      }
      if (/\.csv$/i.test(file.name) || /^\s*#/.test(text)) {
        say(T("js.import.csv", { file: file.name }));
        return;
      }
      // Whatever the calculator saved: a scenario, a pinned pair, results
      // or a comparison (the model says which), restored whole.
      var out = api.load(text);
      if (!out || out.error) {
        say(T("js.import.failed", { file: file.name, message: describe((out && out.error) || { message: T("js.calc.no_answer") }) }));
        return;
      }
      if (out.pinned) {
        if (!pin(JSON.stringify(out.pinned), true)) return;
      } else if (pinnedA) {
        unpin();
      }
      writeForm(out.scenario);
      update();
      say(T(out.kind === "scenario" ? "js.import.loaded" : "js.import.loaded_" + out.kind, { file: file.name }));
    }, function () {
      say(T("js.import.unreadable", { file: file.name }));
    });
  });

  // The citation of the scenario shown, with today's date, in the panel
  // the Cite button opens; it follows each edit while open.
  var citePanel = document.getElementById("cite-panel");
  function fillCite() {
    if (!citePanel || citePanel.hidden || !live || !current) return;
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    var out = api.cite(location.origin + location.pathname, current.permalink, d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()));
    if (out.error) return;
    citePanel.querySelectorAll("[data-cite]").forEach(function (pre) { pre.textContent = out[pre.getAttribute("data-cite")] || ""; });
    citePanel.querySelectorAll("[data-cite-copy]").forEach(function (b) { b.removeAttribute("data-copied"); b.textContent = T("js.cite.copy"); });
    // The scenario's share card, which our server draws; a static host
    // has none, and the figure stays hidden.
    var img = document.getElementById("share-card-img");
    if (img) {
      var src = "../share/calculator.png?" + current.permalink;
      if (img.getAttribute("src") !== src) img.setAttribute("src", src);
      citePanel.querySelectorAll("#share-card-link, [data-share-card]").forEach(function (a) { a.setAttribute("href", src); });
    }
  }
  var shareImg = document.getElementById("share-card-img");
  if (shareImg) {
    shareImg.addEventListener("load", function () { document.getElementById("share-card").hidden = false; });
    shareImg.addEventListener("error", function () { document.getElementById("share-card").hidden = true; });
  }
  on("cite-open", "click", function () {
    if (!citePanel) return;
    citePanel.hidden = !citePanel.hidden;
    document.getElementById("cite-open").setAttribute("aria-expanded", String(!citePanel.hidden));
    fillCite();
  });

  on("copy-link", "click", function () {
    var href = location.href;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(href).then(function () { say(T("js.calc.copied")); }, function () { say(T("js.calc.copy_this", { href: href })); });
    } else {
      say(T("js.calc.copy_this", { href: href }));
    }
  });

  on("reset-all", "click", function () {
    if (!live) return;
    writeForm(api.defaults());
    update();
    say(T("js.calc.reset"));
  });
  on("reset-params", "click", function () {
    form.querySelectorAll("[data-param]").forEach(function (e) { e.value = e.getAttribute("data-default"); });
    schedule();
  });
  on("add-tier", "click", function () { addTier(true); schedule(); });
  tierBody.addEventListener("click", function (ev) {
    var b = ev.target.closest(".remove-tier");
    if (!b || tierBody.querySelectorAll("tr.tier-row").length < 2) return;
    b.closest("tr").remove();
    renumber();
    schedule();
  });

  function claim(ev) {
    var row = ev.target.closest && ev.target.closest("tr[data-added]");
    if (row) keepAdded(row);
  }
  form.addEventListener("input", claim, true);
  form.addEventListener("change", claim, true);
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });

  // --- Permalinks.
  function permalinkFromURL() { return permalinkIn(location.hash); }

  function showLinkProblem(link, message) {
    var box = document.getElementById("permalink-message") || document.getElementById("form-error");
    if (!box) return;
    box.textContent = "";
    // A live page keeps the scenario it shows (and puts its link back in
    // the address); a page still loading shows the default.
    box.appendChild(document.createTextNode(T(current ? "js.calc.bad_link_kept" : "js.calc.bad_link", { message: message })));
    // A long link is shown by its start: the message must stay readable.
    box.appendChild(el("code", link.length > 200 ? link.slice(0, 200) + T("js.calc.long_link", { n: quantity(link.length) }) : link));
    box.hidden = false;
  }

  function start() {
    live = true;
    var link = permalinkFromURL();
    if (link !== null && !touched) openLink(link);
    renumber();
    update();
    setStatus(T("js.calc.live"), "live");
    readyAt = performance.now();
    document.documentElement.classList.add("calc-live");
  }

  // openLink shows a link's scenario in the form, and pins its A if it
  // has one; a link that cannot be read leaves the form as it is and
  // says why.
  function openLink(link) {
    var d = api.decode(link); // B, and the pinned A of a comparison's link
    if (d.error) {
      var why = d.error.why || d.error.message;
      showLinkProblem(link, d.error.side === "a" ? T("js.calc.bad_a", { message: why }) : why);
      return false;
    }
    // A good link: the last bad link's message goes; a link made with
    // another version of the model says so, and where to read what moved.
    var box = document.getElementById("permalink-message");
    if (box && !box.hidden) { box.hidden = true; box.textContent = ""; }
    if (box && d.made_with) {
      box.appendChild(document.createTextNode(T("js.calc.old_version", { old: d.made_with, now: d.model_version })));
      var log = el("a", T("js.calc.changelog"));
      log.href = status.getAttribute("data-changelog") || "";
      box.appendChild(log);
      box.appendChild(document.createTextNode(T("js.stop")));
      box.hidden = false;
    }
    if (d.pinned) pin(JSON.stringify(d.pinned), true);
    else if (pinnedA) unpin();
    writeForm(d.scenario);
    return true;
  }

  // A new address (typed, pasted, a link followed, history): the link of
  // the event's own address, not of location, which a pending write may
  // be about to replace; that write is dropped, so it cannot put the
  // scenario before the navigation back in the address.
  window.addEventListener("hashchange", function (ev) {
    var hash = "";
    try { hash = new URL(ev.newURL).hash; } catch (e) { hash = location.hash; }
    var link = permalinkIn(hash);
    if (!live || link === null) return;
    clearTimeout(urlTimer);
    urlTimer = 0;
    urlWanted = null;
    if (current && link === current.link) return;
    if (openLink(link)) update();
    else if (current) { setURL(current.link); flushNow(); }
  });

  // flushNow brings the address up to date at once: an edit still
  // waiting for its frame is computed, and the address written. Anything
  // that reads the address to leave the page (the language switch, app.js)
  // asks for it first.
  function flushNow() {
    if (pending) { cancelAnimationFrame(pending); update(); }
    clearTimeout(urlTimer);
    flushURL();
  }
  document.addEventListener("cpocalc:flush", flushNow);
  window.addEventListener("pagehide", flushNow);

  // For the tests and the benchmark: run an update now and read timings.
  window.cpocalcPage = {
    update: update,
    wasmMemory: function () { return wasmInstance ? wasmInstance.exports.mem.buffer.byteLength : 0; },
    flushURL: flushNow,
    drawPending: function () { window.cpocharts.drawPending(); },
    pendingCharts: function () { return window.cpocharts.pending(); },
    timings: function () { return timings.slice(); },
    readyAt: function () { return readyAt; },
    current: function () { return current; },
    pinned: function () { return pinnedA; }
  };

  load().then(start).catch(function (err) {
    setStatus(T("js.calc.failed", { message: err && err.message ? err.message : err }) +
      (location.protocol === "file:" ? T("js.calc.failed_file") : ""), "failed");
  });
})();
