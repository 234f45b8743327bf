// How a content item did in each segment it was posted in (GET /api/v1/content/{id}/performance):
// its posts, their reward, and the engagement posterior that decisions draw from.
import { h, replace, notice } from "../parts/dom.js";
import { t, label, number, failure } from "../parts/i18n.js";

/** Loads the item's performance at path + "/performance" into target, a section with an h3. */
export async function loadPerformance(api, path, target) {
  const heading = () => h("h3", { id: "item-performance-title" }, t("performance.title"));
  try {
    const { body } = await api.get(path + "/performance");
    replace(target, heading(), body.segments.length === 0 ? h("p", { id: "performance-none" }, t("performance.none"))
      : h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("performance.title") },
        h("table", { class: "data", id: "performance-table" },
          h("thead", {}, h("tr", {}, ["performance.stage", "performance.interest", "performance.posts", "performance.reward",
            "performance.meanReward", "performance.posterior", "performance.basis"]
            .map((key) => h("th", { scope: "col" }, t(key))))),
          h("tbody", {}, body.segments.map((s) => h("tr", { "data-stage": s.stage, "data-interest": s.interest },
            h("th", { scope: "row" }, label("stage", s.stage)),
            h("td", {}, s.interest === "-" ? t("performance.noInterest") : s.interest),
            h("td", { class: "num" }, number(s.posts)),
            h("td", { class: "num" }, fraction(s.reward)),
            h("td", { class: "num" }, s.meanReward === null ? "—" : fraction(s.meanReward)),
            h("td", { class: "num posterior", title: `Beta(${fraction(s.posterior.alpha)}, ${fraction(s.posterior.beta)})` },
              t("performance.posteriorValue", { mean: fraction(s.posterior.mean), alpha: fraction(s.posterior.alpha),
                beta: fraction(s.posterior.beta) })),
            h("td", {}, label("basis", s.posterior.basis))))))),
      h("p", { class: "hint" }, t("performance.hint")));
  } catch (e) {
    replace(target, heading(), notice("error", t("performance.loadFailed"), " ", failure(e)));
  }
}

function fraction(value) {
  return number(value, { maximumFractionDigits: 3 });
}
