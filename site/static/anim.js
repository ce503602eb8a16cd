// Copper to light: loads the animation's WebAssembly (ebiten) and wires the
// page's controls to it. The animation takes its scenario from the URL
// (#v=1&…, the permalink) and, from the page that embeds it on this site, from
// messages {type: "cpoanim:params", params} (the link it draws, as the
// calculator worked it out) or {type: "cpoanim:scenario", permalink}.
(function () {
  "use strict";

  var status = document.getElementById("anim-status");
  if (!status) return;
  var T = window.cpoT; // the page's words (its inline script)
  // The catalogue of the page's language, for the picture's words, when
  // it is not English: fetched beside the WebAssembly, put in use first.
  var lang = document.documentElement.lang || "en";
  var words = null;
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
  var dark = window.matchMedia("(prefers-color-scheme: dark)");

  // The scenario's permalink in the address ("#v=1&…", or a first-release
  // "#s=1.…"), as it is: the model reads its escapes, and a damaged one
  // gets its message instead of stopping the page.
  function permalink() {
    return window.cpoLinkIn(location.hash) || "";
  }

  window.cpoanimConfig = { permalink: permalink(), reducedMotion: reduce.matches, dark: dark.matches };

  // The link back: to the explainer's animation, or, on a scenario, to
  // the calculator on it.
  var home = document.getElementById("anim-home");
  var homeDefault = home && home.href;
  function linkHome() {
    if (!home) return;
    var p = permalink();
    home.href = p ? new URL(home.getAttribute("data-calculator"), location.href).href + "#" + p : homeDefault;
  }
  linkHome();
  window.addEventListener("hashchange", linkHome);

  var play = document.getElementById("anim-play");
  var prev = document.getElementById("anim-prev");
  var next = document.getElementById("anim-next");
  var speed = document.getElementById("anim-speed");
  var stageText = document.getElementById("anim-stage");
  var compare = document.getElementById("anim-compare");
  var controls = [play, prev, next, speed].concat(compare ? [compare] : []);

  function api() { return window.cpoanim; }

  window.cpoanimChanged = function (s) {
    play.textContent = s.playing ? T("js.anim.pause") : T("js.anim.play");
    play.setAttribute("aria-pressed", s.playing ? "true" : "false");
    stageText.textContent = s.mode === "compare" ? T("js.anim.all_three") : s.stageName;
    if (compare) {
      compare.setAttribute("aria-pressed", s.mode === "compare" ? "true" : "false");
    }
  };

  // The animation's text: the WebAssembly draws shapes on the canvas and
  // hands its text here, drawn in HTML over the canvas in the page's fonts
  // (list: [{s, x, y, size, bold, color, align, chips}], CSS pixels; chips
  // is a row of labelled numbers, its texts separated by newlines).
  var overlay = null, spans = [];
  window.cpoanimText = function (list, panel) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "anim-text";
      overlay.setAttribute("aria-hidden", "true"); // the canvas has its own description
      document.body.appendChild(overlay);
    }
    for (var i = 0; i < list.length; i++) {
      var t = list[i], el = spans[i];
      if (!el) { el = spans[i] = document.createElement("div"); overlay.appendChild(el); }
      el.hidden = false;
      el.className = t.chips ? "anim-chips" : "anim-label";
      var st = el.style;
      st.left = t.x + "px";
      st.top = t.y + "px";
      st.fontSize = t.size + "px";
      st.fontWeight = t.bold ? "600" : "";
      st.color = t.color;
      st.transform = t.align === 1 ? "translateX(-50%)" : t.align === 2 ? "translateX(-100%)" : "";
      if (t.chips) {
        var parts = t.s.split("\n");
        if (el.firstChild && el.firstChild.nodeType === 3) el.textContent = ""; // it was a label
        while (el.childNodes.length > parts.length) el.removeChild(el.lastChild);
        for (var j = 0; j < parts.length; j++) {
          var c = el.childNodes[j] || el.appendChild(document.createElement("span"));
          if (c.textContent !== parts[j]) c.textContent = parts[j];
          c.style.background = panel;
        }
      } else {
        if (el.firstChild && el.firstChild.nodeType !== 3) el.textContent = "";
        if (el.textContent !== t.s) el.textContent = t.s;
      }
    }
    for (var k = list.length; k < spans.length; k++) spans[k].hidden = true;
  };

  var visible = true, onScreen = true;
  function syncVisible() {
    var v = onScreen && document.visibilityState === "visible";
    if (v !== visible && api()) { visible = v; api().setVisible(v); }
  }

  window.cpoanimReady = function (linkProblem) {
    if (words && window.cpoanim && window.cpoanim.setLang) {
      window.cpoanim.setLang(lang, words);
      // The link's problem again, now in the page's language.
      if (linkProblem) {
        var again = window.cpoanim.setScenario(permalink());
        if (again && again.error) linkProblem = again.why || again.error;
      }
    }
    status.hidden = true;
    // A link that could not be read: said as the calculator says it, and
    // the animation plays the default link.
    var problem = document.getElementById("anim-link-problem");
    if (problem && linkProblem) {
      problem.textContent = T("js.anim.bad_link", { link: linkProblem });
      problem.hidden = false;
    }
    // The live canvas takes the first frame's place.
    var poster = document.getElementById("anim-poster");
    if (poster) poster.style.display = "none";
    controls.forEach(function (c) { c.disabled = false; });
    play.addEventListener("click", function () { api().toggle(); });
    prev.addEventListener("click", function () { api().setTour(false); api().prev(); });
    next.addEventListener("click", function () { api().setTour(false); api().next(); });
    speed.addEventListener("change", function () { api().setSpeed(Number(speed.value)); });
    if (compare) compare.addEventListener("click", function () { api().setTour(false); api().setMode(api().state().mode === "compare" ? "stage" : "compare"); });
    document.addEventListener("keydown", function (e) {
      if (e.target === speed || e.target === canvas || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === " " || e.key === "k") { if (e.target.tagName !== "BUTTON") { e.preventDefault(); api().toggle(); } }
      else if (e.key === "ArrowRight") { api().setTour(false); api().next(); }
      else if (e.key === "ArrowLeft") { api().setTour(false); api().prev(); }
      else if (e.key === "c") { api().setTour(false); api().setMode(api().state().mode === "compare" ? "stage" : "compare"); }
    });
    // Stop when hidden or scrolled away (in an iframe, the observer sees the
    // top page's viewport); go on when seen.
    var canvas = document.querySelector("canvas");
    if (window.IntersectionObserver && canvas) {
      new IntersectionObserver(function (entries) {
        onScreen = entries[entries.length - 1].isIntersecting;
        syncVisible();
      }).observe(canvas);
    }
    document.addEventListener("visibilitychange", syncVisible);
    if (dark.addEventListener) dark.addEventListener("change", function () { api().setDark(dark.matches); });
    if (canvas) canvas.addEventListener("click", function () {
      if (dragged) { dragged = false; return; } // the end of a drag, not a click
      api().toggle();
    });
    // On the picture, the reader changes the link: drag sideways for its
    // length (ten steps a decade), up and down for the lane rate; or, the
    // canvas focused, the arrow keys (left and right the length, up and
    // down the lane rate). The model keeps both within its range.
    var drag = null, dragged = false;
    function stepLink(dLen, dLane) { api().stepLink(dLen, dLane); }
    if (canvas) {
      canvas.addEventListener("keydown", function (e) {
        var d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[e.key];
        if (!d || e.altKey || e.ctrlKey || e.metaKey) return;
        e.preventDefault();
        e.stopPropagation(); // not the page's stage keys
        stepLink(d[0], d[1]);
      });
      canvas.addEventListener("pointerdown", function (e) {
        drag = { x: e.clientX, y: e.clientY, id: e.pointerId };
        dragged = false;
      });
      canvas.addEventListener("pointermove", function (e) {
        if (!drag || e.pointerId !== drag.id) return;
        var dx = Math.trunc((e.clientX - drag.x) / 16), dy = Math.trunc((drag.y - e.clientY) / 40);
        if (!dx && !dy) return;
        dragged = true;
        if (canvas.setPointerCapture) try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* already released */ }
        stepLink(dx, dy);
        drag.x += dx * 16;
        drag.y -= dy * 40;
      });
      ["pointerup", "pointercancel"].forEach(function (t) { canvas.addEventListener(t, function () { drag = null; }); });
    }
    window.cpoanimChanged(api().state());
    if (waiting) { apply(waiting); waiting = null; }
  };

  // The page that embeds the animation on this site keeps it on its
  // reader's scenario. Other origins cannot steer it.
  // A message that comes before the animation is ready waits for it.
  var waiting = null;
  function apply(d) {
    if (d.type === "cpoanim:params" && d.params && typeof d.params === "object") {
      api().setParams(JSON.stringify(d.params));
    } else if (d.type === "cpoanim:scenario" && typeof d.permalink === "string") {
      api().setScenario(d.permalink);
    }
  }
  window.addEventListener("message", function (e) {
    if (e.origin !== location.origin || e.source !== window.parent) return;
    var d = e.data;
    if (!d || typeof d !== "object") return;
    if (!api()) { waiting = d; return; }
    apply(d);
  });
  window.addEventListener("hashchange", function () {
    if (api()) api().setScenario(permalink()); // none: the prose's link
  });

  function setStatus(t) { status.textContent = t; }

  if (typeof window.cpocalcWasm !== "function" || typeof WebAssembly !== "object") {
    setStatus(T("js.anim.no_wasm"));
    return;
  }
  if (location.protocol === "file:") {
    setStatus(T("js.anim.from_file"));
    return;
  }
  // The program reads the page's words as it starts: they come first.
  var wordsLoaded = window.cpocalcWords(function (code) { return new Error(T("js.server_answered", { status: code })); })
    .then(function (w) { words = w; });
  window.cpocalcWasm(status.getAttribute("data-wasm"), {
    total: Number(status.getAttribute("data-wasm-bytes")),
    progress: function (pct) { setStatus(T("js.anim.loading", { pct: pct, size: status.getAttribute("data-wasm-size") || "" })); },
    refused: function (code) { return new Error(T("js.server_answered", { status: code })); },
    before: wordsLoaded
  }).catch(function (err) {
    setStatus(T("js.anim.failed", { message: err && err.message ? err.message : err }));
  });
})();
