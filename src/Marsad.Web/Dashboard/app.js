// Marsad's dashboard: reads the API of the same server, writes every user-supplied string with
// textContent (never as HTML), and keeps the reviewer's token in this browser only.
"use strict";

const words = {
  ar: { title: "مرصد", documents: "التقارير", tally: "الحصائل", checks: "التحذيرات", token: "رمز المراجِع", paste: "الصق نص تقرير هنا",
        upload: "رفع التقرير", claim: "الرقم", reason: "السبب", value: "القيمة المصححة", confirm: "تأكيد", reject: "رفض", correct: "تصحيح",
        log: "سجل المراجعة", needValue: "اكتب القيمة المصححة (عدداً صحيحاً) قبل التصحيح", claims: "رقماً", published: "النشر", unknown: "غير معروف", saved: "حُفظت المراجعة", other: "English",
        map: "الخريطة", reference: "واجهة البرمجة", credits: "الحدود: مجموعات البيانات التشغيلية المشتركة لمكتب تنسيق الشؤون الإنسانية (OCHA COD-AB) عبر HDX، CC BY 3.0 IGO، مبسّطة. حدود الدول: Natural Earth (ملكية عامة). لا تعني الحدود والأسماء المعروضة اعترافاً رسمياً من الأمم المتحدة." },
  en: { title: "Marsad", documents: "Reports", tally: "Tallies", checks: "Warnings", token: "Reviewer token", paste: "Paste a report's text here",
        upload: "Upload report", claim: "Figure", reason: "Reason", value: "Corrected value", confirm: "Confirm", reject: "Reject", correct: "Correct",
        log: "Review log", needValue: "Type the corrected value (a whole number) before correcting", claims: "figures", published: "published", unknown: "unknown", saved: "Review saved", other: "العربية",
        map: "Map", reference: "API", credits: "Boundaries: OCHA Common Operational Datasets (COD-AB) via HDX — Syria: UNCS / OCHA ROSC (2020-12-17); Iraq: CSO / OCHA Iraq / ITOS (2019-06-03). CC BY 3.0 IGO, simplified. Country outlines: Made with Natural Earth (public domain). The boundaries and names shown do not imply official endorsement or acceptance by the United Nations." },
};
let language = localStorage.getItem("marsad.language") || "ar";
let current = null;

const $ = id => document.getElementById(id);
const t = key => words[language][key];

function applyLanguage() {
  document.documentElement.lang = language;
  document.documentElement.dir = language === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-t]").forEach(e => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll("[data-t-placeholder]").forEach(e => { e.placeholder = t(e.dataset.tPlaceholder); });
  $("language").textContent = t("other");
}

