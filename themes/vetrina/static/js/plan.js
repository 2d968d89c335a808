/* The visit planner (publisher/channels/plan.py): combines the form's choices
   in the browser from the index the build wrote; nothing leaves the page.
   Without JavaScript the form stays hidden and the lists of one choice each,
   plain links, are the planner. Results are built as text, never as HTML. */
(function () {
  "use strict";
  var form = document.getElementById("plan");
  var card = document.getElementById("plan-card");
  if (!form || !card || !window.fetch) {
    return;
  }
  var status = document.getElementById("plan-status");
  var sections = document.querySelectorAll("#plan-results section");
  var data = form.dataset;
  var limit = Number(data.limit);
  var index = null;

  // The chosen day's place in the index's horizon: -1 for any day.
  function dayOf(value) {
    var offset = Math.round((Date.parse(value) - Date.parse(index.start)) / 864e5);
    return value && offset >= 0 && offset < index.days ? offset : -1;
  }

  function fill(item, day) {
    var li = card.content.firstElementChild.cloneNode(true);
    var link = li.querySelector("a");
    var lines = li.querySelectorAll("p");
    var when = day >= 0 && item.o ? item.h[item.o[day]] : item.x;
    link.href = item.u;
    link.textContent = item.n;
    lines[0].textContent = item.l + (item.f ? " · " + item.f : "");
    if (when) {
      lines[0].appendChild(document.createElement("br"));
      lines[0].appendChild(document.createTextNode(when));
    }
    if (item.s) {
      lines[1].textContent = item.s;
      lines[1].className = item.e ? "easy-read" : "";
    } else {
      li.removeChild(lines[1]);
    }
    return li;
  }

  function show() {
    var chosen = form.elements;
    var audience = chosen.audience.value;
    var time = Number(chosen.time.value);
    var mode = chosen.mode.value;
    var day = dayOf(chosen.day.value);
    var total = 0;
    Array.prototype.forEach.call(sections, function (section) {
      var found = index.items.filter(function (item) {
        return (
          item.k === section.dataset.kind &&
          (!audience || item.a.indexOf(audience) >= 0) &&
          (!time || item.t === null || item.t <= time) &&
          (!mode || item.m.indexOf(mode) >= 0) &&
          (day < 0 || !item.o || item.o[day] >= 0)
        );
      });
      if (day >= 0) {
        found.sort(function (a, b) {
          return (a.r || 0) - (b.r || 0);
        });
      }
      var list = section.querySelector("ul");
      list.textContent = "";
      found.slice(0, limit).forEach(function (item) {
        list.appendChild(fill(item, day));
      });
      section.querySelector(".more").textContent =
        found.length > limit
          ? data.more.replace("%(num)s", limit).replace("%(total)s", found.length)
          : "";
      section.hidden = !found.length;
      total += found.length;
    });
    status.textContent = total
      ? data.found.replace("%(num)s", total)
      : data.none;
  }

  form.hidden = false;
  form.addEventListener("change", function () {
    if (index) {
      show();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (index) {
      show();
    }
  });
  fetch(data.index)
    .then(function (response) {
      return response.ok ? response.json() : Promise.reject(response.status);
    })
    .then(function (loaded) {
      index = loaded;
      show();
    })
    .catch(function () {
      status.textContent = data.failed;
    });
})();
