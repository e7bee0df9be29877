// The dashboard's reports: the list, one report's text with its figures marked (after common.js).
"use strict";

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
