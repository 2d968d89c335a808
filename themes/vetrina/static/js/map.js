/* The map page (publisher/channels/map.py): draws the items the page lists,
   read from its JSON island, with Leaflet over OpenStreetMap tiles. Without
   JavaScript the list is the page. Text from the CMS only goes through
   textContent and DOM properties, never through HTML. */
(function () {
  "use strict";
  var box = document.getElementById("map");
  var island = document.getElementById("map-data");
  if (!box || !island || typeof L === "undefined") {
    return;
  }
  var items = JSON.parse(island.textContent);
  var text = box.dataset;
  var help = document.getElementById("map-help");
  box.hidden = false;
  if (help) {
    help.hidden = false;
  }

  function escapeHtml(value) {
    var span = document.createElement("span");
    span.textContent = value;
    return span.innerHTML;
  }

  function element(tag, content, className) {
    var node = document.createElement(tag);
    if (content) {
      node.textContent = content;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function link(href, content) {
    var anchor = element("a", content);
    anchor.href = href;
    return anchor;
  }

  // One item's lines in a popup: its linked title, its detail, its track.
  function describe(root, item) {
    var title = element("p", "", "map-popup-title");
    title.appendChild(link(item.url, item.title));
    root.appendChild(title);
    if (item.detail) {
      root.appendChild(element("p", item.detail));
    }
    if (item.track) {
      var track = link(item.track, text.track);
      track.setAttribute("download", "");
      root.appendChild(element("p")).appendChild(track);
    }
  }

  // A marker's popup lists every item at its position; a line's, its route.
  function popup(feature) {
    var root = element("div", "", "map-popup");
    (feature.items || [feature]).forEach(function (item) {
      describe(root, item);
    });
    return root;
  }

  var map = L.map(box, { zoomControl: false, keyboard: true });
  L.control
    .zoom({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut })
    .addTo(map);
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 19,
    attribution:
      '<a href="https://www.openstreetmap.org/copyright">' +
      escapeHtml(text.attribution) +
      "</a>",
  }).addTo(map);

  var icon = L.icon({
    iconUrl: text.icon,
    iconRetinaUrl: text.icon2x,
    shadowUrl: text.shadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  });
  var layers = {};
  var bounds = L.latLngBounds([]);
  items.forEach(function (feature) {
    var layer;
    var listed = feature.items || [feature];
    if (feature.path) {
      layer = L.polyline(feature.path, { color: "#8a3b12", weight: 4 });
    } else {
      // Items at one position share its marker, named after all of them.
      var names = listed
        .map(function (item) {
          return item.title;
        })
        .join(" · ");
      layer = L.marker([feature.lat, feature.lon], {
        icon: icon,
        title: names,
        alt: names,
        keyboard: true,
      });
    }
    layer.bindPopup(popup(feature));
    layer.addTo(map);
    listed.forEach(function (item) {
      layers[item.id] = layer;
    });
    bounds.extend(layer.getLatLng ? layer.getLatLng() : layer.getBounds());
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });

  map.on("popupopen", function (event) {
    var close = event.popup.getElement().querySelector(
      ".leaflet-popup-close-button"
    );
    if (close) {
      close.setAttribute("aria-label", text.close);
      close.title = text.close;
    }
  });

  function showFragment() {
    var layer = layers[decodeURIComponent(window.location.hash.slice(1))];
    if (!layer) {
      return;
    }
    if (layer.getLatLng) {
      map.setView(layer.getLatLng(), Math.max(map.getZoom(), 16));
    } else {
      map.fitBounds(layer.getBounds(), { padding: [24, 24] });
    }
    layer.openPopup();
    box.scrollIntoView();
  }
  window.addEventListener("hashchange", showFragment);
  showFragment();
})();
