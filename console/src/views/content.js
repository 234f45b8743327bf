// The content library: search with facets, a safe preview, drag-and-drop upload with
// per-file progress and results, editing of an item's status and validity, and the gaps: what
// groups wait for that the library lacks.
import { h, replace, field, select, notice } from "../parts/dom.js";
import { renderMarkdown } from "../parts/markdown.js";

const KINDS = ["POST", "ACTIVITY", "OFFER"];
const STATUSES = ["draft", "published", "archived"];
// GET /api/v1/content/gaps is for editors (and admins); an operator gets a note instead of an error.
const GAP_READERS = ["admin", "editor"];
const FACETS = [["kind", "Kind"], ["tag", "Tag"], ["region", "Region"], ["status", "Status"]];

export function contentView({ api, role, announce }) {
  const q = h("input", { type: "search", name: "q", placeholder: "Words in title or body" });
  const kind = select([{ value: "", label: "Any kind" }, ...KINDS], "", { name: "kind" });
  const status = select([{ value: "", label: "Any status" }, ...STATUSES], "", { name: "status" });
  const tag = h("input", { type: "text", name: "tag" });
  const region = h("input", { type: "text", name: "region" });
  const searchForm = h("form", { class: "filters", role: "search", "aria-label": "Search content" },
    field("Search", q), field("Kind", kind), field("Status", status), field("Tag", tag), field("Region", region),
    h("button", { type: "submit", class: "primary" }, "Search"));
  const facets = h("div", { class: "facets", "aria-label": "Facets" });
  const results = h("div", { id: "content-results", "aria-live": "polite" });
  const detail = h("section", { class: "card", id: "content-detail", "aria-labelledby": "detail-title", hidden: true });

  const fileInput = h("input", { type: "file", id: "upload-files", multiple: true,
    accept: ".md,.markdown,.json,.csv,.zip,text/markdown,application/json,text/csv,application/zip" });
  const uploads = h("ul", { class: "uploads", id: "upload-results", "aria-label": "Uploads" });
  const dropZone = h("div", { class: "drop-zone", id: "drop-zone" },
    h("p", {}, "Drop Markdown, JSON, CSV or zip files here, or "),
    h("label", { for: "upload-files", class: "button" }, "choose files"), fileInput);

  const gaps = h("section", { class: "card", id: "content-gaps", "aria-labelledby": "gaps-title" },
    h("h2", { id: "gaps-title" }, "What groups are waiting for"), h("p", {}, "Loading…"));
  if (GAP_READERS.includes(role)) {
    api.get("/api/v1/content/gaps").then(({ body }) => showGaps(gaps, body.gaps))
      .catch((e) => replace(gaps, h("h2", { id: "gaps-title" }, "What groups are waiting for"),
        notice("error", "Gaps could not be loaded: " + e.message)));
  } else {
    replace(gaps, h("h2", { id: "gaps-title" }, "What groups are waiting for"),
      h("p", { id: "gaps-for-editors" }, "Editors see here what the library lacks for the groups that wait on it."
        + " A group's own gaps show on its page when it gets nothing."));
  }

  const element = h("section", { class: "content", "aria-labelledby": "content-title" },
    h("h1", { id: "content-title" }, "Content"),
    h("div", { class: "columns" },
      h("section", { class: "card", "aria-labelledby": "search-title" },
        h("h2", { id: "search-title" }, "Find material"), searchForm, facets, results),
      h("section", { class: "card", "aria-labelledby": "upload-title" },
        h("h2", { id: "upload-title" }, "Upload"), dropZone, uploads)),
    detail, gaps);

  async function search(page = 1) {
    const params = new URLSearchParams();
    for (const [name, control] of [["q", q], ["kind", kind], ["status", status], ["tag", tag], ["region", region]]) {
      if (control.value.trim()) params.set(name, control.value.trim());
    }
    params.set("page", page);
    try {
      const { body } = await api.get("/api/v1/content?" + params);
      showResults(body);
      announce(`${body.total ?? body.items.length} items found`);
    } catch (e) {
      replace(facets);
      replace(results, notice("error", "Search failed: " + e.message));
    }
  }

  function showResults(body) {
    const items = body.items ?? [];
    replace(results,
      h("p", { class: "count" }, `${body.total ?? items.length} items`),
      h("ul", { class: "results" }, items.map((item) => h("li", { "data-content": item.id },
        h("button", { type: "button", class: "link", onclick: () => openItem(item.id) }, item.title ?? item.id),
        " ", h("span", { class: "badge kind" }, item.kind ?? ""),
        " ", h("span", { class: "muted" }, item.status ?? "")))));
    replace(facets, FACETS.map(([name, label]) => facetList(name, label, body.facets?.[name])));
  }

  function facetList(name, label, counts) {
    const entries = Array.isArray(counts)
      ? counts.map((c) => [c.value ?? c.label, c.count])
      : Object.entries(counts ?? {});
    if (entries.length === 0) return null;
    const control = { kind, status, tag, region }[name];
    return h("div", { class: "facet" }, h("h3", {}, label),
      h("ul", {}, entries.map(([value, count]) => h("li", {},
        h("button", { type: "button", class: "link", "aria-pressed": String(control.value === value),
          onclick: () => {
            control.value = control.value === value ? "" : value;
            search();
          } }, `${value} (${count})`)))));
  }

  async function openItem(id) {
    detail.hidden = false;
    replace(detail, h("h2", { id: "detail-title" }, id), h("p", {}, "Loading…"));
    try {
      const { body: item } = await api.get("/api/v1/content/" + encodeURIComponent(id));
      showItem(item);
    } catch (e) {
      replace(detail, h("h2", { id: "detail-title" }, id), notice("error", e.message));
    }
  }

  function showItem(item) {
    const statusControl = select(STATUSES, item.status, { name: "item-status" });
    const from = h("input", { type: "datetime-local", name: "valid-from", value: localInput(item.validFrom) });
    const until = h("input", { type: "datetime-local", name: "valid-until", value: localInput(item.validUntil) });
    const outcome = h("div", { "aria-live": "polite" });
    const form = h("form", { class: "filters", "aria-label": "Status and validity" },
      field("Status", statusControl), field("Valid from", from), field("Valid until", until),
      h("button", { type: "submit", class: "primary" }, "Save"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const changed = { ...item, status: statusControl.value,
        validFrom: from.value ? new Date(from.value).toISOString() : null,
        validUntil: until.value ? new Date(until.value).toISOString() : null };
      try {
        const { body } = await api.put("/api/v1/content/" + encodeURIComponent(item.id), { json: changed });
        replace(outcome, notice("ok", "Saved."));
        Object.assign(item, body ?? changed);
      } catch (e) {
        replace(outcome, notice("error", "Not saved: " + e.message));
      }
    });
    replace(detail,
      h("h2", { id: "detail-title" }, item.title ?? item.id),
      h("p", { class: "muted" }, [item.kind, item.language, (item.tags ?? []).join(", "), "version " + (item.version ?? "?")]
        .filter(Boolean).join(" · ")),
      form, outcome,
      h("h3", {}, "Preview"),
      renderMarkdown(h("div", { class: "preview", id: "content-preview" }), item.body));
  }

  async function upload(files) {
    for (const file of files) {
      const bar = h("progress", { max: "1", value: "0", "aria-label": "Upload of " + file.name });
      const message = h("span", { class: "upload-message" }, "uploading…");
      const preview = h("div", { class: "preview" });
      const row = h("li", { "data-file": file.name }, h("strong", {}, file.name), " ", bar, " ", message, preview);
      uploads.prepend(row);
      if (/\.(md|markdown)$/i.test(file.name)) {
        const text = await file.text();
        renderMarkdown(preview, text.replace(/^---\n[\s\S]*?\n---\n/, ""));
        preview.prepend(h("p", { class: "muted" }, "Local preview"));
      }
      try {
        const { body } = await api.upload("/api/v1/content/uploads", "files", file, (p) => { bar.value = p; });
        const results = body.results ?? body.files ?? body.items ?? [];
        const mine = results.find((r) => r.file === file.name || r.name === file.name) ?? results[0];
        if (mine && (mine.errors?.length || mine.error)) {
          row.classList.add("failed");
          replace(message, "refused: " + (mine.errors ?? [mine.error]).map((e) => e.message ?? e).join("; "));
        } else {
          row.classList.add("done");
          replace(message, "added " + (mine?.ids ?? [mine?.id]).filter(Boolean).join(", "));
          const warnings = (mine?.items ?? []).flatMap((item) => (item.warnings ?? [])
            .map((w) => `${item.id}: ${w.message}; it is never chosen for ${w.platform} groups`));
          if (warnings.length) {
            row.classList.add("warned");
            row.append(h("ul", { class: "upload-warnings", role: "status" }, warnings.map((w) => h("li", {}, w))));
          }
        }
      } catch (e) {
        row.classList.add("failed");
        replace(message, "failed: " + e.message
          + (e.body?.errors ? " " + e.body.errors.map((x) => `${x.file ?? ""}:${x.line ?? ""} ${x.message}`).join("; ") : ""));
      }
      announce(`${file.name}: ${message.textContent}`);
    }
  }

  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
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
  return { element, title: "Content" };
}

function localInput(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const offset = date.getTimezoneOffset() * 60000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}


function showGaps(target, gaps) {
  const title = h("h2", { id: "gaps-title" }, "What groups are waiting for");
  if (gaps.length === 0) {
    replace(target, title, h("p", {}, "No gaps: every need found content."));
    return;
  }
  replace(target, title,
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Content gaps table" },
      h("table", { class: "data", id: "gaps-table" },
        h("thead", {}, h("tr", {}, ["Kind", "Tags", "Interests", "Language", "Region", "Groups waiting", "Since"]
          .map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, gaps.map((g) => h("tr", {},
          h("td", {}, g.kind),
          h("td", {}, (g.tags ?? []).join(", ") || "any"),
          h("td", {}, (g.interests ?? []).join(", ")),
          h("td", {}, g.language),
          h("td", {}, g.region ?? "anywhere"),
          h("td", {}, String(g.groupsWaiting)),
          h("td", {}, new Date(g.since).toLocaleString())))))));
}
