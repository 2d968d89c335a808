/* The copy of the itineraries a visitor saves for offline use, and nothing
   else (themes/vetrina/static/js/offline.js registers this worker when a
   visitor asks, never before). Each saved itinerary is a cache of its own:
   its page, its stops' pages, its track and the stylesheets. Pages come from
   the network first; only when the network fails is a saved copy served,
   marked (`data-saved-copy` on <html>) so the page says it is one. */
"use strict";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "save") {
    return;
  }
  var answer = function (type) {
    event.source.postMessage({ type: type, page: data.page });
  };
  event.waitUntil(
    caches
      .open("saved:" + data.page)
      .then(function (cache) {
        return cache.addAll(data.urls);
      })
      .then(function () {
        answer("saved");
      })
      .catch(function () {
        answer("failed");
      })
  );
});

function savedCopy(request) {
  return caches.match(request).then(function (response) {
    if (!response) {
      return Response.error();
    }
    var type = response.headers.get("content-type") || "";
    if (type.indexOf("text/html") === -1) {
      return response;
    }
    return response.text().then(function (html) {
      return new Response(html.replace("<html ", "<html data-saved-copy "), {
        headers: response.headers,
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (
    request.method !== "GET" ||
    new URL(request.url).origin !== self.location.origin
  ) {
    return;
  }
  // A page is asked of the server each time (as Netlify's headers say: it
  // must revalidate), never taken from the browser's HTTP cache, so that
  // without a network it is the saved copy, which says so.
  var fresh = request.mode === "navigate" ? { cache: "no-cache" } : {};
  event.respondWith(
    fetch(request, fresh).catch(function () {
      return savedCopy(request);
    })
  );
});
