// Copper to light: the service worker that keeps the site for offline use.
// The build puts four names before this file: VERSION (changes whenever a
// file of the site does), RELEASE (names the set of assets the pages are
// built with; every page says its own in <meta name="cpocalc-release">),
// PRECACHE (every file of the site, pages by their folder address,
// relative to this worker, but the animation's WebAssembly) and LAZY
// (that WebAssembly: kept the first time a page uses it). Nothing else is
// ever kept, whatever address is asked for, so the cache holds at most
// the site once.
//
// Each release's worker keeps its own release only, in a cache of its own
// VERSION: a page of another release (a newer site, fetched while this
// worker still controls the tab) is passed to the tab but never kept, so
// that offline this worker serves a page only with the assets it holds.
// A page of another release met while installing fails the install (the
// site changed during it; the browser tries again later).
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

// isPage reports whether a path of the site is a page.
function isPage(path) { return /(^|\/)$|\.html$/.test(path); }

// releaseOf resolves to the release a page's HTML names ("" for none).
function releaseOf(resp) {
  return resp.clone().text().then(function (html) {
    var m = /<meta name="?cpocalc-release"? content="?([0-9a-f]+)/.exec(html);
    return m ? m[1] : "";
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // Files with a content hash in their names may come from the HTTP
    // cache (the page has often just fetched them); the others are fetched
    // afresh, so the copy matches VERSION. Every page must be of this
    // release.
    return Promise.all(PRECACHE.map(function (u) {
      var req = new Request(new URL(u, scope).href, { cache: /[.-][0-9a-f]{10}[./]/.test(u) ? "default" : "reload" });
      return fetch(req).then(function (resp) {
        if (!resp.ok) throw new Error(u + ": " + resp.status);
        if (!isPage(u)) return resp;
        return releaseOf(resp).then(function (r) {
          if (r !== RELEASE) throw new Error(u + " is of release " + r + ", this worker of " + RELEASE);
          return resp;
        });
      });
    })).then(function (resps) {
      return Promise.all(resps.map(function (resp, i) { return cache.put(new URL(PRECACHE[i], scope).href, resp); }));
    }).catch(function (err) {
      return caches.delete(CACHE).then(function () { throw err; });
    });
  }));
});

// An update waits until the reader accepts it (the page's "Reload" button
// sends this message): pages already open keep the files they began with.
self.addEventListener("message", function (event) {
  // Kept alive until the browser has taken the request.
  if (event.data && event.data.type === "skipWaiting") event.waitUntil(self.skipWaiting());
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
      // Kept only if it is of this worker's release.
      var copy = resp.clone();
      releaseOf(resp).then(function (r) {
        if (r === RELEASE) return caches.open(CACHE).then(function (cache) { return cache.put(request.url.split(/[?#]/)[0], copy); });
      }).catch(function () { /* not kept */ });
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
  if (/^(zh\/)?share\//.test(path)) return; // a scenario's card is drawn by the server, each time
  if (req.mode === "navigate" || isPage(path)) {
    event.respondWith(page(req));
    return;
  }
  var answer = asset(req);
  if (/\.wasm$/.test(path)) answer = answer.then(wasmType);
  event.respondWith(answer);
});
