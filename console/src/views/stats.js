// Outcomes per rule and per content item: how often each was suggested, posted and skipped,
// and the engagement that followed.
import { h, replace, notice } from "../parts/dom.js";
import { t, number, dateOnly, failure } from "../parts/i18n.js";
import { rankChart } from "../parts/chart.js";

const COLUMNS = ["fired", "suggested", "delivered", "posted", "skipped", "failed", "engagement"];

export function statsView({ api }) {
  const body = h("div", { id: "stats-body" }, h("p", {}, t("common.loading")));
  const element = h("section", { "aria-labelledby": "stats-title" }, h("h1", { id: "stats-title" }, t("stats.title")), body);

  api.get("/api/v1/stats").then(({ body: stats }) => {
    const rules = stats.rules ?? [];
    const content = stats.content ?? [];
    replace(body,
      section("stats.perRule", "stats.rule", rules.map((r) => ({ label: r.rule, ...r }))),
      section("stats.perContent", "stats.content", content.map((c) => ({ label: c.title ?? c.contentId, ...c }))));
  }).catch((e) => replace(body, notice("error", t("stats.loadFailed"), " ", failure(e))));

  // Decisions made in shadow record what learning would have chosen; decisions made with learning on, what it chose.
  const report = h("div", { id: "shadow-report" }, h("p", {}, t("common.loading")));
  const mode = h("select", { id: "shadow-mode" },
    h("option", { value: "shadow" }, t("shadow.modeShadow")), h("option", { value: "on" }, t("shadow.modeOn")));
  const load = () => api.get("/api/v1/learning/shadow?mode=" + mode.value).then(({ body }) => showShadow(report, body))
    .catch((e) => replace(report, notice("error", t("shadow.loadFailed"), " ", failure(e))));
  mode.addEventListener("change", load);
  element.append(h("section", { class: "card", id: "learning-shadow", "aria-labelledby": "shadow-title" },
    h("h2", { id: "shadow-title" }, t("shadow.title")),
    h("label", { for: "shadow-mode" }, t("shadow.mode")), mode, report));
  load();

  return { element, title: t("stats.title") };
}

/** How often learning, in shadow, agreed with the rules' choice, and the engagement of each. */
function showShadow(target, report) {
  const share = (v) => (v === null ? "—" : number(v, { style: "percent", maximumFractionDigits: 1 }));
  const reward = (v) => (v === null ? "—" : number(v, { maximumFractionDigits: 3 }));
  const rows = [
    ["shadow.rulesChoice", reward(report.rules.expectedReward), number(report.rules.posts), reward(report.rules.observedReward)],
    ["shadow.learningChoice", reward(report.learning.expectedReward), "—", "—"],
    ["shadow.agreedPosts", "—", number(report.agreedPosts.posts), reward(report.agreedPosts.observedReward)],
    ["shadow.disagreedPosts", "—", number(report.disagreedPosts.posts), reward(report.disagreedPosts.observedReward)],
  ];
  replace(target,
    h("p", { id: "shadow-agreement" }, report.decisions === 0
      ? t("shadow.noDecisions", { since: dateOnly(report.since), until: dateOnly(report.until) })
      : t("shadow.agreement", { agreed: report.agreed, decisions: report.decisions, share: share(report.agreement),
        since: dateOnly(report.since), until: dateOnly(report.until) })),
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("shadow.title") },
      h("table", { class: "data", id: "shadow-table" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("shadow.choice")),
          ["shadow.expected", "shadow.posts", "shadow.observed"].map((key) => h("th", { scope: "col", class: "num" }, t(key))))),
        h("tbody", {}, rows.map(([key, ...values]) => h("tr", {}, h("th", { scope: "row" }, t(key)),
          values.map((v) => h("td", { class: "num" }, v))))))),
    h("p", { class: "hint" }, t("shadow.hint")));
}

function section(titleKey, headKey, rows) {
  const title = t(titleKey);
  if (rows.length === 0) return h("section", { class: "card" }, h("h2", {}, title), h("p", {}, t("stats.none")));
  const present = COLUMNS.filter((key) => rows.some((r) => r[key] !== undefined));
  const top = [...rows].sort((a, b) => (b.posted ?? 0) - (a.posted ?? 0)).slice(0, 10);
  return h("section", { class: "card" }, h("h2", {}, title),
    rankChart({ title: t("stats.chart", { title }),
      series: [{ name: t("stats.suggested") }, { name: t("stats.posted") }, { name: t("stats.skipped") }],
      rows: top.map((r) => ({ label: String(r.label), values: [r.suggested ?? 0, r.posted ?? 0, r.skipped ?? 0] })) }),
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("stats.table", { title }) },
      h("table", { class: "data" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t(headKey)),
          present.map((key) => h("th", { scope: "col", class: "num" }, t("stats." + key))))),
        h("tbody", {}, rows.map((r) => h("tr", {}, h("th", { scope: "row" }, String(r.label)),
          present.map((key) => h("td", { class: "num" }, format(r[key])))))))));
}

function format(value) {
  if (value === undefined || value === null) return "—";
  if (typeof value === "object") {
    // Engagement comes as counts by kind; show the ones that happened, as "3 reactions · 1 click".
    const parts = Object.entries(value).filter(([, n]) => n > 0).map(([kind, n]) => `${number(n)} ${t("engagement." + kind)}`);
    return parts.length ? parts.join(" · ") : t("stats.noEngagement");
  }
  return typeof value === "number" ? number(value, { maximumFractionDigits: 2 }) : String(value);
}
