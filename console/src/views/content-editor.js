// One content item: every field with a live preview, save, archive, and its versions with a diff
// against the current one and restore.
import { h, replace, field, select, notice, when } from "../parts/dom.js";
import { t, label, failure } from "../parts/i18n.js";
import { renderMarkdown } from "../parts/markdown.js";
import { mediaResolver } from "../parts/media.js";
import { diffView } from "../parts/diff.js";
import { loadPerformance } from "./content-performance.js";
import { confirmDialog } from "../parts/confirm.js";

const KINDS = ["POST", "ACTIVITY", "OFFER"];
const STATUSES = ["draft", "published", "archived"];
const TEXTS = ["title", "language", "author"];
const LISTS = ["tags", "interests", "stages", "regions"];
const INSTANTS = ["validFrom", "validUntil"];
const KIND_FIELDS = {
  ACTIVITY: [["format", "text"], ["startsAt", "instant"], ["endsAt", "instant"], ["capacity", "number"]],
  OFFER: [["price", "number"], ["discount", "number"], ["currency", "text"], ["stock", "number"],
    ["perGroupLimit", "number"], ["groupBuyDeadline", "instant"]],
};
const SERVER_KEYS = ["version", "createdAt", "updatedAt", "result", "score"];

/** The editor of item; onChanged runs after a save, an archive or a restore. */
export function itemEditor(api, item, { announce, onChanged }) {
  const root = h("div", { class: "item-editor" });
  const path = "/api/v1/content/" + encodeURIComponent(item.id);

  function show(current) {
    const controls = {
      kind: select(KINDS.map((k) => ({ value: k, label: label("kind", k) })), current.kind, { name: "item-kind" }),
      status: select(STATUSES.map((k) => ({ value: k, label: label("status", k) })), current.status, { name: "item-status" }),
    };
    for (const key of TEXTS) controls[key] = h("input", { type: "text", name: "item-" + key, value: current[key] ?? "" });
    for (const key of LISTS) controls[key] = h("input", { type: "text", name: "item-" + key, value: (current[key] ?? []).join(", ") });
    for (const key of INSTANTS) controls[key] = h("input", { type: "datetime-local", name: "item-" + key, value: localInput(current[key]) });
    const kindHost = h("div", { class: "form-grid kind-fields" });
    const kindControls = {};
    const showKindFields = () => {
      for (const key of Object.keys(kindControls)) delete kindControls[key];
      replace(kindHost, (KIND_FIELDS[controls.kind.value] ?? []).map(([key, type]) => {
        kindControls[key] = type === "instant"
          ? h("input", { type: "datetime-local", name: "item-" + key, value: localInput(current[key]) })
          : h("input", { type: "text", inputmode: type === "number" ? "decimal" : null,
            name: "item-" + key, value: current[key] ?? "" });
        return field(t("item." + key), kindControls[key]);
      }));
    };
    controls.kind.addEventListener("change", showKindFields);
    showKindFields();
    const body = h("textarea", { name: "item-body", rows: "12", class: "body-editor" }, current.body ?? "");
    const preview = h("div", { class: "preview", id: "content-preview", "aria-live": "off" });
    const resolver = mediaResolver(api, current);
    const refresh = () => renderMarkdown(preview, body.value, resolver);
    body.addEventListener("input", refresh);
    refresh();
    const outcome = h("div", { id: "item-result", "aria-live": "polite" });
    const form = h("form", { class: "item-form", id: "item-form", "aria-labelledby": "detail-title" },
      h("div", { class: "form-grid" },
        field(t("item.kind"), controls.kind), field(t("item.status"), controls.status),
        TEXTS.map((k) => field(t("item." + k), controls[k])),
        LISTS.map((k) => field(t("item." + k), controls[k], t("portrait.hint.list"))),
        INSTANTS.map((k) => field(t("item." + k), controls[k]))),
      kindHost,
      h("div", { class: "editor-preview" },
        field(t("item.body"), body), h("div", {}, h("h3", {}, t("item.preview")), preview)),
      h("div", { class: "toolbar" },
        h("button", { type: "submit", class: "primary", id: "save-item" }, t("item.save")),
        h("button", { type: "button", class: "danger", id: "archive-item", disabled: current.status === "archived",
          onclick: () => archive() }, t("item.archive"))),
      outcome);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const edited = { ...strip(current), kind: controls.kind.value, status: controls.status.value, body: body.value };
      for (const key of TEXTS) edited[key] = controls[key].value.trim() || undefined;
      for (const key of LISTS) edited[key] = controls[key].value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
      for (const key of INSTANTS) edited[key] = controls[key].value ? new Date(controls[key].value).toISOString() : undefined;
      for (const kinds of Object.values(KIND_FIELDS)) for (const [key] of kinds) delete edited[key];
      for (const [key, type] of KIND_FIELDS[edited.kind] ?? []) {
        const value = kindControls[key].value.trim();
        if (!value) continue;
        edited[key] = type === "instant" ? new Date(value).toISOString() : type === "number" ? Number(value) : value;
      }
      try {
        const { body: saved } = await api.put(path, { json: edited });
        replace(outcome, notice("ok", t("item.saved", { version: saved.version, result: label("uploadResult", saved.result) })));
        announce(outcome.textContent);
        await reload(outcome.firstChild);
        onChanged?.();
      } catch (e) {
        replace(outcome, notice("error", t("item.notSaved"), " ", failure(e)));
      }
    });

    async function archive() {
      if (!await confirmDialog(t("item.archiveConfirm", { title: current.title ?? current.id }))) return;
      try {
        await api.delete(path);
        await reload(notice("ok", t("item.archived")));
        onChanged?.();
      } catch (e) {
        replace(outcome, notice("error", failure(e)));
      }
    }

    const versions = h("section", { class: "versions", id: "item-versions", "aria-labelledby": "item-versions-title" },
      h("h3", { id: "item-versions-title" }, t("item.versions")), h("p", {}, t("common.loading")));
    const diffHost = h("div", { id: "item-diff" });
    const performance = h("section", { class: "performance", id: "item-performance", "aria-labelledby": "item-performance-title" },
      h("h3", { id: "item-performance-title" }, t("performance.title")), h("p", {}, t("common.loading")));
    replace(root,
      h("h2", { id: "detail-title" }, current.title ?? current.id),
      h("p", { class: "muted", id: "item-meta", "data-version": current.version },
        [current.id, t("content.version", { version: current.version ?? "?" }), when(current.updatedAt)].join(" · ")),
      form, performance, versions, diffHost);
    loadVersions(current, versions, diffHost);
    loadPerformance(api, path, performance);
  }

  async function reload(message) {
    const { body: fresh } = await api.get(path);
    show(fresh);
    if (message) root.querySelector("#item-result").append(message);
  }

  async function loadVersions(current, target, diffHost) {
    try {
      const { body } = await api.get(path + "/versions");
      replace(target, h("h3", { id: "item-versions-title" }, t("item.versions")),
        h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("item.versions") },
          h("table", { class: "data item-versions-table" },
            h("thead", {}, h("tr", {}, ["item.version", "item.when", "item.who", "item.status", ""].map((c) => h("th", { scope: "col" }, c ? t(c) : "")))),
            h("tbody", {}, body.versions.map((v) => h("tr", { "data-version": v.version, class: v.version === current.version ? "active" : "" },
              h("td", {}, "v" + v.version), h("td", {}, when(v.storedAt)), h("td", {}, v.changedBy ?? "—"),
              h("td", {}, label("status", v.item?.status)),
              h("td", {}, v.version === current.version ? t("item.current") : [
                h("button", { type: "button", class: "link diff-version", onclick: () => {
                  replace(diffHost, h("h3", {}, t("item.diffTitle", { version: v.version, current: current.version })),
                    diffView(asText(v.item), asText(current), { id: "item-diff-view" }));
                } }, t("item.diff")),
                " ",
                h("button", { type: "button", class: "restore-version", onclick: () => restore(v) }, t("item.restore"))])))))));
    } catch (e) {
      replace(target, h("h3", { id: "item-versions-title" }, t("item.versions")), notice("error", failure(e)));
    }
  }

  async function restore(version) {
    if (!await confirmDialog(t("item.restoreConfirm", { version: version.version }))) return;
    try {
      const { body: saved } = await api.put(path, { json: strip(version.item) });
      await reload(notice("ok", t("item.restored", { version: version.version, now: saved.version })));
      announce(t("item.restored", { version: version.version, now: saved.version }));
      onChanged?.();
    } catch (e) {
      root.querySelector("#item-result")?.append(notice("error", failure(e)));
    }
  }

  show(item);
  return root;
}

/** The item without what the server keeps for itself, ready to be written back. */
function strip(item) {
  const copy = { ...item };
  for (const key of SERVER_KEYS) delete copy[key];
  for (const [key, value] of Object.entries(copy)) if (value === null) delete copy[key];
  // The item keeps its images: the API names them, and serves each at its own URL.
  if (Array.isArray(copy.media)) copy.media = copy.media.map((m) => (typeof m === "string" ? m : m.name));
  return copy;
}

/** An item as lines to compare: its fields one a line, then its body. */
function asText(item) {
  const fields = Object.entries(strip(item ?? {})).filter(([k]) => k !== "body" && k !== "id")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`);
  return [...fields, "", ...(String(item?.body ?? "").split("\n"))].join("\n");
}

function localInput(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const offset = date.getTimezoneOffset() * 60000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}
