// Copper to light: the calculator's WebAssembly in a worker of its own,
// for the uncertainty runs (2,000 evaluations take about half a second),
// so that the page never waits for them. Messages in: {init: {exec,
// wasm}} once (the addresses of wasm_exec.js, which carries the site's
// loader, and the calculator's WebAssembly, and the page's language with
// the address of its catalogue when it is not English), then {id,
// scenario, samples, seed}, answered {id, words, sure, tornado, bars}
// (how sure each headline figure is, in words, and what moves each most)
// or {id, error}; or, from the explainer, {id, prose: {scenario,
// calculator}, samples, seed}, answered {id, prose} (cpocalc.prose with
// the draws).
"use strict";

// answered is the page's words for a server's refusal (the worker has no
// catalogue of its own).
function answered(init, status) {
  return (init.answered || "the server answered {status}").split("{status}").join(String(status));
}

var ready = null;

function start(init) {
  return new Promise(function (resolve, reject) {
    importScripts(init.exec); // Go's wasm_exec.js with the site's loader
    self.cpocalc = { __resolve: resolve };
    self.cpocalcWasm(init.wasm, {
      refused: function (status) { return new Error(answered(init, status)); }
    }).catch(reject);
  }).then(function (api) {
    if (!init.words) return api;
    return fetch(init.words).then(function (r) {
      if (!r.ok) throw new Error(answered(init, r.status));
      return r.json();
    }).then(function (words) {
      var set = api.setLang(init.lang, words);
      if (set && set.error) throw new Error(set.error.message);
      return api;
    });
  });
}

self.onmessage = function (ev) {
  var d = ev.data || {};
  if (d.init) {
    if (!ready) ready = start(d.init);
    return;
  }
  if (!ready) return;
  ready.then(function (api) {
    if (d.prose) {
      // The explainer's: its facts and claims with the draws.
      self.postMessage({ id: d.id, prose: api.prose(d.prose.scenario, "", "", d.prose.calculator, d.samples, d.seed) });
      return;
    }
    var out = api.bands(d.scenario, d.samples, d.seed);
    self.postMessage({ id: d.id, words: (out && out.words) || null, sure: (out && out.sure) || "", tornado: (out && out.tornado) || null, bars: (out && out.bars) || null, error: (out && out.error) || null });
  }, function (err) {
    self.postMessage({ id: d.id, words: null, error: { message: String(err && err.message ? err.message : err) } });
  });
};
