// The dashboard's last script: warnings, the API reference, the page wired to its controls, and the start.
"use strict";

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
