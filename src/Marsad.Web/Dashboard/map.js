// The dashboard's map: people counted by first-level division, shaded, over the region (after common.js).
"use strict";

// ---- The map ----------------------------------------------------------------------------------

// Governorate polygons and country outlines shipped with the server (no tile server), drawn in an
// equirectangular projection narrowed by the cosine of the middle latitude; each governorate
// shaded by the people its series count (the latest best value of a running total, the sum of a
// period's increments), with a legend and the figures listed below.
const region = { west: 9.0, east: 54.0, south: 8.5, north: 38.5 };
const shrink = Math.cos((region.north + region.south) / 2 * Math.PI / 180);
const scale = 900 / ((region.east - region.west) * shrink);
const project = ([lon, lat]) => [(lon - region.west) * shrink * scale, (region.north - lat) * scale];
const views = { all: [9, 38.5, 54, 8.5], levant: [34.5, 38, 49, 28.5], yemen: [41.5, 19.5, 54, 11.8], sudan: [21.5, 23, 39, 8.5], libya: [9, 34, 26, 19] };
let mapData = null;

function path(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map(rings => rings.map(ring => "M" + ring.map(p => project(p).map(n => n.toFixed(1)).join(",")).join("L") + "Z").join("")).join("");
}

function svg(tag, attributes) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
}

// The middle of a feature's largest ring's bounding box, for its label.
function labelPoint(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const ring = polygons.map(p => p[0]).sort((a, b) => b.length - a.length)[0];
  const xs = ring.map(p => p[0]), ys = ring.map(p => p[1]);
  return project([(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2]);
}

function people(series, from, to) {
  const byAdmin1 = new Map();
  for (const s of series.filter(s => s.unit === "person" && s.admin1)) {
    const points = s.points.filter(p => p.as_of && (!from || p.as_of >= from) && (!to || p.as_of <= to));
    if (points.length === 0) continue;
    const count = s.kind === "cumulative" ? points[points.length - 1].value : points.reduce((sum, p) => sum + p.value, 0);
    byAdmin1.set(s.admin1, (byAdmin1.get(s.admin1) || 0) + count);
  }
  return byAdmin1;
}

const shades = ["#fde0c5", "#f9b98a", "#f08a5b", "#d9573b", "#a8321f"];

async function loadMap() {
  if (!mapData) {
    const [countries, syria, iraq, regional] = await Promise.all(["countries_context", "syria_adm1", "iraq_adm1", "region_adm1"].map(f => api(`/dashboard/map/${f}.geojson`)));
    const features = [...syria.features, ...iraq.features].map(f => Object.assign(f, { properties: Object.assign({ covers: [f.properties.iso_3166_2] }, f.properties) }));
    mapData = { countries, features: [...features, ...regional.features] };
  }
  const category = $("map-category").value;
  const series = await api("/api/tally" + (category ? "?category=" + encodeURIComponent(category) : ""));
  const counts = people(series, $("map-from").value, $("map-to").value);
  const canvas = $("map-canvas");
  canvas.replaceChildren();
  const [w, n, e, s] = views[$("map-region").value] || views.all;
  const [x0, y0] = project([w, n]), [x1, y1] = project([e, s]);
  canvas.setAttribute("viewBox", `${x0.toFixed(0)} ${y0.toFixed(0)} ${(x1 - x0).toFixed(0)} ${(y1 - y0).toFixed(0)}`);
  const zoom = 900 / (x1 - x0);
  for (const f of mapData.countries.features) {
    canvas.append(svg("path", { d: path(f.geometry), fill: f.properties.role === "context" ? "#f4f4f4" : "#eef1f5", stroke: "#b8c0cc", "stroke-width": (0.6 / zoom).toFixed(2) }));
  }
  const totals = mapData.features.map(f => f.properties.covers.reduce((sum, c) => sum + (counts.get(c) || 0), 0));
  const most = Math.max(1, ...totals);
  const shade = count => count ? shades[Math.min(shades.length - 1, Math.floor(Math.log10(count) / Math.log10(most + 1) * shades.length))] : "#ffffff";
  const labels = [];
  mapData.features.forEach((f, i) => {
    const count = totals[i];
    const name = language === "ar" ? f.properties.name_ar : f.properties.name_en;
    const shape = svg("path", { d: path(f.geometry), fill: shade(count), stroke: "#7d8797", "stroke-width": (0.5 / zoom).toFixed(2) });
    shape.dataset.admin1 = f.properties.iso_3166_2;
    shape.dataset.people = String(count);
    const title = svg("title", {});
    title.textContent = `${name}: ${count ? number(count) + " " + t("map-people") : t("map-none")}`;
    shape.append(title);
    canvas.append(shape);
    if (count) {
      const [x, y] = labelPoint(f.geometry);
      const label = svg("text", { x: x.toFixed(1), y: y.toFixed(1), "text-anchor": "middle", "font-size": (11 / zoom).toFixed(2), "stroke-width": (3 / zoom).toFixed(2) });
      label.textContent = `${name} ${number(count)}`;
      label.dataset.admin1 = f.properties.iso_3166_2;
      labels.push(label);
    }
  });
  labels.forEach(l => canvas.append(l));
  // The legend: the shades and the people each stands for (a log scale up to the largest).
  const legendList = $("map-legend");
  legendList.replaceChildren();
  shades.forEach((colour, i) => {
    const low = Math.ceil(Math.pow(most + 1, i / shades.length)), high = Math.floor(Math.pow(most + 1, (i + 1) / shades.length));
    if (high < low) return;
    const swatch = text("span", null, "swatch");
    swatch.style.setProperty("--swatch", colour);
    item(legendList, swatch, bdi(`${number(low)} – ${number(high)}`));
  });
  const none = text("span", null, "swatch");
  item(legendList, none, text("span", t("map-none")));
  const figures = $("map-figures");
  figures.replaceChildren();
  mapData.features.map((f, i) => [f, totals[i]]).filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1]).forEach(([f, c]) => {
    const li = item(figures, text("span", (language === "ar" ? f.properties.name_ar : f.properties.name_en) + ": "), bdi(number(c)), text("span", " " + t("map-people")));
    li.dataset.admin1 = f.properties.iso_3166_2;
  });
}
