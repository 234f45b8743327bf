// The groups at a glance: a filterable table of every group the token may see.
import { h, replace, field, select, notice } from "../parts/dom.js";

const BANDS = ["DORMANT", "QUIET", "ACTIVE", "HOT"];
const STAGES = ["NEW", "GROWING", "MATURE", "DECLINING", "DORMANT"];
const TRENDS = ["RISING", "STEADY", "FALLING"];

export function groupsView({ api, announce }) {
  const filters = {
    text: h("input", { type: "search", name: "q", placeholder: "Name or id" }),
    band: select([{ value: "", label: "Any band" }, ...BANDS], "", { name: "band" }),
    stage: select([{ value: "", label: "Any stage" }, ...STAGES], "", { name: "stage" }),
    trend: select([{ value: "", label: "Any trend" }, ...TRENDS], "", { name: "trend" }),
    region: h("input", { type: "text", name: "region", placeholder: "e.g. CN-SH" }),
  };
  const count = h("p", { class: "count", "aria-live": "polite" });
  const body = h("tbody");
  const table = h("table", { class: "data groups-table" },
    h("caption", { class: "visually-hidden" }, "Groups"),
    h("thead", {}, h("tr", {},
      ["Name", "Band", "Stage", "Trend", "Region", "Pending suggestion", "Last posted"]
        .map((c) => h("th", { scope: "col" }, c)))),
    body);
  const holder = h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Groups table" }, table);
  const element = h("section", { "aria-labelledby": "groups-title" },
    h("h1", { id: "groups-title" }, "Groups"),
    h("form", { class: "filters", role: "search", "aria-label": "Filter groups", onsubmit: (e) => e.preventDefault() },
      field("Search", filters.text), field("Band", filters.band), field("Stage", filters.stage),
      field("Trend", filters.trend), field("Region", filters.region)),
    count, holder);

  let groups = [];
  const show = () => {
    const text = filters.text.value.trim().toLowerCase();
    const region = filters.region.value.trim().toLowerCase();
    const shown = groups.filter((g) =>
      (!text || (g.name ?? "").toLowerCase().includes(text) || g.id.toLowerCase().includes(text))
      && (!filters.band.value || g.band === filters.band.value)
      && (!filters.stage.value || g.stage === filters.stage.value)
      && (!filters.trend.value || g.trend === filters.trend.value)
      && (!region || (g.region ?? "").toLowerCase().startsWith(region)));
    count.textContent = `${shown.length} of ${groups.length} groups`;
    replace(body, shown.map(row));
  };
  for (const control of Object.values(filters)) {
    control.addEventListener("input", show);
    control.addEventListener("change", show);
  }

  api.get("/api/v1/groups?pageSize=500").then(({ body: page }) => {
    groups = page.items ?? [];
    show();
    announce(`${groups.length} groups loaded`);
  }).catch((e) => replace(holder, notice("error", "The groups could not be loaded: " + e.message)));

  return { element, title: "Groups" };
}

function row(group) {
  const pending = group.pendingSuggestion;
  return h("tr", { "data-group": group.id },
    h("th", { scope: "row" }, h("a", { href: "#/groups/" + encodeURIComponent(group.id) }, group.name || group.id)),
    h("td", {}, badge(group.band)),
    h("td", {}, group.stage ?? "—"),
    h("td", {}, trend(group.trend)),
    h("td", {}, group.region ?? "—"),
    h("td", {}, pending ? (pending.content?.title ?? pending.title ?? pending.kind) : "—"),
    h("td", {}, lastPosted(group)));
}

export function badge(band) {
  return band ? h("span", { class: "badge band-" + band.toLowerCase() }, band) : "—";
}

export function trend(value) {
  const arrows = { RISING: "↑", FALLING: "↓", STEADY: "→" };
  return value ? h("span", { class: "trend trend-" + value.toLowerCase() },
    h("span", { "aria-hidden": "true" }, (arrows[value] ?? "") + " "), value) : "—";
}

function lastPosted(group) {
  if (group.lastPostedAt) return new Date(group.lastPostedAt).toLocaleDateString();
  const days = group.daysSinceLastPost;
  if (days === undefined || days === null) return "—";
  if (days >= 9999) return "never";
  return days === 0 ? "today" : `${days} d ago`;
}
