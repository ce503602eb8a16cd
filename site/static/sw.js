// Copper to light: the service worker that keeps the site for offline use.
// The build puts three names before this file: VERSION (changes whenever a
// file of the site does), PRECACHE (every file of the site, pages by
// their folder address, relative to this worker, but the animation's
// WebAssembly) and LAZY (that WebAssembly: kept the first time a page
// uses it). Nothing else is ever kept, whatever address is asked for, so
// the cache holds at most the site once.
//
// Pages: from the network when there is one (so a reader sees the newest
// site), else from the cache. Assets carry their content hash in their
// names: from the cache first. WebAssembly is always answered with
// application/wasm, which streaming compilation requires.
"use strict";

var PREFIX = "cpocalc-";
var CACHE = PREFIX + VERSION;
var scope = self.registration.scope;
var KNOWN = {};
PRECACHE.concat(LAZY).forEach(function (u) { KNOWN[u] = true; });

// known reports whether an address is one of the site's files, which are
// the only ones kept.
function known(url) {
  if (url.indexOf(scope) !== 0) return false;
  var p = url.slice(scope.length).split(/[?#]/)[0];
  return KNOWN[p === "" ? "./" : p] === true;
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // Files with a content hash in their names may come from the HTTP
    // cache (the page has often just fetched them); the others are fetched
    // afresh, so the copy matches VERSION.
    return cache.addAll(PRECACHE.map(function (u) {
      return new Request(new URL(u, scope).href, { cache: /[.-][0-9a-f]{10}[./]/.test(u) ? "default" : "reload" });
    }));
  }));
});

// An update waits until the reader accepts it (the page's "Reload" button
// sends this message): pages already open keep the files they began with.
self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "skipWaiting") self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function wasmType(resp) {
  if (!resp || (resp.headers.get("Content-Type") || "").indexOf("application/wasm") === 0) return resp;
  var h = new Headers(resp.headers);
  h.set("Content-Type", "application/wasm");
  return new Response(resp.body, { status: resp.status, statusText: resp.statusText, headers: h });
}

function fromCache(request) {
  return caches.open(CACHE).then(function (cache) { return cache.match(request, { ignoreSearch: true }); });
}

function page(request) {
  return fetch(request).then(function (resp) {
    if (resp.ok && !resp.redirected && known(request.url)) {
      var copy = resp.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(request.url.split(/[?#]/)[0], copy); });
    }
    return resp;
  }).catch(function () {
    return fromCache(request).then(function (hit) {
      if (hit) return hit;
      // An address the site does not have, or a page never seen: our 404
      // page says so, offline too.
      return fromCache(new URL("404.html", scope).href).then(function (nf) {
        return nf || new Response("Offline, and this page is not kept for offline use.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      });
    });
  });
}

function asset(request) {
  return fromCache(request).then(function (hit) {
    if (hit) return hit;
    return fetch(request).then(function (resp) {
      if (resp.ok && resp.type === "basic" && !resp.redirected && known(request.url)) {
        var copy = resp.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
      }
      return resp;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET" || req.url.indexOf(scope) !== 0) return;
  var path = req.url.slice(scope.length).split(/[?#]/)[0];
  if (path.indexOf("download/") === 0) return; // the offline bundle is not kept
  if (req.mode === "navigate" || /(^|\/)$|\.html$/.test(path)) {
    event.respondWith(page(req));
    return;
  }
  var answer = asset(req);
  if (/\.wasm$/.test(path)) answer = answer.then(wasmType);
  event.respondWith(answer);
});
