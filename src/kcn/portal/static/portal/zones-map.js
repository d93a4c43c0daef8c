// The portal's map of the zones: each zone's outline over the province's, over tiles only
// when the board configured a tile server (KCN_MAP_TILES). The page lists every zone and
// figure as text too; the map only adds where they are.
//
// A zone's name is data, never markup: Leaflet inserts a string given to a tooltip or a
// popup as HTML, so each gets a DOM node whose textContent is the name.
(function () {
  "use strict";
  var element = document.getElementById("zone-map");
  var source = document.getElementById("map-data");
  if (!element || !source || typeof L === "undefined") {
    return;
  }
  function textNode(tag, text) {
    var node = document.createElement(tag);
    node.textContent = text;
    return node;
  }
  var data = JSON.parse(source.textContent);
  var map = L.map(element, { zoomSnap: 0.25, attributionControl: false, scrollWheelZoom: false });
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 19 }).addTo(map);
  } else {
    element.classList.add("plain");
  }
  var bounds = L.latLngBounds([]);
  if (data.outline) {
    var province = L.geoJSON(data.outline, {
      interactive: false,
      style: { color: "#5b6770", weight: 2, fillColor: "#eef1ee", fillOpacity: data.tiles ? 0 : 1 },
    }).addTo(map);
    bounds.extend(province.getBounds());  // a zone's page shows where in the province it is
  }
  var zones = L.geoJSON(data.zones, {
    style: { color: "#0b4f8a", weight: 1.5, fillColor: "#1f77c4", fillOpacity: 0.45 },
    onEachFeature: function (feature, layer) {
      var p = feature.properties;
      var box = document.createElement("div");
      var link = textNode("a", p.name);
      link.href = p.url;
      box.appendChild(link);
      if (p.available) {
        box.appendChild(document.createElement("br"));
        box.appendChild(document.createTextNode(element.dataset.available + " " + p.available));
      }
      layer.bindPopup(box);
      layer.bindTooltip(textNode("span", p.name));
    },
  }).addTo(map);
  if (data.zones.features.length) {
    bounds.extend(zones.getBounds());
  }
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [12, 12], maxZoom: 15 });
  } else {
    map.setView([20.85, 106.0], 10);
  }
})();
