// The dashboard's tallies: series with their points, filtered and known as of a day (after common.js).
"use strict";

// ---- Tallies ----------------------------------------------------------------------------------

let knowledgeDays = [];

function knowledgeDay() {
  const i = Number($("knowledge").value);
  return i < knowledgeDays.length ? knowledgeDays[i] : null;
}

function tallyQuery() {
  const parts = [];
  if ($("tally-category").value) parts.push("category=" + encodeURIComponent($("tally-category").value));
  if ($("tally-actor").value) parts.push("actor=" + encodeURIComponent($("tally-actor").value));
  if (knowledgeDay()) parts.push("as_of=" + knowledgeDay());
  return parts.join("&");
}

async function loadTally() {
  if (documentsById.size === 0 || knowledgeDays.length === 0) {
    const documents = (await api("/api/documents?size=500")).items;
    documentsById = new Map(documents.map(d => [d.id, d]));
    knowledgeDays = [...new Set(documents.map(d => d.published).filter(Boolean))].sort();
    $("knowledge").max = String(knowledgeDays.length);
    $("knowledge").value = String(knowledgeDays.length);
  }
  $("knowledge-day").textContent = knowledgeDay() ? day(knowledgeDay()) : t("knowledge-now");
  const query = tallyQuery();
  for (const format of ["csv", "json", "geojson", "hxl"]) $("export-" + format).href = `/api/export/${format}${query ? "?" + query : ""}`;
  const series = await api("/api/tally" + (query ? "?" + query : ""));
  fillChoices($("tally-actor"), series.map(s => s.actor), a => labelOf("actor", a));
  fillChoices($("tally-place"), series.map(s => s.admin1), a => labelOf("admin1", a));
  fillChoices($("tally-source"), [...documentsById.values()].map(d => d.source), s => s);
  const from = $("tally-from").value, to = $("tally-to").value, place = $("tally-place").value, source = $("tally-source").value;
  const inRange = p => (!from || (p.as_of && p.as_of >= from)) && (!to || (p.as_of && p.as_of <= to));
  const fromSource = p => !source || p.mentions.some(m => documentsById.get(docOf(m))?.source === source);
  const shown = series
    .filter(s => !place || s.admin1 === place)
    .map(s => Object.assign({}, s, { points: s.points.filter(p => inRange(p) && fromSource(p)) }))
    .filter(s => s.points.length > 0 || (!from && !to && !source));
  // Every series is shown: dated ones first, then those with no dated point, marked.
  shown.sort((a, b) => Number(!a.points.some(p => p.as_of)) - Number(!b.points.some(p => p.as_of)));
  $("series-total").textContent = `${number(shown.length)} ${t("series-count")} ${t("shown")}`;
  const list = $("series-list");
  list.replaceChildren();
  for (const s of shown) list.append(seriesCard(s));
}

function fillChoices(select, values, name) {
  const chosen = select.value;
  const distinct = [...new Set(values.filter(Boolean))].sort();
  select.replaceChildren(new Option(t("all"), ""), ...distinct.map(v => new Option(name(v), v)));
  select.value = distinct.includes(chosen) ? chosen : "";
}

// A point in words: its day, the best value with its hedge, the band when the report gives one, how often it was reported.
function pointLine(p) {
  const li = text("li");
  const hedge = p.qualifier === "exact" ? "" : labelOf("qualifier", p.qualifier) + " ";
  li.append(text("span", (p.as_of ? day(p.as_of) : t("undated")) + ": "), text("strong", hedge), bdi(number(p.value)));
  if ((p.low != null && p.low !== p.value) || (p.high != null && p.high !== p.value)) {
    li.append(" ", text("span", `(${t("band")} `, "band"), bdi(`${number(p.low) || "?"} – ${number(p.high) || "?"}`), text("span", ")", "band"));
  }
  li.append(text("span", ` · ${number(p.mentions.length)} ${t("mentions")}`, "meta"));
  return li;
}

function seriesCard(s) {
  const li = document.createElement("li");
  li.dataset.category = s.category;
  li.dataset.series = s.id;
  const dated = s.points.filter(p => p.as_of);
  const title = text("strong", s.title?.[language] ?? s.label);
  li.append(title);
  if (dated.length === 0) { li.classList.add("undated"); li.append(text("span", t("undated"), "badge")); }
  const points = text("ul", null, "points");
  s.points.forEach(p => points.append(pointLine(p)));
  li.append(points);
  if (dated.length === 0) li.append(meta(t("undated-note")));
  // A line needs two days to draw.
  if (dated.length > 1) {
    const image = document.createElement("img");
    image.alt = title.textContent;
    image.src = `/api/chart?lang=${language}&series=${encodeURIComponent(s.id)}` + (knowledgeDay() ? "&as_of=" + knowledgeDay() : "");
    li.append(image);
  }
  return li;
}
