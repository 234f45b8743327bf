// The groups at a glance: a filterable table of every group the token may see, with bulk actions
// on the filtered selection (add a label, archive), a new group's portrait, and an import of many.
import { h, replace, field, select, notice } from "../parts/dom.js";
import { t, label, dateOnly, failure } from "../parts/i18n.js";
import { portraitForm } from "./portrait-form.js";
import { confirmDialog } from "../parts/confirm.js";

const BANDS = ["DORMANT", "QUIET", "ACTIVE", "HOT"];
const STAGES = ["NEW", "GROWING", "MATURE", "DECLINING", "DORMANT"];
const TRENDS = ["RISING", "STEADY", "FALLING"];
// The orders the server lists groups in (its sort parameter).
const ORDERS = { name: "name", liveliest: "-level", quietest: "level", lastPosted: "-lastPostedAt", id: "id" };
const PORTRAIT_KEYS = ["name", "platform", "type", "interests", "region", "language", "timezone", "quietHours",
  "memberCount", "kocCount", "kocs", "owner", "labels", "attributes", "startedAt"];

export function groupsView({ api, announce }) {
  const options = (kind, values) => [{ value: "", label: t("filter.any") }, ...values.map((v) => ({ value: v, label: label(kind, v) }))];
  const filters = {
    text: h("input", { type: "search", name: "q", placeholder: t("groups.searchHint") }),
    band: select(options("band", BANDS), "", { name: "band" }),
    stage: select(options("stage", STAGES), "", { name: "stage" }),
    trend: select(options("trend", TRENDS), "", { name: "trend" }),
    region: h("input", { type: "text", name: "region", placeholder: t("groups.regionHint") }),
    label: h("input", { type: "text", name: "label" }),
  };
  const order = select(Object.keys(ORDERS).map((k) => ({ value: k, label: t("groups.sort." + k) })), "name",
    { name: "sort" });
  const count = h("p", { class: "count", "aria-live": "polite" });
  const body = h("tbody");
  const all = h("input", { type: "checkbox", id: "select-all", "aria-label": t("groups.selectAll") });
  const table = h("table", { class: "data groups-table" },
    h("caption", { class: "visually-hidden" }, t("groups.title")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, all),
      ["groups.col.name", "groups.col.band", "groups.col.stage", "groups.col.trend", "groups.col.region",
        "groups.col.labels", "groups.col.pending", "groups.col.lastPosted"]
        .map((c) => h("th", { scope: "col" }, t(c))))),
    body);
  const holder = h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("groups.table") }, table);

  const bulkLabel = h("input", { type: "text", name: "bulk-label", maxlength: "64" });
  const bulkOutcome = h("div", { id: "bulk-result", "aria-live": "polite" });
  const selected = h("span", { id: "selected-count", class: "muted" });
  const bulk = h("form", { class: "filters bulk", id: "bulk", "aria-label": t("groups.bulk") },
    selected, field(t("groups.bulk.label"), bulkLabel),
    // Disabled until a group is chosen.
    h("button", { type: "submit", id: "bulk-add-label", disabled: true }, t("groups.bulk.addLabel")),
    h("button", { type: "button", id: "bulk-remove-label", disabled: true, onclick: () => labelChange("removeLabel") },
      t("groups.bulk.removeLabel")),
    h("button", { type: "button", id: "bulk-archive", class: "danger", disabled: true, onclick: () => bulkArchive() },
      t("groups.bulk.archive")));

  const editorHost = h("section", { class: "card", id: "group-editor", hidden: true, "aria-labelledby": "group-editor-title" });
  const importInput = h("input", { type: "file", id: "import-file", accept: ".csv,.json,text/csv,application/json" });
  const importResult = h("div", { id: "import-result", "aria-live": "polite" });
  const element = h("section", { "aria-labelledby": "groups-title" },
    h("h1", { id: "groups-title" }, t("groups.title")),
    h("div", { class: "toolbar" },
      h("button", { type: "button", id: "new-group", class: "primary", onclick: () => openEditor() }, t("groups.new")),
      h("label", { for: "import-file", class: "button" }, t("groups.import")), importInput),
    importResult, editorHost,
    h("form", { class: "filters", role: "search", "aria-label": t("groups.filter"), onsubmit: (e) => e.preventDefault() },
      field(t("filter.search"), filters.text), field(t("groups.col.band"), filters.band),
      field(t("groups.col.stage"), filters.stage), field(t("groups.col.trend"), filters.trend),
      field(t("groups.col.region"), filters.region), field(t("groups.col.labels"), filters.label),
      field(t("groups.sortBy"), order)),
    count, bulk, bulkOutcome, holder);

  let groups = [];
  let shown = [];
  const chosen = new Set();
  const show = () => {
    const text = filters.text.value.trim().toLowerCase();
    const region = filters.region.value.trim().toLowerCase();
    const wanted = filters.label.value.trim().toLowerCase();
    shown = groups.filter((g) =>
      (!text || (g.name ?? "").toLowerCase().includes(text) || g.id.toLowerCase().includes(text))
      && (!filters.band.value || g.band === filters.band.value)
      && (!filters.stage.value || g.stage === filters.stage.value)
      && (!filters.trend.value || g.trend === filters.trend.value)
      && (!region || (g.region ?? "").toLowerCase().startsWith(region))
      && (!wanted || (g.labels ?? []).some((l) => l.toLowerCase() === wanted)));
    for (const id of [...chosen]) if (!shown.some((g) => g.id === id)) chosen.delete(id);
    count.textContent = t("groups.count", { shown: shown.length, total: groups.length, count: groups.length });
    replace(body, shown.map((g) => row(g, chosen, showSelection)));
    showSelection();
  };
  const showSelection = () => {
    selected.textContent = t("groups.selected", { count: chosen.size });
    all.checked = shown.length > 0 && chosen.size === shown.length;
    for (const b of bulk.querySelectorAll("button")) b.disabled = chosen.size === 0;
  };
  all.addEventListener("change", () => {
    chosen.clear();
    if (all.checked) for (const g of shown) chosen.add(g.id);
    replace(body, shown.map((g) => row(g, chosen, showSelection)));
    showSelection();
  });
  order.addEventListener("change", () => load());
  for (const control of Object.values(filters)) {
    control.addEventListener("input", show);
    control.addEventListener("change", show);
  }

  async function load() {
    try {
      const { body: page } = await api.get("/api/v1/groups?pageSize=500&sort=" + encodeURIComponent(ORDERS[order.value]));
      groups = page.items ?? [];
      show();
      announce(t("groups.loaded", { count: groups.length }));
    } catch (e) {
      replace(holder, notice("error", t("groups.loadFailed"), " ", failure(e)));
    }
  }

  function openEditor() {
    editorHost.hidden = false;
    replace(editorHost, h("h2", { id: "group-editor-title" }, t("groups.new")),
      portraitForm(api, null, {
        onSaved: (id) => {
          editorHost.hidden = true;
          location.hash = "#/groups/" + encodeURIComponent(id);
        },
        onCancel: () => {
          editorHost.hidden = true;
          document.getElementById("new-group").focus();
        },
      }));
    editorHost.querySelector("input")?.focus();
  }

  // One request changes every chosen group; the server answers each group's result.
  bulk.addEventListener("submit", (event) => {
    event.preventDefault();
    labelChange("addLabel");
  });

  async function labelChange(action) {
    const name = bulkLabel.value.trim();
    if (!name) {
      replace(bulkOutcome, notice("error", t("groups.bulk.labelMissing")));
      bulkLabel.setAttribute("aria-invalid", "true");
      bulkLabel.focus();
      return;
    }
    bulkLabel.removeAttribute("aria-invalid");
    await bulkChange({ action, label: name });
  }

  async function bulkArchive() {
    if (!await confirmDialog(t("groups.bulk.archiveConfirm", { count: chosen.size }))) return;
    await bulkChange({ action: "archive" });
  }

  async function bulkChange(change) {
    const ids = [...chosen];
    try {
      const { body: report } = await api.post("/api/v1/groups/bulk", { json: { ids, ...change } });
      const problems = report.results.filter((r) => ["notFound", "refused", "failed"].includes(r.result));
      chosen.clear();
      replace(bulkOutcome, notice(problems.length ? "error" : "ok",
        t("groups.bulk.done." + change.action, { count: report.changed, matched: report.matched }),
        h("ul", { class: "bulk-results" }, report.results.map((r) => h("li", { "data-group": r.id, "data-result": r.result },
          h("strong", {}, r.id), " ", label("bulkResult", r.result), r.message ? ` — ${r.message}` : null)))));
      await load();
    } catch (e) {
      replace(bulkOutcome, notice("error", t("groups.bulk.failed"), " ", failure(e)));
    }
    announce(bulkOutcome.textContent);
  }

  importInput.addEventListener("change", async () => {
    const file = importInput.files[0];
    importInput.value = "";
    if (!file) return;
    const type = /\.json$/i.test(file.name) ? "application/json" : "text/csv";
    replace(importResult, notice("info", t("groups.importing", { file: file.name })));
    try {
      const { body: receipt } = await api.post("/api/v1/groups/import", { raw: { type, body: await file.text() } });
      replace(importResult, notice("ok", t("groups.imported", { file: file.name, count: receipt.imported,
        created: receipt.created, replaced: receipt.replaced })));
      await load();
    } catch (e) {
      const problems = e.body?.error?.problems ?? [];
      replace(importResult, notice("error", t("groups.importFailed", { file: file.name }), " ", failure(e),
        problems.length ? h("ul", { class: "import-problems" }, problems.map((p) => h("li", {},
          h("strong", {}, p.line !== undefined ? t("groups.importLine", { line: p.line }) : t("groups.importRow", { row: p.row })),
          p.id ? ` ${p.id}` : "", p.field ? ` · ${p.field}` : "", ": ", p.message))) : null));
    }
    announce(importResult.textContent);
  });

  load();
  return { element, title: t("groups.title") };
}

