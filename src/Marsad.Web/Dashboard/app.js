// Marsad's dashboard: reads the API of the same server, writes every string from a report with
// textContent (never as HTML), and keeps the reviewer's token in this browser only. Every word it
// shows comes from data: its own labels (i18n.json) and the language packs' rendering data
// (/api/labels/{ar|en}: codebook codes, warning explanations, month names).
"use strict";

const $ = id => document.getElementById(id);
let language = localStorage.getItem("marsad.language") === "en" ? "en" : "ar";
let ui = {};            // i18n.json: the dashboard's own words, by language
const codes = {};       // /api/labels/{language}, by language
let view = "documents";
let current = { document: null, claim: null, item: null, status: new Map() };
let queue = [];         // the queue's items, in order
let pending = null;     // the action a key chose, saved by Enter
let documentsById = new Map();

const t = key => ui[language]?.[key] ?? key;
const labelOf = (kind, code) => code == null ? t("none") : codes[language]?.label[`${kind}:${code}`] ?? code;
const warningText = code => codes[language]?.warning[code] ?? codes[language]?.warning.other ?? code;
const number = n => n == null ? "" : Number(n).toLocaleString("en-US");

// "2019-01-25" → "25 كانون الثاني 2019" / "25 January 2019"; "--09-10" without its year.
function day(iso) {
  if (!iso) return t("unknown");
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = codes[language]?.month[String(Number(m[2]))] ?? m[2];
  return `${Number(m[3])} ${month}${m[1] === "-" ? "" : " " + m[1]}`;
}

function text(tag, value, className) {
  const e = document.createElement(tag);
  if (value != null) e.textContent = value;
  if (className) e.className = className;
  return e;
}

// Ids, dates and numbers among words of either direction: each part isolated — a link too (the
// warnings' claim ids) — so the bidi algorithm keeps it whole; the dots between parts stay outside
// the isolates, in the page's direction.
function meta(...parts) {
  const div = text("div", null, "meta");
  parts.filter(p => p != null && p !== "").forEach((p, i) => {
    const part = text("bdi");
    part.append(p instanceof Node ? p : String(p));
    div.append(...(i > 0 ? [" · ", part] : [part]));
  });
  return div;
}

function bdi(value) { return text("bdi", String(value)); }

function item(list, ...children) {
  const li = document.createElement("li");
  children.forEach(c => li.append(c));
  list.append(li);
  return li;
}