async function api(path, options = {}) {
  const token = $("token").value.trim();
  const headers = Object.assign({}, options.headers || {}, token ? { Authorization: "Bearer " + token } : {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  const fieldErrors = body && body.errors ? Object.entries(body.errors).map(([field, why]) => `${field}: ${why.join(" ")}`).join("; ") : "";
  if (!response.ok) throw new Error(fieldErrors || (body && (body.detail || body.title)) || response.statusText);
  return body;
}

function show(view) {
  document.querySelectorAll(".view").forEach(v => { v.hidden = v.id !== view; });
  document.querySelectorAll("nav button").forEach(b => b.toggleAttribute("aria-current", b.dataset.view === view));
  if (view === "documents") loadDocuments();
  if (view === "tally") loadTally();
  if (view === "checks") loadChecks();
  if (view === "map") loadMap();
  if (view === "reference") loadReference();
}

function item(list, ...children) {
  const li = document.createElement("li");
  children.forEach(c => li.append(c));
  list.append(li);
  return li;
}

// Ids, dates and Arabic words side by side: each part isolated, so the bidi algorithm keeps it whole.
function meta(...parts) {
  const div = document.createElement("div");
  div.className = "meta";
  parts.filter(p => p != null && p !== "").forEach((p, i) => {
    if (i > 0) div.append(" · ");
    div.append(text("bdi", String(p)));
  });
  return div;
}

function text(tag, value, className) {
  const e = document.createElement(tag);
  e.textContent = value;
  if (className) e.className = className;
  return e;
}

async function loadDocuments() {
  const page = await api("/api/documents?size=200");
  const list = $("document-list");
  list.replaceChildren();
  for (const d of page.items) {
    const link = text("a", d.title || d.id);
    link.dataset.id = d.id;
    link.addEventListener("click", () => openDocument(d.id));
    item(list, link, meta(d.id, d.source, `${t("published")} ${d.published || t("unknown")}`, `${d.claims} ${t("claims")}`));
  }
}

async function openDocument(id) {
  const [document_, reviewed] = await Promise.all([
    api("/api/documents/" + encodeURIComponent(id)),
    api("/api/claims?size=500&doc=" + encodeURIComponent(id)),
  ]);
  current = { document: document_, status: new Map(reviewed.items.map(i => [i.claim.id, i])) };
  show("document");
  $("document-title").textContent = document_.title || document_.id;
  $("document-meta").replaceChildren(meta(document_.id, document_.source, `${t("published")} ${document_.published || t("unknown")}`, document_.published_how));
  renderText();
}

// The text as ingested, each claim's span wrapped in a mark; spans are UTF-16 offsets, as JavaScript strings are.
function renderText() {
  const article = $("document-text");
  article.replaceChildren();
  const source = current.document.text;
  const claims = [...current.document.claims].sort((a, b) => a.span[0] - b.span[0]);
  let at = 0;
  for (const claim of claims) {
    if (claim.span[0] < at) continue;
    article.append(source.slice(at, claim.span[0]));
    const mark = text("mark", source.slice(claim.span[0], claim.span[1]), "claim");
    mark.dataset.id = claim.id;
    mark.dataset.status = current.status.get(claim.id)?.status || "unreviewed";
    mark.title = `${claim.category} · ${claim.value ?? claim.magnitude}`;
    mark.addEventListener("click", () => selectClaim(claim, mark));
    article.append(mark);
    at = claim.span[1];
  }
  article.append(source.slice(at));
}

async function selectClaim(claim, mark) {
  document.querySelectorAll("mark.claim.selected").forEach(m => m.classList.remove("selected"));
  mark.classList.add("selected");
  current.claim = claim;
  $("claim-panel").hidden = false;
  const reviewed = current.status.get(claim.id)?.reviewed || claim;
  const fields = $("claim-fields");
  fields.replaceChildren();
  const rows = [["id", claim.id], ["value", reviewed.value ?? claim.magnitude], ["qualifier", reviewed.qualifier], ["category", reviewed.category],
    ["actor", reviewed.group.actor], ["role", reviewed.group.role], ["age", reviewed.group.age], ["sex", reviewed.group.sex],
    ["time", `${reviewed.time.kind ?? ""} ${reviewed.time.since ? "since " + reviewed.time.since : ""} @${reviewed.time.as_of ?? "?"}`],
    ["place", `${claim.place.name ?? ""} ${reviewed.place.admin1 ?? ""}`], ["parent", claim.parent], ["warnings", claim.warnings.join(", ")],
    ["status", current.status.get(claim.id)?.status || "unreviewed"]];
  for (const [name, value] of rows) {
    fields.append(text("dt", name), text("dd", value == null || value === "" ? "—" : String(value)));
  }
  $("review-result").textContent = "";
  const log = await api("/api/claims/" + encodeURIComponent(claim.id) + "/reviews");
  $("review-log").replaceChildren(...log.map(r => text("li", `${r.at.slice(0, 16)} ${r.reviewer}: ${r.action}${r.correction ? " " + JSON.stringify(r.correction) : ""} — ${r.reason}`)));
}

async function review(action) {
  const body = { action, reason: $("review-reason").value.trim() };
  if (action === "correct") {
    // An empty box is no figure: Number("") would send 0.
    const value = $("review-value").value.trim();
    if (!/^[0-9]+$/.test(value)) { $("review-result").textContent = t("needValue"); return; }
    body.correction = { value: Number(value) };
  }
  try {
    await api("/api/claims/" + encodeURIComponent(current.claim.id) + "/reviews", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    $("review-result").textContent = t("saved");
    const id = current.claim.id;
    await openDocument(current.document.id);
    document.querySelector(`mark.claim[data-id="${CSS.escape(id)}"]`)?.click();
  } catch (error) {
    $("review-result").textContent = error.message;
  }
}

async function loadTally() {
  const series = await api("/api/tally");
  const list = $("series-list");
  list.replaceChildren();
  for (const s of series.filter(s => s.points.some(p => p.as_of))) {
    const points = s.points.map(p => `${p.as_of ?? "?"}: ${p.qualifier === "exact" ? "" : p.qualifier + " "}${p.value} (${p.mentions.length})`).join(" · ");
    const card = item(list, text("strong", s.label), meta(s.id), text("div", points, "points"));
    // A line needs two days to draw.
    if (s.points.filter(p => p.as_of).length > 1) {
      const image = document.createElement("img");
      image.alt = s.label;
      image.src = "/api/chart?series=" + encodeURIComponent(s.id);
      card.append(image);
    }
  }
}

// The map: governorate polygons and country outlines shipped with the server (no tile server),
// drawn in an equirectangular projection; each governorate shaded by the figures its claims give,
// each named place a circle sized by its number of claims.
const bounds = { west: 34.5, east: 49.0, south: 28.5, north: 38.0 };
const project = ([lon, lat]) => [(lon - bounds.west) / (bounds.east - bounds.west) * 800, (bounds.north - lat) / (bounds.north - bounds.south) * 560];

function path(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map(rings => rings.map(ring => "M" + ring.map(p => project(p).map(n => n.toFixed(1)).join(",")).join("L") + "Z").join("")).join("");
}

function svg(tag, attributes) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
}

async function loadMap() {
  const [countries, syria, iraq, places] = await Promise.all([
    api("/dashboard/map/countries_context.geojson"), api("/dashboard/map/syria_adm1.geojson"), api("/dashboard/map/iraq_adm1.geojson"), api("/api/places")]);
  const claimsByAdmin1 = new Map();
  places.forEach(p => { if (p.admin1) claimsByAdmin1.set(p.admin1, (claimsByAdmin1.get(p.admin1) || 0) + p.claims); });
  const most = Math.max(1, ...claimsByAdmin1.values());
  const canvas = $("map-canvas");
  canvas.replaceChildren();
  for (const f of countries.features) {
    canvas.append(svg("path", { d: path(f.geometry), fill: f.properties.role === "focus" ? "#eef1f5" : "#f7f7f7", stroke: "#b8c0cc", "stroke-width": "0.6" }));
  }
  for (const f of [...syria.features, ...iraq.features]) {
    const count = claimsByAdmin1.get(f.properties.iso_3166_2) || 0;
    const shape = svg("path", { d: path(f.geometry), fill: count ? `rgba(214, 39, 40, ${0.15 + 0.65 * count / most})` : "#ffffff", stroke: "#8a94a3", "stroke-width": "0.5" });
    shape.dataset.admin1 = f.properties.iso_3166_2;
    const title = svg("title", {});
    title.textContent = `${language === "ar" ? f.properties.name_ar : f.properties.name_en} (${f.properties.iso_3166_2}): ${count} ${t("claims")}`;
    shape.append(title);
    canvas.append(shape);
  }
  const legend = $("map-legend");
  legend.replaceChildren();
  for (const p of places.filter(p => p.lat != null)) {
    const [x, y] = project([p.lon, p.lat]);
    const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + Math.sqrt(p.claims) * 1.5).toFixed(1), fill: "#1f77b4", "fill-opacity": "0.7", class: "place" });
    const title = svg("title", {});
    title.textContent = `${p.name || p.admin1}: ${p.claims} ${t("claims")}`;
    dot.append(title);
    canvas.append(dot);
    item(legend, meta(p.name || p.admin1, p.admin1, `${p.claims} ${t("claims")}`));
  }
}

