// The content library: search with facets, paging and sorting; upload of a drop or a pick in one
// request, images included, with per-file results; an editor for every field with a live preview;
// version history with a diff and restore; archive; and the gaps: what groups wait for.
import { h, replace, field, select, notice, when } from "../parts/dom.js";
import { t, label, number, failure } from "../parts/i18n.js";
import { renderMarkdown } from "../parts/markdown.js";
import { mediaResolver, localResolver } from "../parts/media.js";
import { itemEditor } from "./content-editor.js";

const KINDS = ["POST", "ACTIVITY", "OFFER"];
const STATUSES = ["draft", "published", "archived"];
// GET /api/v1/content/gaps is for editors (and admins); an operator gets a note instead of an error.
const GAP_READERS = ["admin", "editor"];
const FACETS = ["kind", "tag", "region", "status"];
const PAGE_SIZE = 20;
// The orders the server lists the whole library in (its sort parameter), so paging keeps the order.
const SORTS = {
  server: "",
  newest: "-updatedAt",
  oldest: "updatedAt",
  title: "title",
  titleDesc: "-title",
  kind: "kind",
  status: "status",
  endingSoon: "validUntil",
  endingLast: "-validUntil",
};

export function contentView({ api, role, announce }) {
  const q = h("input", { type: "search", name: "q", placeholder: t("content.searchHint") });
  const kind = select([{ value: "", label: t("filter.any") }, ...KINDS.map((k) => ({ value: k, label: label("kind", k) }))], "", { name: "kind" });
  const status = select([{ value: "", label: t("filter.any") }, ...STATUSES.map((k) => ({ value: k, label: label("status", k) }))], "", { name: "status" });
  const tag = h("input", { type: "text", name: "tag" });
  const region = h("input", { type: "text", name: "region" });
  const sort = select(Object.keys(SORTS).map((k) => ({ value: k, label: t("content.sort." + k) })), "server", { name: "sort" });
  const searchForm = h("form", { class: "filters", role: "search", "aria-label": t("content.search") },
    field(t("filter.search"), q), field(t("content.kind"), kind), field(t("content.status"), status),
    field(t("content.tag"), tag), field(t("content.region"), region), field(t("content.sortBy"), sort),
    h("button", { type: "submit", class: "primary" }, t("content.searchButton")));
  const facets = h("div", { class: "facets", "aria-label": t("content.facets") });
  const results = h("div", { id: "content-results", "aria-live": "polite" });
  const pager = h("nav", { class: "pager", id: "content-pager", "aria-label": t("content.pages") });
  const detail = h("section", { class: "card", id: "content-detail", "aria-labelledby": "detail-title", hidden: true });

  const fileInput = h("input", { type: "file", id: "upload-files", multiple: true,
    accept: ".md,.markdown,.json,.csv,.zip,.png,.jpg,.jpeg,.gif,.webp,text/markdown,application/json,text/csv,application/zip,image/*" });
  const uploads = h("ul", { class: "uploads", id: "upload-results", "aria-label": t("content.uploads") });
  const dropZone = h("div", { class: "drop-zone", id: "drop-zone" },
    h("p", {}, t("content.drop")),
    h("label", { for: "upload-files", class: "button" }, t("content.choose")), fileInput);

  const gapsTitle = () => h("h2", { id: "gaps-title" }, t("gaps.title"));
  const gaps = h("section", { class: "card", id: "content-gaps", "aria-labelledby": "gaps-title" },
    gapsTitle(), h("p", {}, t("common.loading")));
  if (GAP_READERS.includes(role)) {
    api.get("/api/v1/content/gaps").then(({ body }) => showGaps(gaps, body.gaps, gapsTitle()))
      .catch((e) => replace(gaps, gapsTitle(), notice("error", t("gaps.loadFailed"), " ", failure(e))));
  } else {
    replace(gaps, gapsTitle(), h("p", { id: "gaps-for-editors" }, t("gaps.forEditors")));
  }

  const element = h("section", { class: "content", "aria-labelledby": "content-title" },
    h("h1", { id: "content-title" }, t("content.title")),
    h("div", { class: "columns" },
      h("section", { class: "card", "aria-labelledby": "search-title" },
        h("h2", { id: "search-title" }, t("content.find")), searchForm, facets, results, pager),
      h("section", { class: "card", "aria-labelledby": "upload-title" },
        h("h2", { id: "upload-title" }, t("content.upload")), dropZone, uploads)),
    detail, gaps);

  let page = 1;
  async function search(wanted = 1) {
    const params = new URLSearchParams();
    for (const [name, control] of [["q", q], ["kind", kind], ["status", status], ["tag", tag], ["region", region]]) {
      if (control.value.trim()) params.set(name, control.value.trim());
    }
    if (SORTS[sort.value]) params.set("sort", SORTS[sort.value]);
    params.set("page", wanted);
    params.set("size", PAGE_SIZE);
    try {
      const { body } = await api.get("/api/v1/content?" + params);
      page = wanted;
      showResults(body);
      announce(t("content.found", { count: body.total }));
    } catch (e) {
      replace(facets);
      replace(pager);
      replace(results, notice("error", t("content.searchFailed"), " ", failure(e)));
    }
  }

  function showResults(body) {
    const items = body.items ?? [];
    const pages = Math.max(1, Math.ceil(body.total / PAGE_SIZE));
    replace(results,
      h("p", { class: "count" }, t("content.count", { count: body.total })),
      h("ul", { class: "results" }, items.map((item) => h("li", { "data-content": item.id },
        h("button", { type: "button", class: "link", onclick: () => openItem(item.id) }, item.title ?? item.id),
        " ", h("span", { class: "badge kind" }, label("kind", item.kind)),
        " ", h("span", { class: "muted" }, label("status", item.status))))));
    replace(pager,
      h("button", { type: "button", id: "page-previous", disabled: page <= 1, onclick: () => search(page - 1) }, t("content.previous")),
      h("span", { id: "page-of", "data-page": page, "data-pages": pages }, t("content.pageOf", { page, pages })),
      h("button", { type: "button", id: "page-next", disabled: page >= pages, onclick: () => search(page + 1) }, t("content.next")));
    replace(facets, FACETS.map((name) => facetList(name, body.facets?.[name])));
  }

  function facetList(name, counts) {
    const entries = Object.entries(counts ?? {});
    if (entries.length === 0) return null;
    const control = { kind, status, tag, region }[name];
    const shown = (value) => (name === "kind" || name === "status" ? label(name, value) : value);
    return h("div", { class: "facet" }, h("h3", {}, t("content." + name)),
      h("ul", {}, entries.map(([value, count]) => h("li", {},
        h("button", { type: "button", class: "link", "aria-pressed": String(control.value === value),
          onclick: () => {
            control.value = control.value === value ? "" : value;
            search();
          } }, `${shown(value)} (${number(count)})`)))));
  }

  async function openItem(id) {
    detail.hidden = false;
    replace(detail, h("h2", { id: "detail-title" }, id), h("p", {}, t("common.loading")));
    try {
      const { body: item } = await api.get("/api/v1/content/" + encodeURIComponent(id));
      replace(detail, itemEditor(api, item, { announce, onChanged: () => search(page) }));
      detail.querySelector("input, select, textarea")?.focus();
    } catch (e) {
      replace(detail, h("h2", { id: "detail-title" }, id), notice("error", failure(e)));
    }
  }

  // One multipart request per drop or pick: Markdown with its images arrives together.
  async function upload(files) {
    if (files.length === 0) return;
    const names = files.map((f) => f.name);
    const bar = h("progress", { max: "1", value: "0", "aria-label": t("content.uploadOf", { files: names.join(", ") }) });
    const message = h("span", { class: "upload-message" }, t("content.uploading"));
    const rows = h("ul", { class: "upload-files" });
    const previews = h("div", { class: "upload-previews" });
    const row = h("li", { "data-files": names.join(" ") }, h("strong", {}, names.join(", ")), " ", bar, " ", message, rows, previews);
    uploads.prepend(row);
    for (const file of files.filter((f) => /\.(md|markdown)$/i.test(f.name))) {
      const preview = h("div", { class: "preview", "data-file": file.name });
      renderMarkdown(preview, (await file.text()).replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, ""), localResolver(files));
      previews.append(h("p", { class: "muted" }, t("content.localPreview", { file: file.name })), preview);
    }
    let body;
    try {
      body = (await api.upload("/api/v1/content/uploads", "files", files, (p) => { bar.value = p; })).body;
    } catch (e) {
      body = e.body?.files ? e.body : null;
      if (!body) {
        row.classList.add("failed");
        replace(message, failure(e));
        announce(message.textContent);
        return;
      }
    }
    const reports = body.files ?? [];
    const rejected = reports.some((f) => f.result === "rejected");
    row.classList.add(rejected ? "failed" : "done");
    replace(message, rejected ? t("content.uploadRejected", { count: body.rejected ?? 0 })
      : t("content.uploadDone", { created: body.created ?? 0, updated: body.updated ?? 0, unchanged: body.unchanged ?? 0 }));
    replace(rows, reports.map((f) => h("li", { "data-file": f.file, "data-result": f.result, class: "result-" + f.result },
      h("strong", {}, f.file), " ", label("uploadResult", f.result),
      (f.usedBy ?? []).length ? " " + t("content.usedBy", { items: f.usedBy.join(", ") }) : null,
      (f.items ?? []).length ? h("span", {}, ": ", (f.items ?? []).map((i, n) => [n ? ", " : "",
        h("button", { type: "button", class: "link", "data-item": i.id, onclick: () => openItem(i.id) }, i.id),
        ` (${t("content.version", { version: i.version })}, ${label("uploadResult", i.result)})`])) : null,
      (f.problems ?? []).length ? h("ul", { class: "problems" }, f.problems.map((p) =>
        h("li", {}, `${p.file ?? f.file}${p.line ? ":" + p.line : ""}${p.field ? " · " + p.field : ""} — ${p.message}`))) : null,
      platformWarnings(f.items ?? []))));
    announce(message.textContent);
    if (!rejected) search(page);
  }

  /** An item over a platform's limits is stored but never chosen there: say so under the upload. */
  function platformWarnings(items) {
    const warnings = items.flatMap((item) => (item.warnings ?? []).map((w) => ({ id: item.id, w })));
    if (warnings.length === 0) return null;
    return h("ul", { class: "upload-warnings", role: "status" }, warnings.map(({ id, w }) =>
      h("li", { "data-item": id, "data-platform": w.platform },
        `${id}: ${t("content.platformWarning", { platform: label("platform", w.platform) })} — ${w.message}`)));
  }

  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  sort.addEventListener("change", () => search());
  fileInput.addEventListener("change", () => {
    upload([...fileInput.files]);
    fileInput.value = "";
  });
  dropZone.addEventListener("dragover", (event) => {
    event.preventDefault();
    dropZone.classList.add("over");
  });
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("over"));
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("over");
    upload([...event.dataTransfer.files]);
  });

  search();
  return { element, title: t("content.title") };
}

function showGaps(target, gaps, title) {
  if (gaps.length === 0) {
    replace(target, title, h("p", {}, t("gaps.none")));
    return;
  }
  replace(target, title,
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("gaps.table") },
      h("table", { class: "data", id: "gaps-table" },
        h("thead", {}, h("tr", {}, ["gaps.kind", "gaps.tags", "gaps.interests", "gaps.language", "gaps.region",
          "gaps.waiting", "gaps.since"].map((c) => h("th", { scope: "col" }, t(c))))),
        h("tbody", {}, gaps.map((g) => h("tr", {},
          h("td", {}, label("kind", g.kind)),
          h("td", {}, (g.tags ?? []).join(", ") || t("gaps.anyTag")),
          h("td", {}, (g.interests ?? []).join(", ")),
          h("td", {}, g.language),
          h("td", {}, g.region ?? t("gaps.anywhere")),
          h("td", { class: "num" }, number(g.groupsWaiting)),
          h("td", {}, when(g.since))))))));
}
