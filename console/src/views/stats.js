// Outcomes per rule and per content item: how often each was suggested, posted and skipped,
// and the engagement that followed.
import { h, replace, notice } from "../parts/dom.js";
import { rankChart } from "../parts/chart.js";

const COLUMNS = [["fired", "Fired"], ["suggested", "Suggested"], ["posted", "Posted"], ["skipped", "Skipped"],
  ["engagement", "Engagement"]];

export function statsView({ api }) {
  const body = h("div", { id: "stats-body" }, h("p", {}, "Loading…"));
  const element = h("section", { "aria-labelledby": "stats-title" }, h("h1", { id: "stats-title" }, "Stats"), body);

  api.get("/api/v1/stats").then(({ body: stats }) => {
    const rules = stats.rules ?? stats.byRule ?? [];
    const content = stats.content ?? stats.byContent ?? [];
    replace(body,
      section("Per rule", rules.map((r) => ({ label: r.rule ?? r.name, ...r }))),
      section("Per content item", content.map((c) => ({ label: c.title ?? c.contentId ?? c.id, ...c }))));
  }).catch((e) => replace(body, notice("error", "The stats could not be loaded: " + e.message)));

  return { element, title: "Stats" };
}

function section(title, rows) {
  if (rows.length === 0) return h("section", { class: "card" }, h("h2", {}, title), h("p", {}, "No outcomes yet."));
  const present = COLUMNS.filter(([key]) => rows.some((r) => r[key] !== undefined));
  const top = [...rows].sort((a, b) => (b.posted ?? 0) - (a.posted ?? 0)).slice(0, 10);
  return h("section", { class: "card" }, h("h2", {}, title),
    rankChart({ title: title + ": suggested, posted and skipped (top 10 by posts)",
      series: [{ name: "Suggested" }, { name: "Posted" }, { name: "Skipped" }],
      rows: top.map((r) => ({ label: String(r.label), values: [r.suggested ?? 0, r.posted ?? 0, r.skipped ?? 0] })) }),
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": title + " table" },
      h("table", { class: "data" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, title.replace("Per ", "")),
          present.map(([, label]) => h("th", { scope: "col", class: "num" }, label)))),
        h("tbody", {}, rows.map((r) => h("tr", {}, h("th", { scope: "row" }, String(r.label)),
          present.map(([key]) => h("td", { class: "num" }, format(r[key])))))))));
}

function format(value) {
  if (value === undefined || value === null) return "—";
  if (typeof value === "object") {
    // Engagement comes as counts by kind; show the ones that happened, as "3 reactions · 1 click".
    const parts = Object.entries(value).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${n === 1 ? kind.replace(/s$/, "") : kind}`);
    return parts.length ? parts.join(" · ") : "none";
  }
  return typeof value === "number" && !Number.isInteger(value) ? value.toFixed(2) : String(value);
}
