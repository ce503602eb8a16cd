// Copper to light: draws the pre-computed charts with our own copy of
// ECharts, in the reader's colour scheme, and keeps them sized. The data
// tables stay in the page for readers without scripts; once a chart is
// drawn its table folds away (one click opens it again).
(function () {
  "use strict";

  // The page's words, in its language: T(key, {name: value}), defined by
  // the page's inline script (build/internal/server/policy.go).
  var T = window.cpoT;

  // linkIn returns the scenario's permalink in an address's fragment
  // ("#v=1&gpus=131072", a comparison's "…&a.v=1&…", or a first-release
  // "#s=1.eyJ…"), as it is, or null for any other fragment (#results). The
  // model reads the link and says what is wrong with a bad one. The
  // calculator's and the animation's scripts ask here (window.cpoLinkIn):
  // the site recognises a link in one place.
  function linkIn(hash) {
    return /^#(v|s)=/.test(hash) ? hash.slice(1) : null;
  }
  window.cpoLinkIn = linkIn;

  // The language switch keeps the reader's scenario: the permalink is
  // the same in both editions. The calculator writes its address at most
  // every 150 ms; it is asked to write it now (cpocalc:flush, answered at
  // once), so that the last edit goes along. Middle clicks and keyboard
  // activations too.
  function langSwitch(ev) {
    var a = ev.target && ev.target.closest && ev.target.closest("a[data-lang-switch]");
    if (!a) return;
    document.dispatchEvent(new Event("cpocalc:flush"));
    if (linkIn(location.hash) === null) return;
    a.href = a.href.replace(/#.*$/, "") + location.hash;
  }
  document.addEventListener("click", langSwitch, true);
  document.addEventListener("auxclick", langSwitch, true);

  // A card of a table on a phone opens to all its figures and closes
  // again (the style sheet shows the button on a phone only).
  document.addEventListener("click", function (ev) {
    var b = ev.target && ev.target.closest && ev.target.closest(".card-toggle button");
    if (!b) return;
    var open = b.getAttribute("aria-expanded") !== "true";
    b.setAttribute("aria-expanded", String(open));
    b.closest("tr").classList.toggle("open", open);
  });

  var charts = {};
  // live[id] puts a chart's live data back after each drawing (a resize
  // or a change of colour scheme draws it again from the build's option).
  var live = {};
  var dark = window.matchMedia("(prefers-color-scheme: dark)");
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");

  function optionFor(id) {
    var el = document.querySelector('script.chart-option[data-for="' + id + '"]');
    if (!el) return null;
    try {
      return JSON.parse(el.textContent);
    } catch (e) {
      console.warn("chart " + id + ": option is not JSON");
      return null;
    }
  }

  function draw(box) {
    var id = box.getAttribute("data-chart");
    var option = optionFor(id);
    if (!option || !window.echarts) return;
    if (charts[id]) charts[id].dispose();
    var chart = window.echarts.init(box, dark.matches ? "dark" : null, { renderer: "svg" });
    option.backgroundColor = "transparent";
    option.animation = !reduce.matches;
    var family = getComputedStyle(document.documentElement).fontFamily;
    option.textStyle = { fontFamily: family };
    // The axes' labels measured in the font they are drawn in: ECharts
    // sizes the plot to fit them (containLabel) with the axis's own
    // style, which does not inherit textStyle, and a browser's plain
    // "sans-serif" can be another, narrower font than the page's.
    [].concat(option.xAxis || [], option.yAxis || []).forEach(function (a) {
      if (!a) return;
      a.axisLabel = Object.assign({}, a.axisLabel, { fontFamily: family });
      a.nameTextStyle = Object.assign({}, a.nameTextStyle, { fontFamily: family });
    });
    // Bars on a logarithmic axis start at its floor, not at 1 (which would
    // hang a shorter bar down from 1 as if it were negative).
    [].concat(option.yAxis || []).forEach(function (y) {
      if (y && y.type === "log" && y.min > 0 && y.startValue === undefined) y.startValue = y.min;
    });
    // Axis names start at the axis, so a long one is not cut off at the edge.
    [].concat(option.yAxis || []).forEach(function (y, i) {
      if (y && y.name) y.nameTextStyle = Object.assign({}, y.nameTextStyle, { align: i === 0 ? "left" : "right" });
    });
    var unit = box.getAttribute("data-unit");
    if (unit) option.tooltip = { show: true, confine: true, trigger: (option.tooltip && option.tooltip.trigger) || "axis", formatter: tooltip(box, box.hasAttribute("data-stacked")) };
    // The tooltip's box goes in the chart's own box (positioned by the
    // style sheet), named here: otherwise ECharts reads the box's
    // computed position on every update, which makes the browser work
    // out the whole page's style in the middle of an edit.
    if (option.tooltip) [].concat(option.tooltip).forEach(function (t) { t.appendTo = function (dom) { return dom; }; });
    // The whole legend, on as many lines as it takes (on a phone too), and
    // the plot below it.
    var narrow = box.clientWidth < 560;
    if (narrow && option.legend) [].concat(option.legend).forEach(function (l) { l.type = "plain"; });
    // Long category names across a narrow chart wrap rather than push the
    // plot off the box.
    if (narrow) [].concat(option.yAxis || []).forEach(function (y) {
      if (y && y.type === "category") y.axisLabel = Object.assign({}, y.axisLabel, { width: Math.round(box.clientWidth * 0.38), overflow: "break", fontSize: 10, lineHeight: 11 });
    });
    if (narrow && id === "electrical-path") option.series.forEach(function (s) { if (s.label) s.label.fontSize = 10; });
    chart.setOption(option);
    fitLegend(chart);
    charts[id] = chart;
    if (live[id]) live[id](chart);
    var figure = box.closest("figure");
    var details = figure && figure.querySelector("details.chart-data");
    if (details && !details.dataset.touched) details.open = false;
    var tools = figure && figure.querySelector(".chart-downloads");
    if (tools) {
      tools.hidden = false;
      var copy = tools.querySelector('[data-download="copy"]');
      if (copy) copy.hidden = !(navigator.clipboard && navigator.clipboard.write && window.ClipboardItem);
    }
  }

  // --- A chart to take away: PNG, SVG, the image on the clipboard, its
  // data as CSV. The image is the chart as drawn, redrawn light on white
  // at its size, with its title and unit above and, below, the site, the
  // model version and the scenario (the page's link, or the reference
  // cluster's); the file's name says which chart, version and language.
  function exportSVG(id, tools) {
    var chart = charts[id];
    var w = chart.getWidth(), h = chart.getHeight();
    var box = document.createElement("div");
    box.style.cssText = "position:absolute;left:-10000px;top:0;width:" + w + "px;height:" + h + "px";
    document.body.appendChild(box);
    var copy = window.echarts.init(box, null, { renderer: "svg", width: w, height: h });
    var option = chart.getOption();
    option.animation = false;
    option.backgroundColor = "#ffffff";
    // A font's name in double quotes would end the SVG attribute it is
    // written into: single quotes name it the same.
    (function quote(o) {
      if (!o || typeof o !== "object") return;
      Object.keys(o).forEach(function (k) {
        if (k === "fontFamily" && typeof o[k] === "string") o[k] = o[k].replace(/"/g, "'");
        else quote(o[k]);
      });
    })(option);
    copy.setOption(option);
    var inner = copy.renderToSVGString();
    copy.dispose();
    box.remove();
    var family = esc(getComputedStyle(document.documentElement).fontFamily).replace(/"/g, "'");
    var link = linkIn(location.hash);
    var scenario = link && link !== "v=1" ? T("js.download.scenario", { link: location.origin + location.pathname + "#" + link }) : T("js.download.reference");
    var foot = T("js.download.credit", { site: tools.getAttribute("data-site"), version: tools.getAttribute("data-version") }) + " · " + scenario;
    var unit = tools.getAttribute("data-unit");
    var top = unit ? 58 : 40, bottom = 34;
    var text = function (x, y, size, weight, t) {
      return '<text x="' + x + '" y="' + y + '" font-family="' + family + '" font-size="' + size + '" font-weight="' + weight + '" fill="#1b1f24">' + esc(t) + "</text>";
    };
    return { width: w, height: h + top + bottom, svg: '<svg xmlns="http://www.w3.org/2000/svg" width="' + w + '" height="' + (h + top + bottom) + '" viewBox="0 0 ' + w + " " + (h + top + bottom) + '">' +
      '<rect width="100%" height="100%" fill="#ffffff"/>' +
      text(12, 26, 17, 700, tools.getAttribute("data-name")) + (unit ? text(12, 46, 13, 400, T("js.download.unit", { unit: unit })) : "") +
      '<g transform="translate(0,' + top + ')">' + inner + "</g>" +
      text(12, h + top + 22, 11, 400, foot) + "</svg>" };
  }

  function exportPNG(id, tools, done) {
    var out = exportSVG(id, tools);
    var img = new Image();
    img.onload = function () {
      var scale = 2;
      var canvas = document.createElement("canvas");
      canvas.width = out.width * scale;
      canvas.height = out.height * scale;
      var g = canvas.getContext("2d");
      g.scale(scale, scale);
      g.drawImage(img, 0, 0);
      canvas.toBlob(function (blob) { done(blob); }, "image/png");
    };
    img.onerror = function () { done(null); };
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(out.svg);
  }

  // exportCSV writes the chart's numbers as drawn (the option's series
  // over its category or value axis), after rows that say what they are.
  function exportCSV(id, tools) {
    var o = charts[id].getOption();
    var cell = function (v) {
      var t = v === null || v === undefined ? "" : String(v);
      if (/^[=+\-@\t\r]/.test(t) && isNaN(Number(t))) t = "'" + t;
      return /[",\n\r]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
    };
    var valueOf = function (d) { return d && typeof d === "object" && !Array.isArray(d) ? d.value : d; };
    var series = (o.series || []).filter(function (s) { return s.data && s.data.length; });
    var cats = null;
    [].concat(o.xAxis || [], o.yAxis || []).forEach(function (a) { if (!cats && a && a.data) cats = a.data.map(function (c) { return valueOf(c); }); });
    var rows = [["# " + tools.getAttribute("data-name")], ["# " + T("js.download.credit", { site: tools.getAttribute("data-site"), version: tools.getAttribute("data-version") })]];
    var link = linkIn(location.hash);
    rows.push(["# " + (link && link !== "v=1" ? T("js.download.scenario", { link: location.origin + location.pathname + "#" + link }) : T("js.download.reference"))]);
    if (tools.getAttribute("data-unit")) rows.push(["# " + T("js.download.unit", { unit: tools.getAttribute("data-unit") })]);
    if (cats) {
      rows.push([""].concat(series.map(function (s) { return s.name; })));
      cats.forEach(function (c, i) {
        rows.push([c].concat(series.map(function (s) { var v = valueOf(s.data[i]); return Array.isArray(v) ? v[v.length - 1] : v; })));
      });
    } else {
      rows.push(["series", "x", "y"]);
      series.forEach(function (s) {
        s.data.forEach(function (d) { var v = valueOf(d); if (Array.isArray(v)) rows.push([s.name, v[0], v[1]]); });
      });
    }
    return rows.map(function (r) { return r.map(cell).join(","); }).join("\r\n") + "\r\n";
  }

  // saveBlob hands a file to the browser's download (the calculator's
  // exports use it too: window.cpoSaveBlob).
  function saveBlob(name, blob) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  window.cpoSaveBlob = saveBlob;

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest("[data-download]") : null;
    if (!b) return;
    var tools = b.closest(".chart-downloads");
    var box = tools && tools.closest("figure").querySelector("[data-chart]");
    var id = box && box.getAttribute("data-chart");
    if (!id || !charts[id]) return;
    var file = tools.getAttribute("data-file");
    var said = tools.querySelector(".download-status");
    var say = function (key, name) { if (said) said.textContent = T(key, { file: name }); };
    var kind = b.getAttribute("data-download");
    if (kind === "svg") {
      saveBlob(file + ".svg", new Blob([exportSVG(id, tools).svg], { type: "image/svg+xml" }));
      say("js.saved", file + ".svg");
    } else if (kind === "csv") {
      saveBlob(file + ".csv", new Blob(["\ufeff" + exportCSV(id, tools)], { type: "text/csv" }));
      say("js.saved", file + ".csv");
    } else {
      exportPNG(id, tools, function (blob) {
        if (!blob) { say("js.download.failed", file); return; }
        if (kind === "png") { saveBlob(file + ".png", blob); say("js.saved", file + ".png"); return; }
        navigator.clipboard.write([new window.ClipboardItem({ "image/png": blob })]).then(function () { say("js.download.copied", file); }, function () { say("js.download.failed", file); });
      });
    }
  });

  function esc(t) { return String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }

  function fmt(v) {
    var a = Math.abs(v);
    return Number(v.toPrecision(a >= 1000 ? 6 : 3)).toLocaleString("en-US", { maximumFractionDigits: a < 1 ? 4 : 2 });
  }

  // tooltip lists each series' value with its unit, leaves out the empty
  // and zero ones, and gives a stacked bar's total.
  function tooltip(box, stacked) {
    return function (params) {
      // A live chart may change its units (the sweep's input and headline).
      var unit = box.getAttribute("data-unit") || "", xUnit = box.getAttribute("data-x-unit") || "";
      if (!Array.isArray(params)) params = [params];
      var rows = [], total = 0, head = "";
      params.forEach(function (p) {
        var v = Array.isArray(p.value) ? p.value[1] : p.value;
        if (!head) head = Array.isArray(p.value) ? fmt(p.value[0]) + (xUnit ? " " + xUnit : "") : (p.axisValueLabel || p.name || "");
        // A bar that is words, not a number ("does not reach").
        if (p.data && typeof p.data === "object" && p.data.itemStyle && p.data.itemStyle.color === "transparent" && p.data.name) {
          rows.push(p.marker + esc(p.seriesName) + ": <b>" + esc(p.data.name) + "</b>");
          return;
        }
        if (typeof v !== "number" || v === 0 || !isFinite(v)) return;
        total += v;
        rows.push(p.marker + esc(p.seriesName) + ": <b>" + fmt(v) + " " + esc(unit) + "</b>");
      });
      if (stacked && rows.length > 1) rows.push(esc(T("js.chart.total")) + ": <b>" + fmt(total) + " " + esc(unit) + "</b>");
      return esc(head) + (rows.length ? "<br>" + rows.join("<br>") : "<br>" + esc(T("js.chart.no_value")));
    };
  }

  // fitLegend moves the plot below a legend that wrapped to several lines.
  function fitLegend(chart) {
    var views = chart._componentsViews || [];
    for (var i = 0; i < views.length; i++) {
      var v = views[i];
      if (v && v.type && v.type.indexOf("legend") === 0 && v.group) {
        var h = v.group.getBoundingRect().height;
        if (h > 30) chart.setOption({ grid: { top: Math.ceil(h) + 24 } });
        return;
      }
    }
  }

  function drawAll() {
    if (!window.echarts) return;
    var boxes = document.querySelectorAll("[data-chart]");
    for (var i = 0; i < boxes.length; i++) draw(boxes[i]);
  }

  // The charts' library (ECharts) is not fetched with the page: it comes
  // when a chart nears the screen, or once the page is settled (the
  // calculator live, or the browser idle), so that it never delays the
  // calculator. Until then each chart's data table shows.
  var libReady = null;
  var afterLib = [];
  // drawn reports whether the library is here and the charts drawn.
  function drawn() { return !!(window.echarts && libReady); }
  function loadCharts() {
    if (libReady) return libReady;
    var meta = document.querySelector('meta[name="cpo-chart-lib"]');
    if (window.echarts || !meta) {
      libReady = Promise.resolve();
    } else {
      libReady = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = meta.getAttribute("content");
        s.onload = resolve;
        s.onerror = function () { reject(new Error(T("js.chart.no_library"))); };
        document.head.appendChild(s);
      });
    }
    libReady = libReady.then(function () {
      drawAll();
      observeSizes();
      afterLib.splice(0).forEach(function (f) { f(); });
    }).catch(function (e) { console.warn(e.message); });
    return libReady;
  }

  function scheduleCharts() {
    if (!document.querySelector("[data-chart]")) return;
    if (window.IntersectionObserver) {
      var near = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          near.disconnect();
          loadCharts();
        }
      }, { rootMargin: "600px 0px" });
      document.querySelectorAll("[data-chart]").forEach(function (b) { near.observe(b); });
    } else {
      loadCharts();
    }
    var idle = function () {
      if (window.requestIdleCallback) window.requestIdleCallback(loadCharts, { timeout: 3000 });
      else setTimeout(loadCharts, 500);
    };
    if (document.getElementById("calc-status")) {
      // A calculator page: after the calculator (or its failure).
      document.addEventListener("cpocalc-settled", idle, { once: true });
    } else if (document.readyState === "complete") {
      idle();
    } else {
      window.addEventListener("load", idle);
    }
  }

  var sizes = null;
  function observeSizes() {
    if (sizes || !window.ResizeObserver) return;
    sizes = new ResizeObserver(function (entries) {
      entries.forEach(function (e) {
        var c = charts[e.target.getAttribute("data-chart")];
        if (c) c.resize();
      });
    });
    document.querySelectorAll("[data-chart]").forEach(function (b) { sizes.observe(b); });
  }

  // citeButtons: each form of a citation (the methodology's, the
  // calculator's) has a button that copies its text; a browser without a
  // clipboard selects it for the reader instead.
  function citeButtons() {
    document.addEventListener("click", function (ev) {
      var b = ev.target.closest ? ev.target.closest("[data-cite-copy]") : null;
      if (!b) return;
      var form = b.closest(".cite-forms");
      var pre = form && form.querySelector('[data-cite="' + b.getAttribute("data-cite-copy") + '"]');
      if (!pre) return;
      var select = function () {
        var range = document.createRange();
        range.selectNodeContents(pre);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        b.setAttribute("data-copied", "select");
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(pre.textContent).then(function () { b.setAttribute("data-copied", "yes"); b.textContent = T("js.cite.copied"); }, select);
      } else {
        select();
      }
    });
  }

  function start() {
    fileNotice();
    reportHeight();
    // The worker's first visit fetches the whole site: after the page's
    // own loading, when the browser is idle.
    var later = function () {
      if (window.requestIdleCallback) window.requestIdleCallback(registerServiceWorker, { timeout: 5000 });
      else setTimeout(registerServiceWorker, 1000);
    };
    if (document.readyState === "complete") later();
    else window.addEventListener("load", later);
    embedButtons();
    citeButtons();
    embedAnimations();
    generations();
    predicts();
    proseKnobs();
    document.querySelectorAll("details.chart-data").forEach(function (d) {
      d.addEventListener("toggle", function () { d.dataset.touched = "1"; });
    });
    if (window.echarts) loadCharts(); // a page that brought its own copy
    else scheduleCharts();
    var redraw = function () { drawAll(); };
    if (dark.addEventListener) {
      dark.addEventListener("change", redraw);
      reduce.addEventListener("change", redraw);
    }
  }

  // generations: the picker of the generations' section moves through
  // the years; each row's words are the build's, worded from core's
  // numbers (the JSON beside it), and the charts of the section point at
  // the year picked.
  function generations() {
    document.querySelectorAll("[data-gen]").forEach(function (box) {
      var data = box.querySelector(".gen-data"), input = box.querySelector("[data-gen-input]");
      if (!data || !input) return;
      var rows = JSON.parse(data.textContent);
      var out = box.querySelector("[data-gen-year]"), open = box.querySelector("[data-gen-open]");
      var cells = box.querySelectorAll("[data-gen-key]");
      function show() {
        var i = Number(input.value), row = rows[i];
        if (!row) return;
        out.textContent = row.year;
        input.setAttribute("aria-valuetext", row.year);
        for (var k = 0; k < cells.length && k < row.values.length; k++) cells[k].textContent = row.values[k];
        open.textContent = row.open;
        open.href = open.getAttribute("data-calculator") + "#" + row.link;
        ["generations-reach", "generations-power"].forEach(function (id) {
          if (charts[id]) charts[id].dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: row.at });
        });
      }
      input.addEventListener("input", show);
      input.addEventListener("change", show);
      show();
    });
  }

  // The explainer's movable numbers. Each knob steps through its values
  // (data-steps) by its arrow keys, a drag sideways or its − and +
  // buttons; the first touch loads the calculator's WebAssembly, and each
  // step asks core (cpocalc.prose) for the scenario's facts, claims and
  // charts, which replace the built ones in place. The draws' facts and
  // the claims' "how sure" come a moment later from the worker. Until the
  // model is live the page reads as it was built, and a knob says why it
  // does not move yet.
  function proseKnobs() {
    var bar = document.getElementById("prose-live");
    var knobs = Array.prototype.slice.call(document.querySelectorAll("[data-knob]"));
    if (!bar || !knobs.length) return;
    var statusEl = bar.querySelector("[data-prose-status]"), resetRow = bar.querySelector(".prose-reset");
    var openLink = bar.querySelector("[data-prose-open]");
    var calculator = bar.getAttribute("data-calculator");
    var api = null, loading = null, scenario = "", asked = null, worker = null, shownLink = "v=1", movedText = "";
    var shownClaims = []; // the claims' cells as last written (none: as built)
    // The build's draws' facts (the default's), for the way back: the
    // model gives them only with a run of its own.
    var builtDraws = {};
    document.querySelectorAll('[data-fact^="unc_"]').forEach(function (e) { builtDraws[e.getAttribute("data-fact")] = e.textContent; });
    var say = function (text, state) { statusEl.textContent = text; bar.setAttribute("data-state", state || ""); };
    var stepsOf = function (k) { return JSON.parse(k.getAttribute("data-steps")); };
    var slider = function (k) { return k.querySelector("[role=slider]"); };
    knobs.forEach(function (k) {
      var s = slider(k);
      s.setAttribute("aria-disabled", "true");
      s.title = T("js.prose.waiting");
      s.setAttribute("data-shown", s.getAttribute("aria-valuenow")); // the value its words say
    });

    function load() {
      if (loading) return loading;
      say(T("js.prose.loading", { size: bar.getAttribute("data-model-size") || "" }), "loading");
      loading = new Promise(function (resolve, reject) {
        if (window.cpocalcWasm) { resolve(); return; }
        var sc = document.createElement("script");
        sc.src = bar.getAttribute("data-model-exec");
        sc.onload = resolve;
        sc.onerror = function () { reject(new Error(T("js.no_wasm"))); };
        document.head.appendChild(sc);
      }).then(function () {
        if (typeof WebAssembly !== "object" || !window.cpocalcWasm) throw new Error(T("js.no_wasm"));
        var words = window.cpocalcWords(function (code) { return new Error(T("js.server_answered", { status: code })); });
        return window.cpocalcWasm(bar.getAttribute("data-model"), { refused: function (code) { return new Error(T("js.server_answered", { status: code })); } })
          .then(function () { return Promise.all([window.cpocalc.ready, words]); });
      }).then(function (r) {
        if (r[1]) {
          var set = r[0].setLang(document.documentElement.lang || "en", r[1]);
          if (set && set.error) throw new Error(set.error.message);
        }
        api = r[0];
        knobs.forEach(function (k) { slider(k).removeAttribute("aria-disabled"); slider(k).removeAttribute("title"); });
        say("", "live");
        return api;
      });
      loading.catch(function (err) {
        loading = null; // a later touch tries again
        asked = null;
        knobs.forEach(function (k) { slider(k).setAttribute("aria-valuenow", slider(k).getAttribute("data-shown")); });
        say(T("js.prose.failed", { message: err && err.message ? err.message : String(err) }), "failed");
      });
      return loading;
    }

    // apply puts an answer of cpocalc.prose on the page.
    function apply(a, draws) {
      Object.keys(a.facts).forEach(function (key) {
        document.querySelectorAll('[data-fact="' + key + '"]').forEach(function (e) {
          if (e.textContent !== a.facts[key]) e.textContent = a.facts[key];
        });
      });
      var rows = document.querySelectorAll("table.claims tbody tr");
      a.claims.forEach(function (c, i) {
        var cells = rows[i] && rows[i].children, was = shownClaims[i] || {};
        if (!cells || cells.length < 4) return;
        if (was.verdict !== c.verdict) cells[1].innerHTML = c.verdict;
        if (was.says !== c.says) cells[3].innerHTML = c.says;
        shownClaims[i] = c;
      });
      var claims = document.querySelector("table.claims");
      if (claims) claims.setAttribute("aria-busy", draws || a.permalink === "v=1" ? "false" : "true");
      if (draws) {
        say(movedText, "live");
        return;
      }
      knobs.forEach(function (k) {
        var s = slider(k), v = a.knobs.filter(function (x) { return x.key === k.getAttribute("data-knob"); })[0];
        if (!v) return;
        s.setAttribute("aria-valuenow", String(v.value));
        s.setAttribute("data-shown", String(v.value));
        s.setAttribute("aria-valuetext", s.textContent);
      });
      if (window.cpocharts) {
        window.cpocharts.applyTables(a.charts || {});
        window.cpocharts.applyWords(a.words || {});
        window.cpocharts.applyFigures(a.figures);
      }
      // The calculator's links carry the reader's scenario.
      shownLink = a.permalink;
      document.querySelectorAll('a[href="' + calculator + '"], a[data-prose-calc]').forEach(function (l) {
        l.setAttribute("data-prose-calc", "");
        l.href = calculator + (a.permalink === "v=1" ? "" : "#" + a.permalink);
      });
      var moved = a.permalink !== "v=1";
      resetRow.hidden = !moved;
      if (openLink) openLink.href = calculator + "#" + a.permalink;
      movedText = moved ? T("js.prose.moved", { changes: knobs.map(function (k) { return T("js.prose.change", { name: slider(k).getAttribute("aria-label"), value: slider(k).textContent }); }).join("; ") }) : "";
      say(movedText, "live");
      askDraws(a);
    }

    // askDraws asks the worker for the draws' facts and the claims' "how
    // sure" for the scenario shown, once the reader pauses.
    var drawTimer = 0;
    function askDraws(a) {
      var runAt = (bar.getAttribute("data-band-run") || "2000 1").split(" ");
      clearTimeout(drawTimer);
      if (a.permalink === "v=1") return; // the build's are the default's
      drawTimer = setTimeout(function () {
        if (!worker) {
          worker = window.cpocalcWorker(bar.getAttribute("data-worker"), bar.getAttribute("data-model-exec"), bar.getAttribute("data-model"), T("js.server_answered"));
          if (!worker) return; // a sandboxed page: no draws
          worker.onmessage = function (ev) {
            var d = ev.data || {};
            if (d.id !== shownLink || !d.prose || d.prose.error) return;
            apply(d.prose, true);
          };
        }
        say(movedText + " " + T("js.prose.draws", { samples: api.quantity(Number(runAt[0]), "") }), "drawing");
        worker.postMessage({ id: a.permalink, prose: { scenario: JSON.stringify(a.scenario), calculator: calculator }, samples: runAt[0], seed: runAt[1] });
      }, 400);
    }

    // move steps knob k by dir (±1, or ±Infinity for an end) and asks the
    // model; steps asked before it has loaded are kept, the last one
    // wins. A key or a tap is answered at once (its numbers are in the
    // next frame); the steps of a drag, once a frame.
    function move(k, dir, drag) {
      var s = slider(k), steps = stepsOf(k), now = Number(s.getAttribute("aria-valuenow"));
      var i = 0;
      steps.forEach(function (v, j) { if (Math.abs(v - now) < Math.abs(steps[i] - now)) i = j; });
      var j = dir === Infinity ? steps.length - 1 : dir === -Infinity ? 0 : Math.max(0, Math.min(steps.length - 1, i + dir));
      if (j === i && steps[i] === now) return;
      s.setAttribute("aria-valuenow", String(steps[j])); // the next step counts from here
      asked = { key: k.getAttribute("data-knob"), value: steps[j] };
      if (api && !drag) {
        answer();
        return;
      }
      load().then(function () {
        if (!frame) frame = requestAnimationFrame(function () { frame = 0; answer(); });
      }, function () {});
    }
    var frame = 0;
    function answer() {
      if (!asked) return;
      var q = asked;
      asked = null;
      var a = api.prose(scenario, q.key, String(q.value), calculator);
      if (!a || a.error) {
        say(T("js.prose.failed", { message: a && a.error ? a.error.message : "" }), "failed");
        return;
      }
      scenario = JSON.stringify(a.scenario);
      apply(a, false);
    }

    knobs.forEach(function (k) {
      var s = slider(k);
      s.addEventListener("focus", function () { load().catch(function () {}); });
      s.addEventListener("keydown", function (e) {
        var d = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 3, PageDown: -3, Home: -Infinity, End: Infinity }[e.key];
        if (d === undefined) return;
        e.preventDefault();
        move(k, d);
      });
      k.querySelectorAll(".knob-step").forEach(function (b) {
        b.addEventListener("click", function () { move(k, Number(b.getAttribute("data-dir"))); });
      });
      // A drag sideways: a step every 24 pixels.
      var from = null;
      s.addEventListener("pointerdown", function (e) {
        from = e.clientX;
        load().catch(function () {});
        if (s.setPointerCapture) s.setPointerCapture(e.pointerId);
      });
      s.addEventListener("pointermove", function (e) {
        if (from === null) return;
        var n = Math.trunc((e.clientX - from) / 24);
        if (n) { from += n * 24; move(k, n, true); }
      });
      var end = function () { from = null; };
      s.addEventListener("pointerup", end);
      s.addEventListener("pointercancel", end);
    });
    bar.querySelector("[data-prose-reset]").addEventListener("click", function () {
      scenario = "";
      if (!api) return;
      var a = api.prose("", "", "", calculator);
      if (a && !a.error) {
        apply(a, false);
        Object.keys(builtDraws).forEach(function (key) {
          document.querySelectorAll('[data-fact="' + key + '"]').forEach(function (e) { e.textContent = builtDraws[key]; });
        });
      }
    });
  }

  // predicts: "predict, then see". The slider's stops and their words are
  // the build's; the answer and its band are core's. The script compares
  // the guess with the band's ends, and keeps the guess for the session
  // (sessionStorage): nothing leaves the page.
  function predicts() {
    document.querySelectorAll("[data-predict]").forEach(function (box) {
      var id = box.getAttribute("data-predict"), input = box.querySelector("[data-predict-input]");
      var out = box.querySelector(".predict-guess"), answer = box.querySelector("[data-predict-answer]");
      var verdict = box.querySelector("[data-predict-verdict]"), pick = box.querySelector(".predict-pick");
      var stops = JSON.parse(box.getAttribute("data-stops"));
      var low = Number(box.getAttribute("data-low")), high = Number(box.getAttribute("data-high"));
      var key = "cpocalc-predict-" + id, store = null;
      try { store = window.sessionStorage; } catch (e) { store = null; }
      function show() {
        var s = stops[Number(input.value)];
        out.textContent = s[1];
        input.setAttribute("aria-valuetext", s[1]);
      }
      function reveal(guessed, focus) {
        answer.hidden = false;
        if (guessed) {
          var s = stops[Number(input.value)];
          verdict.textContent = T(s[0] < low ? "js.predict.below" : s[0] > high ? "js.predict.above" : "js.predict.within", { guess: s[1] });
        } else {
          verdict.textContent = "";
        }
        pick.hidden = true;
        if (focus) answer.focus(); // the button that had it is gone
      }
      input.addEventListener("input", show);
      box.querySelector("[data-predict-see]").addEventListener("click", function () {
        if (store) try { store.setItem(key, input.value); } catch (e) { /* full or refused: not kept */ }
        reveal(true, true);
      });
      box.querySelector("[data-predict-skip]").addEventListener("click", function () {
        if (store) try { store.setItem(key, "skip"); } catch (e) { /* not kept */ }
        reveal(false, true);
      });
      var kept = store && store.getItem(key);
      if (kept === "skip") reveal(false);
      else if (kept !== null && kept !== undefined && stops[Number(kept)]) { input.value = kept; show(); reveal(true); }
    });
  }

  // scenarioHash is the page's scenario as an address's fragment: its
  // permalink, or the default's ("#v=1").
  function scenarioHash() {
    return linkIn(location.hash) === null ? "#v=1" : location.hash;
  }

  // The animation is a page of its own (ebiten owns its canvas), shown in
  // an iframe that is created only when its place scrolls into view: its
  // WebAssembly is large and most readers read the top first.
  function embedAnimations() {
    var slots = document.querySelectorAll(".anim-embed[data-src]");
    if (!slots.length) return;
    var load = function (slot) {
      if (slot.querySelector("iframe")) return;
      var f = document.createElement("iframe");
      // A slot with a link of its own (the explainer's, data-anim) shows
      // that link whatever the address; the others follow the page's
      // scenario, the default one included.
      var hash = slot.hasAttribute("data-anim") ? "" : scenarioHash();
      f.src = slot.getAttribute("data-src") + hash;
      f.title = slot.getAttribute("data-title") || "Animation";
      // The link the prose beside it describes, for the animation to start
      // on (a page with a scenario of its own, the calculator, sends it).
      var anim = slot.getAttribute("data-anim");
      if (anim && location.origin !== "null") {
        f.addEventListener("load", function () {
          try { f.contentWindow.postMessage({ type: "cpoanim:params", params: JSON.parse(anim) }, location.origin); } catch (e) { /* not ours to steer */ }
        });
      }
      slot.insertBefore(f, slot.firstChild);
      var p = slot.querySelector(".anim-link");
      if (p) p.classList.add("visually-hidden");
    };
    if (!window.IntersectionObserver) {
      slots.forEach(load);
      return;
    }
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) {
          io.unobserve(e.target);
          load(e.target);
        }
      });
    });
    slots.forEach(function (s) { io.observe(s); });
  }

  // In an iframe (an embed), tell the host page our height whenever it
  // changes, so that any host can size the frame: {type: "cpocalc:height",
  // height: <CSS pixels>}. The message holds nothing private, so it goes to
  // any parent; the host checks who sent it.
  function reportHeight() {
    if (window.parent === window) return;
    // The animation fills whatever frame it is given: it asks for a height
    // that suits its width instead.
    var fixed = document.documentElement.classList.contains("embed-fixed");
    var last = 0;
    var send = function () {
      var h = fixed ? Math.max(320, Math.min(640, Math.round(window.innerWidth * 0.5) + 52)) :
        Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== last) {
        last = h;
        window.parent.postMessage({ type: "cpocalc:height", height: h }, "*");
      }
    };
    send();
    if (window.ResizeObserver && !fixed) new ResizeObserver(send).observe(document.documentElement);
    window.addEventListener("resize", send);
    window.addEventListener("load", send);
  }

  // The site root, from this script's own address (assets/app.<hash>.js).
  function siteRoot() {
    var s = document.querySelector('script[src*="assets/app."]');
    return s ? s.src.replace(/assets\/app\.[^/]*$/, "") : location.origin + "/";
  }

  // Offline: a service worker keeps the site for later visits, and says
  // when a new version has arrived.
  function registerServiceWorker() {
    if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol) || window.parent !== window) return;
    var root = siteRoot();
    var reg;
    try {
      reg = navigator.serviceWorker.register(root + "sw.js", { scope: root });
    } catch (e) {
      return; // a sandboxed or private context
    }
    reg.then(function (r) {
      r.addEventListener("updatefound", function () {
        var w = r.installing;
        if (!w || !navigator.serviceWorker.controller) return; // first install: nothing to replace
        w.addEventListener("statechange", function () {
          if (w.state === "installed") offerUpdate(w);
        });
      });
      if (r.waiting && navigator.serviceWorker.controller) {
        // A reload that a parked update asked for: ask the worker again,
        // without a second question to the reader.
        var again = false;
        try { again = sessionStorage.getItem(updateKey) === "1"; sessionStorage.removeItem(updateKey); } catch (e) { /* no storage */ }
        if (again) takeUpdate(r.waiting, null);
        else offerUpdate(r.waiting);
      }
    }).catch(function () {});
  }

  // takeUpdate makes the waiting worker w the site's and reloads into it.
  // Another tab may have taken the update already: the new worker is then
  // active and controls this page too, and a reload is all (as it is for
  // a worker that gave way to a newer one). Chromium may park an update
  // whose worker was asked while the old one still served a fetch: the
  // worker is asked again, and after a while the page reloads anyway and
  // asks once more from there (a navigation sets a parked activation
  // going).
  var updateKey = "cpo-update-asked";
  function takeUpdate(w, bar) {
    if (w.state === "activated" || w.state === "activating" || w.state === "redundant" || navigator.serviceWorker.controller === w) {
      location.reload();
      return;
    }
    var reloaded = false;
    var reload = function () { if (!reloaded) { reloaded = true; location.reload(); } };
    navigator.serviceWorker.addEventListener("controllerchange", reload);
    w.addEventListener("statechange", function () { if (w.state === "activated") reload(); });
    var asked = 0;
    var ask = function () {
      if (reloaded || w.state !== "installed") return;
      asked++;
      if (bar) bar.setAttribute("data-asked", String(asked));
      if (asked > 4 && bar) {
        try { sessionStorage.setItem(updateKey, "1"); } catch (e) { /* no storage: the reader asks again */ }
        reload();
        return;
      }
      w.postMessage({ type: "skipWaiting" });
      setTimeout(ask, 2000);
    };
    ask();
  }

  function offerUpdate(worker) {
    if (document.getElementById("update-banner")) return;
    var bar = document.createElement("div");
    bar.id = "update-banner";
    bar.className = "update-banner";
    bar.setAttribute("role", "status");
    bar.textContent = T("js.sw.update") + " ";
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = T("js.sw.reload");
    b.addEventListener("click", function () {
      // The worker waiting now, which may be newer than the one this
      // banner was offered for (an install that failed and was tried
      // again leaves that one redundant).
      navigator.serviceWorker.getRegistration().then(function (r) { takeUpdate((r && r.waiting) || worker, bar); }, function () { takeUpdate(worker, bar); });
    });
    bar.appendChild(b);
    document.body.appendChild(bar);
  }

  // Opened from a file, the pages show what was built into them; the
  // calculator and the animation need the little server of the bundle.
  function fileNotice() {
    if (location.protocol !== "file:") return;
    var bar = document.createElement("div");
    bar.className = "file-notice";
    bar.setAttribute("role", "note");
    bar.textContent = T("js.file_notice");
    document.body.insertBefore(bar, document.body.firstChild);
  }

  // Embed buttons: a copy-ready snippet for each figure and for the
  // calculator, with the state of the page.
  function embedButtons() {
    var root = siteRoot();
    document.querySelectorAll("[data-embed]").forEach(function (el) {
      var path = el.getAttribute("data-embed");
      var title = el.getAttribute("data-embed-title") || document.title;
      var height = Number(el.getAttribute("data-embed-height")) || 520;
      var thumb = root + (el.getAttribute("data-embed-thumb") || "");
      var details = document.createElement("details");
      details.className = "embed-box";
      var summary = document.createElement("summary");
      summary.textContent = T("js.embed.summary");
      details.appendChild(summary);
      var help = document.createElement("p");
      help.textContent = T("js.embed.help");
      details.appendChild(help);
      var area = document.createElement("textarea");
      area.readOnly = true;
      area.rows = 6;
      area.className = "embed-snippet";
      area.setAttribute("aria-label", T("js.embed.code_for", { title: title }));
      details.appendChild(area);
      var copy = document.createElement("button");
      copy.type = "button";
      copy.textContent = T("js.embed.copy");
      var said = document.createElement("span");
      said.setAttribute("role", "status");
      copy.addEventListener("click", function () {
        fill();
        area.select();
        var done = function () { said.textContent = T("js.embed.copied"); };
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(area.value).then(done, function () { said.textContent = T("js.embed.select"); });
        else said.textContent = T("js.embed.select");
      });
      details.appendChild(copy);
      details.appendChild(said);
      // The snippet carries the page's scenario as it is now: the
      // default's too for an embed that follows it (data-embed-scenario),
      // whose own page opens on something else.
      var follows = el.hasAttribute("data-embed-scenario");
      var fill = function () {
        var hash = linkIn(location.hash) === null ? "" : location.hash;
        area.value = window.cpoEmbed.snippet(root + path + (follows ? scenarioHash() : hash), title, height, thumb);
      };
      details.addEventListener("toggle", function () { if (details.open) fill(); });
      area.addEventListener("focus", fill);
      el.appendChild(details);
    });
  }

  // The embed snippet; the oEmbed files of the build hold the same text.
  window.cpoEmbed = {
    snippet: function (src, title, height, thumb) {
      var origin = src.replace(/^(https?:\/\/[^/]+).*$/, "$1");
      var esc = function (s) { return String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;"); };
      return '<iframe src="' + esc(src) + '" title="' + esc(title) + '" width="100%" height="' + height + '" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-cpocalc style="border:0;max-width:100%"></iframe>\n' +
        '<script>addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="cpocalc:height"||typeof d.height!=="number"||(e.origin!=="null"&&e.origin!=="' + origin + '"))return;' +
        'var f=document.querySelectorAll("iframe[data-cpocalc]");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.min(8000,Math.max(120,d.height))+"px"})<\/script>\n' +
        '<noscript><a href="' + esc(src) + '"><img src="' + esc(thumb) + '" alt="' + esc(title) + '" width="640" height="400" style="max-width:100%;height:auto;border:0"></a></noscript>';
    }
  };

  // --- Live updates of the charts' data (the calculator and the embeds
  // call these with the figures the model computes for a scenario).
  function round4(x) { return x === null ? null : Number(x.toPrecision(4)); }

  // Each chart is redrawn only when its data changed, without animation,
  // its data as plain arrays (ECharts reads them faster than {value}
  // objects): an edit must reach the screen within a frame.
  var lastFigures = {};
  var seriesNames = {};
  var pendingFigures = null;
  afterLib.push(function () {
    if (pendingFigures) {
      var f = pendingFigures;
      pendingFigures = null;
      updateCharts(f);
    }
  });

  function namesOf(id, chart) {
    if (!seriesNames[id]) seriesNames[id] = chart.getOption().series.map(function (s) { return s.name; });
    return seriesNames[id];
  }

  function changed(key, data) {
    var s = JSON.stringify(data);
    if (lastFigures[key] === s) return false;
    lastFigures[key] = s;
    return true;
  }

  // Charts on screen are redrawn at once; a chart off screen is redrawn
  // when it comes into view (ECharts takes several milliseconds a chart,
  // and an edit must reach the screen within a frame).
  var onScreen = {};
  var pendingCharts = {};
  if (window.IntersectionObserver) {
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var id = e.target.getAttribute("data-chart");
        onScreen[id] = e.isIntersecting;
        if (e.isIntersecting && pendingCharts[id]) {
          var draw = pendingCharts[id];
          delete pendingCharts[id];
          draw();
        }
      });
    }, { rootMargin: "200px 0px" });
    document.querySelectorAll("[data-chart]").forEach(function (b) { io.observe(b); });
  }

  function drawChart(id, draw) {
    if (!window.IntersectionObserver || onScreen[id]) {
      delete pendingCharts[id];
      draw();
    } else {
      pendingCharts[id] = draw;
    }
  }

  // The pinned scenario A of a comparison is drawn as ghosts beside B's
  // series: dashed lines of the same colour on the cluster chart, and a
  // mark at A's total on each stacked bar.
  var ghost = null, lastApplied = null;
  function setGhost(f) {
    ghost = f || null;
    lastFigures = {};
    if (!ghost) {
      // Unpinned: the charts that had ghosts are drawn afresh from the
      // build's option, so that no empty series keeps its place (a bar
      // chart would keep the ghosts' width).
      Object.keys(ghostSlots).forEach(function (key) {
        if (!ghostSlots[key] || key.indexOf(":") >= 0) return;
        var box = document.querySelector('[data-chart="' + key + '"]');
        Object.keys(ghostSlots).forEach(function (k) { if (k === key || k.indexOf(key + ":") === 0) ghostSlots[k] = 0; });
        if (box && charts[key]) draw(box);
      });
    }
    if (lastApplied) updateCharts(lastApplied);
  }
  function colourOf(chart, i) {
    var s = chart.getOption().series[i];
    return (s && s.itemStyle && s.itemStyle.color) || undefined;
  }
  function ghostLines(chart, cp, names) {
    return cp.series.map(function (s, i) {
      var data = [];
      s.values.forEach(function (v, j) { if (v !== null) data.push([cp.gpus[j], round4(v)]); });
      var c = colourOf(chart, names.indexOf(s.name) < 0 ? i : names.indexOf(s.name));
      return { name: T("js.chart.ghost", { name: s.name }), type: "line", data: data, symbol: "none", silent: true, z: 1,
        itemStyle: { color: c, opacity: 0.6 }, lineStyle: { color: c, type: "dashed", width: 2, opacity: 0.6 } };
    });
  }
  // ghostTotalName is the legend's name of A's totals, in the page's words.
  function ghostTotalName() { return T("js.chart.ghost", { name: T("js.chart.total") }); }
  function ghostTotals(d) {
    var totals = d.totals.map(function (t) { return t === null ? "-" : round4(t); });
    // A line series with no line: its marks only (the site's ECharts has
    // bar and line series, no scatter).
    return { name: ghostTotalName(), type: "line", data: totals, symbol: "rect", symbolSize: [30, 4], showSymbol: true, showAllSymbol: true, z: 5, silent: true,
      lineStyle: { opacity: 0 }, itemStyle: { color: "#7f7f7f", opacity: 1 }, emphasis: { disabled: true } };
  }

  // The cluster chart's error bars: each stage's 90 % range at the
  // scenario's size, upright, in the stage's colour, a little apart from
  // one another on the log axis (they share one x).
  var bars = null;
  function setBars(list) {
    if (JSON.stringify(list || null) === JSON.stringify(bars)) return;
    bars = list || null;
    delete lastFigures["cluster-power"];
    if (lastApplied) updateCharts(lastApplied);
  }
  function rangeBars(chart, names) {
    if (!bars) return [];
    return bars.map(function (b, k) {
      var i = names.indexOf(b.name), c = i < 0 ? undefined : colourOf(chart, i);
      var x = b.gpus * Math.pow(1.1, k - (bars.length - 1) / 2);
      return { name: T("js.chart.band", { name: b.name }), type: "line", data: [[x, round4(b.low)], [x, round4(b.high)]], symbol: "rect", symbolSize: [9, 2], silent: true, z: 4,
        itemStyle: { color: c }, lineStyle: { color: c, width: 6, opacity: 0.5, type: "solid" } };
    });
  }

  // withGhosts appends a chart's ghost series; once a chart has had
  // ghosts, their places stay, emptied when A is unpinned (a merge of
  // options keeps the series it is not given).
  var ghostSlots = {};
  function withGhosts(id, series, ghosts) {
    ghosts = ghosts || [];
    for (var k = ghosts.length; k < (ghostSlots[id] || 0); k++) ghosts.push({ data: [] });
    ghostSlots[id] = Math.max(ghostSlots[id] || 0, ghosts.length);
    return series.concat(ghosts);
  }

  function updateCharts(f) {
    lastApplied = f;
    if (!drawn()) {
      // Not drawn yet: the newest figures are applied once they are.
      pendingFigures = f;
      return;
    }
    var charts = window.cpocharts;
    var c = charts.get("cluster-power");
    if (c && changed("cluster-power", f.cluster_power)) {
      drawChart("cluster-power", function () {
        var names = namesOf("cluster-power", c);
        var series = f.cluster_power.series.map(function (s) {
          var data = [];
          s.values.forEach(function (v, j) { if (v !== null) data.push([f.cluster_power.gpus[j], round4(v)]); });
          return { name: s.name, data: data };
        });
        series = withGhosts("cluster-power", series, ghost && ghostLines(c, ghost.cluster_power, names));
        series = withGhosts("cluster-power:bars", series, rangeBars(c, names));
        c.setOption({ animation: false, legend: { data: names }, series: series });
      });
    }
    [["energy-per-bit", f.energy], ["latency", f.latency]].forEach(function (pair) {
      var chart = charts.get(pair[0]);
      if (!chart || !changed(pair[0], pair[1])) return;
      var d = pair[1];
      drawChart(pair[0], function () {
        var names = namesOf(pair[0], chart);
        var series = names.map(function (name) {
          var i = d.labels.indexOf(name);
          return { name: name, data: i < 0 ? [] : d.values[i].map(round4) };
        });
        var g = ghost && (pair[0] === "energy-per-bit" ? ghost.energy : ghost.latency);
        series = withGhosts(pair[0], series, g && [ghostTotals(g)]);
        chart.setOption({ animation: false, legend: { data: g ? names.concat([ghostTotalName()]) : names }, series: series });
      });
    });
    var cw = charts.get("copper-wall");
    if (cw && changed("copper-wall", f.copper_wall)) {
      drawChart("copper-wall", function () {
        var names = namesOf("copper-wall", cw);
        // A reach below the axis' floor is said, not drawn as a bar: a
        // mark on the floor, its words in the tooltip (as the build's).
        var floor = 0.1;
        var series = f.copper_wall.reach_m.map(function (row, i) {
          var s = { name: names[i], data: row.map(function (v) {
            if (v === null || v < floor) return { name: T("js.chart.no_reach"), value: floor * 1.25, itemStyle: { color: "transparent" }, label: { show: true, formatter: "✕", position: "top", color: colourOf(cw, i), fontSize: 14 } };
            return round4(v);
          }) };
          // The tiers' lengths: labelled above their lines on the first
          // series, below on the second (as the build's chart).
          if (i < 2) s.markLine = { data: f.copper_wall.marks.filter(function (m) { return !!m.below === (i === 1); }).map(function (m) { return { name: m.name, yAxis: m.length_m }; }) };
          return s;
        });
        // A's reach: pale bars beside B's, in the same colours.
        var ghostBars = ghost && ghost.copper_wall.reach_m.map(function (row, i) {
          var c = colourOf(cw, i);
          return { name: T("js.chart.ghost", { name: names[i] }), type: "bar", silent: true, data: row.map(function (v) { return v === null || v < 0.1 ? "-" : round4(v); }),
            itemStyle: { color: c, opacity: 0.35, borderColor: c, borderWidth: 1, borderType: "dashed" } };
        });
        series = withGhosts("copper-wall", series, ghostBars);
        cw.setOption({ animation: false, legend: { data: names }, series: series });
      });
    }
    var ep = charts.get("electrical-path");
    if (ep && changed("electrical-path", f.electrical_path)) {
      drawChart("electrical-path", function () {
        ep.setOption({ animation: false, series: [
          { name: T("js.chart.path"), data: f.electrical_path.path_mm.map(Math.round) },
          { name: "loss", data: f.electrical_path.loss_db.map(function (v) { return Math.round(v * 10) / 10; }) }
        ] });
      });
    }
  }

  // drawPending redraws every chart still waiting (for print, and for
  // tests that want every chart current).
  var pendingAsked = false;
  function drawPending() {
    if (!drawn()) {
      if (!pendingAsked) {
        pendingAsked = true;
        loadCharts().then(drawPending);
      }
      return;
    }
    Object.keys(pendingCharts).forEach(function (id) {
      var draw = pendingCharts[id];
      delete pendingCharts[id];
      draw();
    });
  }
  // Print: every chart current and every data table open (a closed
  // <details> does not print), closed again after.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    drawPending();
    document.querySelectorAll("details.chart-data:not([open])").forEach(function (d) { d.open = true; openedForPrint.push(d); });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  // applyWords puts a chart's scenario words (caption, source) in its
  // figure: the model writes them for the scenario the chart shows.
  function applyWords(words) {
    Object.keys(words || {}).forEach(function (k) {
      var m = /^(.*)\.(caption|source)$/.exec(k);
      var fig = m && document.getElementById("fig-" + m[1]);
      var el = fig && fig.querySelector(m[2] === "caption" ? ".cap-text" : ".source-text");
      if (el && el.textContent !== words[k]) el.textContent = words[k];
    });
  }

  function applyTable(id, html) {
    var fig = document.getElementById("fig-" + id);
    var wrap = fig && fig.querySelector("details.chart-data .table-wrap");
    if (!wrap) return;
    var tmp = document.createElement("div");
    tmp.innerHTML = html;
    var fresh = tmp.firstElementChild;
    if (fresh) wrap.replaceWith(fresh);
  }
  window.cpocharts = {
    get: function (id) { return charts[id] || null; },
    ids: function () { return Object.keys(charts); },
    redraw: drawAll,
    applyFigures: updateCharts,
    setGhost: setGhost,
    setBars: setBars,
    setLive: function (id, fn) { live[id] = fn; if (charts[id]) fn(charts[id]); },
    applyTables: function (tables) { Object.keys(tables).forEach(function (id) { applyTable(id, tables[id]); }); },
    applyWords: applyWords,
    drawPending: drawPending,
    pending: function () { return Object.keys(pendingCharts); },
    load: loadCharts,
    ready: drawn
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