// The API reference, read from the server's own OpenAPI document.
async function loadReference() {
  const openapi = await api("/openapi/v1.json");
  const list = $("endpoint-list");
  list.replaceChildren();
  for (const [path, operations] of Object.entries(openapi.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = (operation.parameters || []).map(p => p.name + (p.required ? "" : "?")).join(", ");
      item(list, text("code", `${method.toUpperCase()} ${path}`), text("div", operation.summary || ""), meta(parameters && "parameters: " + parameters));
    }
  }
}

async function loadChecks() {
  const warnings = await api("/api/checks");
  const list = $("warning-list");
  list.replaceChildren();
  for (const w of warnings) {
    item(list, text("span", w.code, "warning-code"), text("div", w.explanation), meta(w.series || w.doc, w.claims.join(", ")));
  }
}

$("upload").addEventListener("submit", async event => {
  event.preventDefault();
  try {
    const result = await api("/api/documents", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: $("upload-text").value });
    $("upload-result").textContent = result.documents.map(d => `${d.id}: ${d.claims} ${t("claims")}`).join(" · ");
    await loadDocuments();
  } catch (error) {
    $("upload-result").textContent = error.message;
  }
});
document.querySelectorAll("#review [data-action]").forEach(b => b.addEventListener("click", () => review(b.dataset.action)));
document.querySelectorAll("nav button").forEach(b => b.addEventListener("click", () => show(b.dataset.view)));
$("token").value = localStorage.getItem("marsad.token") || "";
$("token").addEventListener("change", () => localStorage.setItem("marsad.token", $("token").value.trim()));
$("language").addEventListener("click", () => {
  language = language === "ar" ? "en" : "ar";
  localStorage.setItem("marsad.language", language);
  applyLanguage();
});
applyLanguage();
show("documents");
