// Copper to light: draws the pre-computed charts with our own copy of
// ECharts, in the reader's colour scheme, and keeps them sized. The data
// tables stay in the page for readers without scripts; once a chart is
// drawn its table folds away (one click opens it again).
(function () {
  "use strict";

  var charts = {};
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
    option.textStyle = { fontFamily: getComputedStyle(document.documentElement).fontFamily };
    // Axis names start at the axis, so a long one is not cut off at the edge.
    [].concat(option.yAxis || []).forEach(function (y, i) {
      if (y && y.name) y.nameTextStyle = { align: i === 0 ? "left" : "right" };
    });
    chart.setOption(option);
    charts[id] = chart;
    var figure = box.closest("figure");
    var details = figure && figure.querySelector("details.chart-data");
    if (details && !details.dataset.touched) details.open = false;
  }

  function drawAll() {
    var boxes = document.querySelectorAll("[data-chart]");
    for (var i = 0; i < boxes.length; i++) draw(boxes[i]);
  }

  function start() {
    embedAnimations();
    document.querySelectorAll("details.chart-data").forEach(function (d) {
      d.addEventListener("toggle", function () { d.dataset.touched = "1"; });
    });
    drawAll();
    if (window.ResizeObserver) {
      var ro = new ResizeObserver(function (entries) {
        entries.forEach(function (e) {
          var c = charts[e.target.getAttribute("data-chart")];
          if (c) c.resize();
        });
      });
      document.querySelectorAll("[data-chart]").forEach(function (b) { ro.observe(b); });
    }
    var redraw = function () { drawAll(); };
    if (dark.addEventListener) {
      dark.addEventListener("change", redraw);
      reduce.addEventListener("change", redraw);
    }
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
      var hash = /^#s=/.test(location.hash) ? location.hash : "";
      f.src = slot.getAttribute("data-src") + hash;
      f.title = slot.getAttribute("data-title") || "Animation";
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

  // The calculator (and later embeds) update charts through this.
  window.cpocharts = {
    get: function (id) { return charts[id] || null; },
    ids: function () { return Object.keys(charts); },
    redraw: drawAll
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
