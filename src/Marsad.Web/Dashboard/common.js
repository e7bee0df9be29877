// Marsad's dashboard: reads the API of the same server, writes every string from a report with
// textContent (never as HTML), and keeps the reviewer's token in this browser only. Every word it
// shows comes from data: its own labels (i18n.json) and the language packs' rendering data
// (/api/labels/{ar|en}: codebook codes, warning explanations, month names).
// Its scripts share one page scope, loaded in order: this one (the state and helpers every other
// uses), reports.js, review.js, tallies.js, map.js, and app.js (the wiring and the start) last.
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