async function api(path, options = {}) {
  const token = $("token").value.trim();
  const headers = Object.assign({}, options.headers || {}, token ? { Authorization: "Bearer " + token } : {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  // A refusal carries the API's errors by field (a 400 ValidationProblem), for the form to show at each field.
  if (!response.ok) throw Object.assign(new Error((body && (body.detail || body.title)) || response.statusText), { errors: body?.errors ?? {} });
  return body;
}

function applyLanguage() {
  document.documentElement.lang = language;
  document.documentElement.dir = language === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-t]").forEach(e => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll("[data-t-placeholder]").forEach(e => { e.placeholder = t(e.dataset.tPlaceholder); });
  document.querySelectorAll("[data-t-label]").forEach(e => { e.setAttribute("aria-label", t(e.dataset.tLabel)); });
  document.querySelectorAll("[data-label]").forEach(e => { const [k, c] = e.dataset.label.split(":"); e.textContent = labelOf(k, c); });
  document.querySelectorAll("select[data-options]").forEach(fillOptions);
  $("language").textContent = t("other");
  $("language").lang = language === "ar" ? "en" : "ar";
}

// A select of codebook codes, each shown in words; the first option is "all" (filters) or "unchanged" (corrections).
function fillOptions(select) {
  const kind = select.dataset.options;
  const chosen = select.value;
  const keys = Object.keys(codes[language]?.label ?? {}).filter(k => k.startsWith(kind + ":")).map(k => k.slice(kind.length + 1));
  select.replaceChildren(new Option(select.dataset.field ? t("unchanged") : t("all"), ""), ...keys.map(k => new Option(labelOf(kind, k), k)));
  select.value = chosen;
}

function show(name) {
  view = name;
  document.querySelectorAll(".view").forEach(v => { v.hidden = v.id !== name; });
  document.querySelectorAll("nav button").forEach(b => {
    if (b.dataset.view === name || (name === "document" && b.dataset.view === "documents")) b.setAttribute("aria-current", "page");
    else b.removeAttribute("aria-current");
  });
  if (name !== "document" && name !== "queue") closePanel();
  const load = { documents: loadDocuments, queue: () => loadQueue(), tally: loadTally, checks: loadChecks, map: loadMap, reference: loadReference }[name];
  if (load) ready(name, load());
}

// A view says when its data is on the page (data-ready), for the browser tests and screen readers alike.
async function ready(name, loading) {
  $(name).removeAttribute("data-ready");
  $(name).setAttribute("aria-busy", "true");
  try { await loading; } finally { $(name).removeAttribute("aria-busy"); $(name).dataset.ready = "true"; }
}

const docOf = claimId => claimId.replace(/#\d+$/, "").replace(/@v\d+$/, "");

// ---- Reports -------------------------------------------------------------------------------

function published(d) {
  const how = d.published_how || "";
  const kind = how === "given" ? "given" : how.startsWith("inferred") ? "inferred" : "unknown";
  const quoted = /“(.*)”/.exec(how)?.[1];
  return `${t("published")} ${d.published ? day(d.published) : t("unknown")} (${t("how." + kind)}${quoted ? " «" + quoted + "»" : ""})`;
}

async function loadDocuments() {
  const page = await api("/api/documents?size=200");
  documentsById = new Map(page.items.map(d => [d.id, d]));
  const list = $("document-list");
  list.replaceChildren();
  for (const d of page.items) {
    const link = text("a", d.title || d.id);
    link.href = "#";
    link.dataset.id = d.id;
    link.addEventListener("click", event => { event.preventDefault(); openDocument(d.id); });
    item(list, link, meta(d.id, d.source, published(d), `${number(d.claims)} ${t("figures")}`));
  }
}

async function openDocument(id, claimId) {
  const [document_, reviewed] = await Promise.all([
    api("/api/documents/" + encodeURIComponent(id)),
    api("/api/claims?size=500&doc=" + encodeURIComponent(id)),
  ]);
  current = { document: document_, claim: null, item: null, status: new Map(reviewed.items.map(i => [i.claim.id, i])) };
  closePanel();
  show("document");
  $("document-title").textContent = document_.title || document_.id;
  const link = document_.url ? sourceLink(document_.url) : null;
  $("document-meta").replaceChildren(meta(document_.id, document_.source, published(document_), link));
  renderText();
  if (claimId) document.querySelector(`mark.claim[data-id="${CSS.escape(claimId)}"]`)?.click();
}

function sourceLink(url) {
  const a = text("a", t("open-source"));
  if (/^https?:\/\//i.test(url)) { a.href = url; a.rel = "noopener noreferrer"; a.target = "_blank"; }
  return a;
}

// The text as ingested, each claim's span wrapped in a mark coloured by its category (counts of
// things dashed); spans are UTF-16 offsets, as JavaScript strings are.
function renderText() {
  const article = $("document-text");
  article.replaceChildren();
  const source = current.document.text;
  const claims = [...current.document.claims].sort((a, b) => a.span[0] - b.span[0]);
  const categories = new Set();
  let things = false;
  let at = 0;
  for (const claim of claims) {
    if (claim.span[0] < at) continue;
    article.append(source.slice(at, claim.span[0]));
    const mark = text("mark", source.slice(claim.span[0], claim.span[1]), "claim");
    mark.dataset.id = claim.id;
    mark.dataset.category = claim.category;
    if (claim.unit !== "person") { mark.classList.add("things"); things = true; } else categories.add(claim.category);
    mark.dataset.status = current.status.get(claim.id)?.status || "unreviewed";
    mark.title = claim.rendered?.[language] ?? "";
    mark.tabIndex = 0;
    mark.addEventListener("click", () => selectClaim(claim, current.status.get(claim.id), mark));
    mark.addEventListener("keydown", event => { if (event.key === "Enter") mark.click(); });
    article.append(mark);
    at = claim.span[1];
  }
  article.append(source.slice(at));
  legend($("document-legend"), [...categories], things);
}

function legend(list, categories, things) {
  list.replaceChildren();
  for (const c of categories) {
    const swatch = text("span", null, "swatch");
    swatch.dataset.category = c;
    item(list, swatch, text("span", labelOf("category", c)));
  }
  if (things) item(list, text("span", null, "swatch things"), text("span", t("things")));
}

// ---- The claim panel: one for the report and the queue ------------------------------------------

function placePanel() {
  const slot = view === "queue" ? $("queue-slot") : $("document-slot");
  if ($("claim-panel").parentElement !== slot) slot.append($("claim-panel"));
}

function closePanel() {
  $("claim-panel").hidden = true;
  document.querySelectorAll("mark.claim.selected").forEach(m => m.classList.remove("selected"));
  if (current) { current.claim = null; current.item = null; }
  setPending(null);
}

async function selectClaim(claim, reviewedItem, mark) {
  document.querySelectorAll("mark.claim.selected").forEach(m => m.classList.remove("selected"));
  mark?.classList.add("selected");
  current.claim = claim;
  current.item = reviewedItem || null;
  placePanel();
  $("claim-panel").hidden = false;
  const shown = reviewedItem?.reviewed || claim;
  const other = language === "ar" ? "en" : "ar";
  $("claim-sentence").textContent = shown.rendered?.[language] ?? "";
  $("claim-sentence").lang = language;
  $("claim-sentence-other").textContent = shown.rendered?.[other] ?? "";
  $("claim-sentence-other").lang = other;
  $("claim-sentence-other").dir = other === "ar" ? "rtl" : "ltr";
  $("claim-quote").textContent = claim.quote;
  const doc = documentsById.get(claim.doc) || (current.document?.id === claim.doc ? current.document : null);
  const links = [];
  if (view === "queue") {
    const open = text("a", t("open-report"));
    open.href = "#";
    open.addEventListener("click", event => { event.preventDefault(); openDocument(claim.doc, claim.id); });
    links.push(open);
  }
  if (doc?.url) links.push(sourceLink(doc.url));
  $("claim-links").replaceChildren(meta(doc?.source, ...links));
  $("claim-warnings").replaceChildren(...claim.warnings.map(w => text("li", `${labelOf("warning", w)}: ${warningText(w)}`)));
  const fields = $("claim-fields");
  fields.replaceChildren();
  const time = shown.time;
  const rows = [
    ["id", bdi(claim.id)],
    ["value", shown.value != null ? bdi(number(shown.value)) : labelOf("qualifier", "vague")],
    ["low-high", shown.low == null && shown.high == null ? null : bdi(`${number(shown.low) || "?"} – ${number(shown.high) || "?"}`)],
    ["qualifier", labelOf("qualifier", shown.qualifier)],
    ["category", labelOf("category", shown.category)],
    ["unit", shown.unit === "person" ? t("person") : t("things")],
    ["actor", shown.group.actor && labelOf("actor", shown.group.actor)], ["role", shown.group.role && labelOf("role", shown.group.role)],
    ["age", shown.group.age && labelOf("age", shown.group.age)], ["sex", shown.group.sex && labelOf("sex", shown.group.sex)],
    ["nationality", shown.group.nationality],
    ["kind", time.kind && labelOf("kind", time.kind)], ["since", time.since && day(time.since)], ["as_of", time.as_of && day(time.as_of)],
    ["place", shown.place.name], ["admin1", shown.place.admin1 && labelOf("admin1", shown.place.admin1)],
    ["cause", shown.cause && labelOf("cause", shown.cause)], ["parent", claim.parent && bdi(claim.parent)],
    ["status", labelOf("status", reviewedItem?.status || "unreviewed")],
  ];
  for (const [name, value] of rows) {
    fields.append(text("dt", t("field." + name)));
    const dd = text("dd");
    dd.append(value == null || value === "" ? t("none") : value);
    fields.append(dd);
  }
  // A new claim starts with an empty form: no reason or correction carried over from the last one.
  $("review-reason").value = "";
  document.querySelectorAll("#correction [data-field]").forEach(f => { f.value = ""; });
  clearRefusal();
  setPending(null);
  await loadLog(claim.id);
}

async function loadLog(id) {
  const log = await api("/api/claims/" + encodeURIComponent(id) + "/reviews");
  const list = $("review-log");
  list.replaceChildren();
  if (log.length === 0) list.append(text("li", t("no-log"), "empty"));
  for (const r of log) {
    const when = `${day(r.at.slice(0, 10))} ${r.at.slice(11, 16)}`;
    const change = r.correction ? " " + Object.entries(r.correction).map(([k, v]) => `${t("field." + k)}: ${v}`).join("، ") : "";
    item(list, bdi(when), " ", bdi(r.reviewer), ` — ${t("action." + r.action)}${change}: `, text("span", r.reason));
  }
}

function setPending(action) {
  pending = action;
  document.querySelectorAll("#review [data-action]").forEach(b => b.classList.toggle("pending", b.dataset.action === action));
}

function correction() {
  const fields = {};
  document.querySelectorAll("#correction [data-field]").forEach(f => {
    if (f.value === "") return;
    fields[f.dataset.field] = f.dataset.field === "value" ? Number(f.value) : f.value.trim();
  });
  return fields;
}

// Clears what a refused review marked: the message and each field it named.
function clearRefusal() {
  document.querySelectorAll("#review [aria-invalid]").forEach(f => { f.removeAttribute("aria-invalid"); f.removeAttribute("aria-describedby"); });
}

// A refused review says what the API found wrong, field by field: the field's name in the page's
// language, the API's reason (in English, marked so), and each named field of the form marked invalid.
// Spans, one a line: an output holds phrasing content only.
function showRefusal(error, claimId) {
  const result = $("review-result");
  const problems = Object.entries(error.errors ?? {});
  result.className = "error";
  if (problems.length === 0) { result.textContent = error.message; return; }
  result.replaceChildren(text("span", `${t("refused")} — `), bdi(claimId), ":");
  for (const [field, messages] of problems) {
    const line = text("span", null, "problem");
    line.dataset.field = field;
    const why = text("span", messages.join(" "));
    why.lang = "en";
    why.dir = "ltr";
    line.append(text("strong", t("field." + field) + ": "), why);
    result.append(line);
    const input = document.querySelector(`#review [data-field="${CSS.escape(field)}"]`) ?? (field === "reason" ? $("review-reason") : null);
    input?.setAttribute("aria-invalid", "true");
    input?.setAttribute("aria-describedby", "review-result");
  }
  document.querySelector("#review [aria-invalid]")?.focus();
}

async function review(action) {
  const result = $("review-result");
  // The claim's id isolated, so that the bidi algorithm keeps it whole among Arabic words.
  const say = (message, ok, id) => { result.replaceChildren(message, ...(id ? [" — ", bdi(id)] : [])); result.className = ok ? "ok" : "error"; };
  if (!current.claim) return;
  clearRefusal();
  if (!$("token").value.trim()) { say(t("needs-token")); $("token").focus(); return; }
  const reason = $("review-reason").value.trim();
  if (!reason) { setPending(action); say(t("needs-reason")); $("review-reason").focus(); return; }
  const body = { action, reason };
  if (action === "correct") {
    body.correction = correction();
    if (Object.keys(body.correction).length === 0) { setPending(action); say(t("needs-field")); $("review-value").focus(); return; }
  }
  const claim = current.claim;
  try {
    await api("/api/claims/" + encodeURIComponent(claim.id) + "/reviews", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    setPending(null);
    if (view === "queue") await advanceQueue(claim.id);
    else await openDocument(claim.doc, claim.id);
    // Said once the page shows the saved state; it stays until the next review: what was saved, for which figure.
    say(`${t("saved")}: ${t("action." + action)}`, true, claim.id);
  } catch (error) {
    setPending(action);
    showRefusal(error, claim.id);
  }
}

// ---- The review queue -------------------------------------------------------------------------

async function loadQueue(selectId) {
  const category = $("queue-category").value;
  const status = $("queue-status").value;
  if (documentsById.size === 0) documentsById = new Map((await api("/api/documents?size=500")).items.map(d => [d.id, d]));
  const query = "size=500" + (category ? "&category=" + encodeURIComponent(category) : "");
  const page = status === "unreviewed"
    ? await api("/api/queue?" + query)
    : await api("/api/queue?reviewed=true&" + query);
  queue = page.items.filter(i => status === "" || status === "unreviewed" || i.status === status);
  const list = $("queue-list");
  list.replaceChildren();
  $("queue-total").textContent = queue.length ? `${number(queue.length)} ${t("queue-total")}` : t("queue-empty");
  queue.forEach((q, index) => {
    const reasons = text("ul", null, "reasons");
    for (const r of q.reasons) {
      const isWarning = codes[language]?.warning[r] != null;
      const chip = text("li", isWarning ? labelOf("warning", r) : labelOf("reason", r), isWarning ? "chip warning" : "chip");
      if (isWarning) chip.title = warningText(r);
      reasons.append(chip);
    }
    const li = item(list, text("div", (q.reviewed || q.claim).rendered?.[language] ?? q.claim.id),
      meta(q.claim.id, labelOf("status", q.status), `${t("score")} ${q.score}`), reasons);
    li.dataset.id = q.claim.id;
    li.dataset.category = q.claim.category;
    li.tabIndex = -1;
    li.setAttribute("role", "option");
    li.addEventListener("click", () => selectQueued(index));
  });
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", t("queue"));
  const at = selectId ? queue.findIndex(q => q.claim.id === selectId) : -1;
  if (at >= 0) selectQueued(at);
  else closePanel();
}

function selectedIndex() { return queue.findIndex(q => q.claim.id === current.claim?.id); }

async function selectQueued(index) {
  if (index < 0 || index >= queue.length) return;
  const q = queue[index];
  document.querySelectorAll("#queue-list > li").forEach((li, i) => li.setAttribute("aria-selected", i === index ? "true" : "false"));
  const li = document.querySelectorAll("#queue-list > li")[index];
  li.focus({ preventScroll: true });
  li.scrollIntoView({ block: "nearest" });
  await selectClaim(q.claim, q, null);
}

// After a review the queue reloads and the next claim waits, selected.
async function advanceQueue(reviewedId) {
  const at = queue.findIndex(q => q.claim.id === reviewedId);
  const next = queue[at + 1]?.claim.id ?? queue[at - 1]?.claim.id;
  await loadQueue($("queue-status").value === "unreviewed" ? next : reviewedId);
}

document.addEventListener("keydown", event => {
  if (view !== "queue" || event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName ?? "");
  if (event.key === "Escape") { setPending(null); document.activeElement?.blur(); return; }
  if (typing) return;
  const at = selectedIndex();
  const keys = {
    j: () => selectQueued(at + 1), ArrowDown: () => selectQueued(at + 1),
    k: () => selectQueued(Math.max(0, at - 1)), ArrowUp: () => selectQueued(Math.max(0, at - 1)),
    c: () => choose("confirm"), x: () => choose("reject"), e: () => choose("correct"),
  };
  if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
});

// A key chooses the action; the reason (and, to correct, the value) is typed next and Enter saves.
function choose(action) {
  if (!current.claim) return;
  setPending(action);
  (action === "correct" ? $("review-value") : $("review-reason")).focus();
}

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

// ---- Warnings and the API reference ------------------------------------------------------------

async function loadChecks() {
  const warnings = await api("/api/checks");
  const list = $("warning-list");
  list.replaceChildren();
  for (const w of warnings) {
    const li = item(list, text("div", labelOf("warning", w.code), "warning-title"), text("div", warningText(w.code)));
    if (language === "en" && w.explanation) li.append(text("div", w.explanation, "meta"));
    const ids = w.claims.map(id => {
      const a = text("a", id);
      a.href = "#";
      a.addEventListener("click", event => { event.preventDefault(); openDocument(docOf(id), id); });
      return a;
    });
    li.append(meta(t("warning-claims"), ...ids));
  }
}

async function loadReference() {
  const openapi = await api("/openapi/v1.json");
  const list = $("endpoint-list");
  list.replaceChildren();
  for (const [route, operations] of Object.entries(openapi.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = (operation.parameters || []).map(p => p.name + (p.required ? "" : "?")).join(", ");
      item(list, text("code", `${method.toUpperCase()} ${route}`), text("div", operation.summary || ""), meta(parameters && "parameters: " + parameters));
    }
  }
}

// ---- Wiring -----------------------------------------------------------------------------------

$("upload").addEventListener("submit", async event => {
  event.preventDefault();
  try {
    const result = await api("/api/documents", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: $("upload-text").value });
    $("upload-result").replaceChildren(...result.documents.map(d => meta(d.id, `${number(d.claims)} ${t("figures")}`)));
    knowledgeDays = [];
    await loadDocuments();
  } catch (error) {
    $("upload-result").textContent = error.message;
  }
});
document.querySelectorAll("#review [data-action]").forEach(b => b.addEventListener("click", () => review(b.dataset.action)));
$("review").addEventListener("submit", event => { event.preventDefault(); if (pending) review(pending); });
$("review").addEventListener("keydown", event => {
  if (event.key === "Enter" && event.target.tagName === "INPUT") { event.preventDefault(); review(pending || (Object.keys(correction()).length ? "correct" : "confirm")); }
});
$("panel-close").addEventListener("click", closePanel);
document.querySelectorAll("nav button").forEach(b => b.addEventListener("click", () => show(b.dataset.view)));
$("queue-filters").addEventListener("change", () => ready("queue", loadQueue()));
$("tally-filters").addEventListener("change", () => ready("tally", loadTally()));
$("tally-filters").addEventListener("reset", () => setTimeout(() => { $("knowledge").value = $("knowledge").max; loadTally(); }));
$("knowledge").addEventListener("input", () => { $("knowledge-day").textContent = knowledgeDay() ? day(knowledgeDay()) : t("knowledge-now"); });
$("map-filters").addEventListener("change", () => ready("map", loadMap()));
$("token").value = localStorage.getItem("marsad.token") || "";
$("token").addEventListener("change", () => localStorage.setItem("marsad.token", $("token").value.trim()));
$("language").addEventListener("click", async () => {
  language = language === "ar" ? "en" : "ar";
  localStorage.setItem("marsad.language", language);
  applyLanguage();
  if (view === "document" && current.document) { renderText(); closePanel(); } else show(view);
});

(async () => {
  const [words, ar, en] = await Promise.all([api("/dashboard/i18n.json"), api("/api/labels/ar"), api("/api/labels/en")]);
  ui = words;
  codes.ar = ar;
  codes.en = en;
  applyLanguage();
  show("documents");
})();