/** The public portrait keys of a group as the API answered it, ready to be written back. */
export function portraitOf(group) {
  const source = group.portrait ?? group;
  return Object.fromEntries(PORTRAIT_KEYS.filter((k) => source[k] !== undefined && source[k] !== null)
    .map((k) => [k, source[k]]));
}

function row(group, chosen, changed) {
  const pending = group.pendingSuggestion;
  const box = h("input", { type: "checkbox", name: "chosen", value: group.id, checked: chosen.has(group.id),
    "aria-label": t("groups.choose", { name: group.name || group.id }) });
  box.addEventListener("change", () => {
    if (box.checked) chosen.add(group.id);
    else chosen.delete(group.id);
    changed();
  });
  return h("tr", { "data-group": group.id },
    h("td", {}, box),
    h("th", { scope: "row" }, h("a", { href: "#/groups/" + encodeURIComponent(group.id) }, group.name || group.id)),
    h("td", {}, badge(group.band)),
    h("td", {}, label("stage", group.stage)),
    h("td", {}, trend(group.trend)),
    h("td", {}, group.region ?? "—"),
    h("td", { class: "labels" }, (group.labels ?? []).join(", ") || "—"),
    h("td", {}, pending ? (pending.content?.title ?? pending.title ?? label("kind", pending.kind)) : "—"),
    h("td", {}, lastPosted(group)));
}

export function badge(band) {
  return band ? h("span", { class: "badge band-" + band.toLowerCase(), "data-value": band }, label("band", band)) : "—";
}

export function trend(value) {
  const arrows = { RISING: "↑", FALLING: "↓", STEADY: "→" };
  return value ? h("span", { class: "trend trend-" + value.toLowerCase() },
    h("span", { "aria-hidden": "true" }, (arrows[value] ?? "") + " "), label("trend", value)) : "—";
}

function lastPosted(group) {
  if (group.lastPostedAt) return dateOnly(group.lastPostedAt);
  const days = group.daysSinceLastPost;
  if (days === undefined || days === null) return "—";
  if (days >= 9999) return t("groups.never");
  return days === 0 ? t("groups.today") : t("groups.daysAgo", { count: days });
}
