// Copper to light: the one way the site loads its WebAssembly, in a page
// or in a worker. The build serves it after Go's wasm_exec.js, in the same
// file, so whatever can run Go can load it.
//
// cpocalcWasm(url, opts) fetches a Go program, compiles it (streaming when
// the server says application/wasm, from the bytes otherwise) and runs
// it. opts, all optional:
//   total     the program's decoded size, as the build wrote it (progress
//             counts decoded bytes; Content-Length is the compressed size
//             when the server compressed the body)
//   progress  function (pct, total) called as the bytes arrive
//   refused   function (status) returning the Error for a server's refusal,
//             in the page's words
//   before    a promise the run waits for (the page's words, which the
//             program reads as it starts)
// It resolves with the running instance.
//
// cpocalcWords(refused) fetches, once, the catalogue of the page's
// language that its programs word things with (the build names it on
// #cpo-words; an English page has none: null); cpocalcWords.url is its
// address for a worker, cpocalcWords.lang the page's language.
//
// cpocalcWorker(worker, exec, wasm, answered) starts the calculator's
// worker (calcworker.js) and hands it the program's addresses, made
// absolute (a worker reads a relative address against its own), the
// page's language and its catalogue; answered is the page's words for a
// server's refusal. It returns the Worker, or null where a page may not
// start one (a sandbox).
(function (g) {
  "use strict";

  function counted(resp, total, progress) {
    if (!total) total = resp.headers.get("Content-Encoding") ? 0 : Number(resp.headers.get("Content-Length")) || 0;
    if (!total || !progress || !resp.body || typeof ReadableStream !== "function") return resp;
    var reader = resp.body.getReader();
    var loaded = 0;
    return new Response(new ReadableStream({
      pull: function (ctrl) {
        return reader.read().then(function (r) {
          if (r.done) { ctrl.close(); return; }
          loaded += r.value.byteLength;
          progress(Math.min(100, Math.round(100 * loaded / total)), total);
          ctrl.enqueue(r.value);
        });
      }
    }), { headers: { "Content-Type": resp.headers.get("Content-Type") || "" } });
  }

  var doc = typeof document !== "undefined" ? document : null;
  var wordsEl = doc && doc.getElementById("cpo-words");
  var wordsURL = wordsEl && wordsEl.getAttribute("data-catalogue");
  var words = null;
  g.cpocalcWords = function (refused) {
    if (!words) {
      words = !wordsURL ? Promise.resolve(null) : fetch(wordsURL).then(function (r) {
        if (!r.ok) throw refused ? refused(r.status) : new Error("HTTP " + r.status);
        return r.json();
      });
    }
    return words;
  };
  g.cpocalcWords.url = wordsURL ? new URL(wordsURL, location.href).href : "";
  g.cpocalcWords.lang = (doc && doc.documentElement.lang) || "en";

  g.cpocalcWorker = function (worker, exec, wasm, answered) {
    var w;
    try {
      w = new Worker(worker);
    } catch (e) {
      return null;
    }
    var abs = function (u) { return new URL(u, location.href).href; };
    w.postMessage({ init: { exec: abs(exec), wasm: abs(wasm), lang: g.cpocalcWords.lang, words: g.cpocalcWords.url, answered: answered } });
    return w;
  };

  g.cpocalcWasm = function (url, opts) {
    opts = opts || {};
    var go = new g.Go();
    return fetch(url).then(function (resp) {
      if (!resp.ok) throw opts.refused ? opts.refused(resp.status) : new Error("HTTP " + resp.status);
      resp = counted(resp, opts.total || 0, opts.progress);
      if (WebAssembly.instantiateStreaming && (resp.headers.get("Content-Type") || "").indexOf("application/wasm") === 0) {
        return WebAssembly.instantiateStreaming(resp, go.importObject);
      }
      return resp.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
    }).then(function (r) {
      return Promise.resolve(opts.before).then(function () { return r; });
    }).then(function (r) {
      go.run(r.instance); // settles when the program exits, which it never does
      return r.instance;
    });
  };
})(self);
