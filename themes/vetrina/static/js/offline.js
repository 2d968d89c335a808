/* "Save for offline use" on an itinerary page: registers the site's service
   worker (/sw.js) only now, on the visitor's request, and asks it to keep
   this itinerary's files. Without JavaScript or service workers the button
   stays hidden. */
(function () {
  "use strict";
  var box = document.querySelector(".offline-save");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window)) {
    return;
  }
  var status = box.querySelector("[role=status]");
  var button = box.querySelector("button");
  box.hidden = false;
  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.page === box.dataset.page) {
      status.textContent =
        data.type === "saved" ? box.dataset.saved : box.dataset.failed;
      button.disabled = false;
    }
  });
  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = box.dataset.saving;
    navigator.serviceWorker
      .register("/sw.js")
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        registration.active.postMessage({
          type: "save",
          page: box.dataset.page,
          urls: JSON.parse(box.dataset.urls),
        });
      })
      .catch(function () {
        status.textContent = box.dataset.failed;
        button.disabled = false;
      });
  });
})();
