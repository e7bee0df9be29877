// The dashboard's claim panel and review queue: a claim read, reviewed and the queue advanced (after common.js).
"use strict";

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
