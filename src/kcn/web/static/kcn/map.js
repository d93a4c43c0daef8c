// The zones' map: the province's outline and each zone's outline, over tiles when a tile
// server is configured (KCN_MAP_TILES), on a plain background otherwise. Nothing is
// fetched from another host unless the board configured that host.
//
// A zone's name is data, never markup: Leaflet inserts a string given to a tooltip or a
// popup as HTML, so each gets a DOM node whose textContent is the name. The tiles' credit
// is printed under the map by the page, as text, rather than by Leaflet's attribution
// control, which also takes HTML.
(function () {
  "use strict";
  function textNode(tag, text) {
    var node = document.createElement(tag);
    node.textContent = text;
    return node;
  }
  var element = document.getElementById("zone-map");
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var map = L.map(element, { zoomSnap: 0.25, attributionControl: false });
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
    bounds.extend(province.getBounds());
  }
  var zones = L.geoJSON(data.zones, {
    style: { color: "#0b4f8a", weight: 1.5, fillColor: "#1f77c4", fillOpacity: 0.45 },
    onEachFeature: function (feature, layer) {
      var p = feature.properties;
      var link = textNode("a", p.name);
      link.href = p.url;
      var box = document.createElement("div");
      box.appendChild(link);
      if (p.area_ha) {
        box.appendChild(document.createElement("br"));
        box.appendChild(document.createTextNode(p.area_ha + " ha"));
      }
      layer.bindPopup(box);
      layer.bindTooltip(textNode("span", p.name));
    },
  }).addTo(map);
  if (data.zones.features.length) {
    bounds.extend(zones.getBounds());
  }
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [12, 12] });
  } else {
    map.setView([21.0, 105.85], 8);
  }
})();
