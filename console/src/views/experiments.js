// Experiments: the list with status, a form to start one (the server's 422 shown at its field),
// one experiment's arms and groups with a confirmed stop, and its report with the interval chart.
import { h, replace, field, select, notice, when } from "../parts/dom.js";
import { t, label, number, failure } from "../parts/i18n.js";
import { intervalChart } from "../parts/interval-chart.js";

const PLATFORMS = ["WECOM", "WECHAT", "TELEGRAM", "DISCORD", "SLACK", "OTHER"];
const BANDS = ["DORMANT", "QUIET", "ACTIVE", "HOT"];
const STAGES = ["NEW", "GROWING", "MATURE", "DECLINING", "DORMANT"];
const TREATMENTS = ["active", "version", "holdout"];
const METRICS = ["interactions", "orders", "reward"];
const DEFAULT_ARMS = [
  { name: "playbook", weight: 45, treatment: "active" },
  { name: "challenger", weight: 45, treatment: "version" },
  { name: "holdout", weight: 10, treatment: "holdout" },
];
const DAY = 24 * 60 * 60 * 1000;
const platformName = (v) => label("platform", v.toLowerCase());

/** #/experiments, #/experiments/{id} and #/experiments/{id}/report. */
export function experimentsView(context, id, page) {
  if (id && page === "report") return reportView(context, id);
  if (id) return watchView(context, id);
  return listView(context);
}

function listView({ api, announce }) {
  const list = h("div", { id: "experiments-list", "aria-live": "polite" }, h("p", {}, t("common.loading")));
  const formHost = h("div", { id: "experiment-form-host" });
  const element = h("section", { "aria-labelledby": "experiments-title" },
    h("h1", { id: "experiments-title" }, t("experiments.title")),
    h("p", { class: "muted" }, t("experiments.intro")),
    h("section", { class: "card", "aria-labelledby": "experiments-list-title" },
      h("h2", { id: "experiments-list-title" }, t("experiments.list")), list),
    h("section", { class: "card", "aria-labelledby": "experiment-new-title" },
      h("h2", { id: "experiment-new-title" }, t("experiments.new")), formHost));

  api.get("/api/v1/experiments").then(({ body }) => showList(list, body.items))
    .catch((e) => replace(list, notice("error", failure(e))));
  api.get("/api/v1/rules/versions").then(({ body }) => replace(formHost, experimentForm(api, body, announce)))
    .catch((e) => replace(formHost, notice("error", failure(e))));
  return { element, title: t("experiments.title") };
}

function showList(target, items) {
  if (items.length === 0) {
    replace(target, h("p", { id: "experiments-none" }, t("experiments.none")));
    return;
  }
  replace(target, h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("experiments.list") },
    h("table", { class: "data" },
      h("thead", {}, h("tr", {}, ["experiments.name", "experiments.status", "experiments.arms", "experiments.metric",
        "experiments.startsAt", "experiments.endsAt"].map((key) => h("th", { scope: "col" }, t(key))))),
      h("tbody", {}, items.map((x) => h("tr", { "data-experiment": x.id },
        h("th", { scope: "row" }, h("a", { href: "#/experiments/" + encodeURIComponent(x.id) }, x.name)),
        h("td", { class: "experiment-status", "data-status": x.status }, label("experimentStatus", x.status)),
        h("td", {}, x.arms.map((a) => a.name).join(" · ")),
        h("td", {}, label("metric", x.metric)),
        h("td", {}, when(x.startsAt)),
        h("td", {}, when(x.stoppedAt ?? x.endsAt))))))));
}

/** The form that starts an experiment; each control is keyed by the request field it fills. */
function experimentForm(api, versions, announce) {
  const controls = {};
  const errors = {};
  const withError = (key, control, title, hint) => {
    controls[key] = control;
    const errorId = "error-" + key.replace(/[^\w-]/g, "-");
    errors[key] = h("small", { class: "field-error", id: errorId, "aria-live": "polite" });
    control.setAttribute("aria-describedby", errorId);
    const wrapper = field(title, control, hint);
    wrapper.dataset.field = key;
    wrapper.append(errors[key]);
    return wrapper;
  };

  const name = h("input", { type: "text", name: "experiment-name", required: true, maxlength: "200", autocomplete: "off" });
  const mode = select([{ value: "filters", label: t("experiments.byFilters") }, { value: "groups", label: t("experiments.byGroups") }],
    "filters", { name: "experiment-population" });
  const groupIds = h("textarea", { name: "experiment-groupIds", rows: "2" });
  const labels = h("input", { type: "text", name: "experiment-labels" });
  const region = h("input", { type: "text", name: "experiment-region", placeholder: "CN-SH" });
  const checks = (key, values, name) => h("div", { class: "checks", role: "group", "aria-label": t("experiments." + key) },
    values.map((v) => h("label", { class: "check" },
      h("input", { type: "checkbox", name: "experiment-" + key, value: v }), " ", name(v))));
  const platforms = checks("platforms", PLATFORMS, platformName);
  const bands = checks("bands", BANDS, (v) => label("band", v));
  const stages = checks("stages", STAGES, (v) => label("stage", v));
  const metric = select(METRICS.map((m) => ({ value: m, label: label("metric", m) })), "interactions", { name: "experiment-metric" });
  const endsAt = h("input", { type: "date", name: "experiment-endsAt", required: true,
    value: new Date(Date.now() + 28 * DAY).toISOString().slice(0, 10) });
  const baselineDays = h("input", { type: "number", name: "experiment-baselineDays", min: "7", max: "180", value: "28" });

  const filterFields = h("div", { class: "form-grid", id: "population-filters" },
    withError("population.labels", labels, t("experiments.labels"), t("portrait.hint.list")),
    withError("population.region", region, t("experiments.region")),
    fieldset("population.platforms", t("experiments.platforms"), platforms),
    fieldset("population.bands", t("experiments.bands"), bands),
    fieldset("population.stages", t("experiments.stages"), stages));
  const groupFields = h("div", { class: "form-grid", id: "population-groups", hidden: true },
    withError("population.groupIds", groupIds, t("experiments.groupIds"), t("portrait.hint.list")));
  mode.addEventListener("change", () => {
    filterFields.hidden = mode.value !== "filters";
    groupFields.hidden = mode.value !== "groups";
  });
  function fieldset(key, legend, control) {
    controls[key] = control;
    errors[key] = h("small", { class: "field-error", "aria-live": "polite" });
    return h("fieldset", { class: "field", "data-field": key }, h("legend", {}, legend), control, errors[key]);
  }

  const versionOptions = (versions.items ?? []).map((v) => ({ value: String(v.version),
    label: t("experiments.versionOption", { version: v.version, note: v.note ?? t("experiments.noNote") })
      + (v.active ? " · " + t("experiments.activeVersion") : "") }));
  const armsHost = h("div", { class: "arms", id: "experiment-arms" });
  const arms = [];
  function addArm(arm) {
    const armName = h("input", { type: "text", name: "arm-name", value: arm.name, maxlength: "40", autocomplete: "off" });
    const weight = h("input", { type: "number", name: "arm-weight", min: "1", max: "1000", value: String(arm.weight) });
    const treatment = select(TREATMENTS.map((v) => ({ value: v, label: label("treatment", v) })), arm.treatment,
      { name: "arm-treatment" });
    const version = select(versionOptions, versionOptions[0]?.value, { name: "arm-version" });
    const row = { armName, weight, treatment, version };
    const box = h("fieldset", { class: "arm card-inner" });
    row.box = box;
    arms.push(row);
    const showVersion = () => { version.disabled = treatment.value !== "version"; };
    treatment.addEventListener("change", showVersion);
    showVersion();
    armsHost.append(box);
    renumber();
  }
  function renumber() {
    for (const key of Object.keys(controls)) if (key.startsWith("arms[")) delete controls[key];
    arms.forEach((row, i) => {
      const prefix = `arms[${i}]`;
      replace(row.box, h("legend", {}, t("experiments.arm", { number: i + 1 })),
        h("div", { class: "form-grid" },
          withError(prefix + ".name", row.armName, t("experiments.armName")),
          withError(prefix + ".weight", row.weight, t("experiments.weight")),
          withError(prefix + ".treatment", row.treatment, t("experiments.treatment")),
          withError(prefix + ".version", row.version, t("experiments.version"))),
        arms.length > 2 ? h("button", { type: "button", class: "link remove-arm", onclick: () => {
          arms.splice(arms.indexOf(row), 1);
          row.box.remove();
          renumber();
        } }, t("experiments.removeArm")) : null);
    });
  }
  DEFAULT_ARMS.forEach(addArm);

  const outcome = h("div", { id: "experiment-result", "aria-live": "polite" });
  const form = h("form", { id: "experiment-form", novalidate: true },
    h("div", { class: "form-grid" },
      withError("name", name, t("experiments.name")),
      field(t("experiments.population"), mode),
      withError("metric", metric, t("experiments.metric")),
      withError("endsAt", endsAt, t("experiments.endsAt")),
      withError("baselineDays", baselineDays, t("experiments.baselineDays"), t("experiments.baselineHint"))),
    filterFields, groupFields,
    h("h3", {}, t("experiments.arms")),
    h("p", { class: "hint" }, t("experiments.armsHint")),
    armsHost,
    h("div", { class: "toolbar" },
      h("button", { type: "button", id: "add-arm",
        onclick: () => arms.length < 10 && addArm({ name: "arm" + (arms.length + 1), weight: 10, treatment: "active" }) },
      t("experiments.addArm")),
      h("button", { type: "submit", class: "primary", id: "start-experiment" }, t("experiments.start"))),
    outcome);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    for (const e of Object.values(errors)) e.textContent = "";
    for (const c of Object.values(controls)) c.removeAttribute?.("aria-invalid");
    replace(outcome);
    const split = (text) => text.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);
    const checked = (host) => [...host.querySelectorAll("input:checked")].map((c) => c.value);
    const population = {};
    if (mode.value === "groups") {
      population.groupIds = split(groupIds.value);
    } else {
      if (split(labels.value).length) population.labels = split(labels.value);
      if (region.value.trim()) population.region = region.value.trim();
      for (const [key, host] of [["platforms", platforms], ["bands", bands], ["stages", stages]]) {
        if (checked(host).length) population[key] = checked(host);
      }
    }
    if (!endsAt.value) {
      showAt("endsAt", t("experiments.endMissing"));
      return;
    }
    const request = {
      name: name.value.trim(),
      population,
      arms: arms.map((row) => ({
        name: row.armName.value.trim(), weight: Number(row.weight.value), treatment: row.treatment.value,
        ...(row.treatment.value === "version" ? { version: Number(row.version.value) } : {}),
      })),
      metric: metric.value,
      endsAt: endsAt.value + "T00:00:00Z",
      baselineDays: Number(baselineDays.value || 28),
    };
    try {
      const { body } = await api.post("/api/v1/experiments", { json: request });
      announce(t("experiments.started", { name: body.name }));
      location.hash = "#/experiments/" + encodeURIComponent(body.id);
    } catch (e) {
      const at = String(e.body?.error?.field ?? "");
      const key = Object.keys(controls).find((k) => at === k) ?? Object.keys(controls).find((k) => at.startsWith(k + ".") || at.startsWith(k + "["));
      if (key) showAt(key, failure(e));
      else replace(outcome, notice("error", t("experiments.notStarted"), " ", failure(e)));
    }
  });

  function showAt(key, message) {
    errors[key].textContent = message;
    const control = controls[key];
    control.setAttribute("aria-invalid", "true");
    (control.matches("input, select, textarea") ? control : control.querySelector("input"))?.focus();
  }
  return form;
}

function watchView({ api, announce }, id) {
  const path = "/api/v1/experiments/" + encodeURIComponent(id);
  const body = h("div", { id: "experiment-body" }, h("p", {}, t("common.loading")));
  const title = h("h1", { id: "experiment-title" }, t("experiments.one"));
  const element = h("section", { "aria-labelledby": "experiment-title" },
    h("p", {}, h("a", { href: "#/experiments" }, t("experiments.back"))), title, body);

  async function load(message) {
    try {
      const [{ body: x }, { body: groups }] = await Promise.all([api.get(path), api.get(path + "/groups")]);
      title.textContent = x.name;
      replace(body, message ?? null, summary(x),
        h("div", { class: "toolbar" },
          h("a", { class: "button", id: "experiment-report", href: `#/experiments/${encodeURIComponent(id)}/report` },
            t("experiments.report")),
          stopControl(x)),
        h("section", { class: "card", "aria-labelledby": "experiment-arms-title" },
          h("h2", { id: "experiment-arms-title" }, t("experiments.arms")), armsTable(x)),
        h("section", { class: "card", "aria-labelledby": "experiment-groups-title" },
          h("h2", { id: "experiment-groups-title" }, t("experiments.groups", { count: groups.total })),
          groupsTable(groups.items)));
    } catch (e) {
      replace(body, notice("error", failure(e)));
    }
  }

  function stopControl(x) {
    if (x.status !== "running" && x.status !== "scheduled") return null;
    const host = h("span", { class: "stop-host" });
    const ask = h("button", { type: "button", class: "danger", id: "stop-experiment", onclick: () => {
      const yes = h("button", { type: "button", class: "danger", id: "stop-confirm", onclick: stop }, t("experiments.stopNow"));
      replace(host, h("span", { role: "alertdialog", "aria-labelledby": "stop-question", class: "confirm" },
        h("span", { id: "stop-question" }, t("experiments.stopQuestion", { name: x.name })), " ", yes, " ",
        h("button", { type: "button", id: "stop-cancel", onclick: () => replace(host, ask) }, t("experiments.keep"))));
      yes.focus();
    } }, t("experiments.stop"));
    host.append(ask);
    return host;
  }

  async function stop() {
    try {
      await api.post(path + "/stop");
      const message = notice("ok", t("experiments.stopped"));
      announce(message.textContent);
      await load(message);
    } catch (e) {
      replace(body, notice("error", failure(e)));
    }
  }

  load();
  return { element, title: t("experiments.one") };
}

function summary(x) {
  const population = x.population ?? {};
  const parts = [];
  if (population.groupIds?.length) parts.push(t("experiments.groupList", { count: population.groupIds.length }));
  if (population.labels?.length) parts.push(t("experiments.labels") + ": " + population.labels.join(", "));
  if (population.region) parts.push(t("experiments.region") + ": " + population.region);
  for (const [key, name] of [["platforms", platformName], ["bands", (v) => label("band", v)], ["stages", (v) => label("stage", v)]]) {
    if (population[key]?.length) parts.push(t("experiments." + key) + ": " + population[key].map(name).join(", "));
  }
  const facts = [
    ["experiments.status", h("span", { id: "experiment-status", "data-status": x.status }, label("experimentStatus", x.status))],
    ["experiments.population", parts.length ? parts.join(" · ") : t("experiments.everyGroup")],
    ["experiments.metric", label("metric", x.metric)],
    ["experiments.control", x.control],
    ["experiments.startsAt", when(x.startsAt)],
    ["experiments.endsAt", when(x.endsAt)],
    ["experiments.stoppedAt", when(x.stoppedAt)],
    ["experiments.baselineDays", number(x.baselineDays)],
    ["experiments.createdBy", x.createdBy],
  ];
  return h("dl", { class: "facts-list" }, facts.map(([key, value]) => [h("dt", {}, t(key)), h("dd", {}, value)]));
}

function armsTable(x) {
  return h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("experiments.arms") },
    h("table", { class: "data", id: "experiment-arms-table" },
      h("thead", {}, h("tr", {}, ["experiments.armName", "experiments.treatment", "experiments.weight", "experiments.groupCount"]
        .map((key) => h("th", { scope: "col" }, t(key))))),
      h("tbody", {}, x.arms.map((a) => h("tr", { "data-arm": a.name },
        h("th", { scope: "row" }, a.name, a.name === x.control ? " (" + t("experiments.control") + ")" : ""),
        h("td", {}, treatmentText(a)),
        h("td", { class: "num" }, number(a.weight)),
        h("td", { class: "num" }, a.groups === undefined ? "—" : number(a.groups)))))));
}

function treatmentText(arm) {
  return arm.treatment === "version" ? t("experiments.versionOf", { version: arm.version }) : label("treatment", arm.treatment);
}

function groupsTable(items) {
  if (items.length === 0) return h("p", {}, t("experiments.noGroups"));
  return h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("experiments.groupsTable") },
    h("table", { class: "data", id: "experiment-groups-table" },
      h("thead", {}, h("tr", {}, ["experiments.group", "experiments.armName", "experiments.stratum", "experiments.assignedAt"]
        .map((key) => h("th", { scope: "col" }, t(key))))),
      h("tbody", {}, items.map((g) => h("tr", { "data-group": g.groupId },
        h("th", { scope: "row" }, h("a", { href: "#/groups/" + encodeURIComponent(g.groupId) }, g.groupId)),
        h("td", {}, g.arm), h("td", {}, g.stratum), h("td", {}, when(g.assignedAt)))))));
}

function reportView({ api }, id) {
  const body = h("div", { id: "report-body" }, h("p", {}, t("common.loading")));
  const title = h("h1", { id: "report-title" }, t("experiments.reportTitle"));
  const element = h("section", { "aria-labelledby": "report-title" },
    h("p", {}, h("a", { href: "#/experiments/" + encodeURIComponent(id) }, t("experiments.backToOne"))), title, body);
  api.get("/api/v1/experiments/" + encodeURIComponent(id) + "/report").then(({ body: report }) => {
    title.textContent = t("experiments.reportOf", { name: report.experiment.name });
    const compared = report.arms.filter((a) => a.againstControl);
    replace(body,
      h("section", { class: "card", "aria-labelledby": "verdict-title" },
        h("h2", { id: "verdict-title" }, t("experiments.verdict")),
        h("p", { id: "report-verdict", class: report.winner ? "winner" : "" }, report.verdict),
        h("p", { class: "muted" }, t("experiments.period", { baselineFrom: when(report.baselineFrom), from: when(report.from),
          to: when(report.to), unit: report.unit }))),
      h("section", { class: "card", "aria-labelledby": "warnings-title" },
        h("h2", { id: "warnings-title" }, t("experiments.warnings")),
        report.warnings.length === 0 ? h("p", {}, t("experiments.noWarnings"))
          : h("ul", { id: "report-warnings" }, report.warnings.map((w) => h("li", {}, w)))),
      h("section", { class: "card", "aria-labelledby": "interval-title" },
        h("h2", { id: "interval-title" }, t("experiments.intervals")),
        compared.length === 0 ? h("p", {}, t("experiments.nothingCompared"))
          : intervalChart({
            title: t("experiments.chartTitle", { control: report.experiment.control }),
            zeroLabel: t("experiments.noDifference"),
            rows: compared.map((a) => ({ label: a.arm, ...a.againstControl })),
          })),
      h("section", { class: "card", "aria-labelledby": "report-arms-title" },
        h("h2", { id: "report-arms-title" }, t("experiments.perArm")), reportTable(report)));
  }).catch((e) => replace(body, notice("error", failure(e))));
  return { element, title: t("experiments.reportTitle") };
}

function reportTable(report) {
  const n = (v) => (v === undefined || v === null ? "—" : number(v, { maximumFractionDigits: 3 }));
  const heads = ["experiments.armName", "experiments.treatment", "experiments.measured", "experiments.meanBaseline",
    "experiments.meanDuring", "experiments.meanChange", "experiments.spread", "experiments.difference",
    "experiments.interval", "experiments.pValue"];
  return h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("experiments.perArm") },
    h("table", { class: "data", id: "report-arms" },
      h("thead", {}, h("tr", {}, heads.map((key) => h("th", { scope: "col" }, t(key))))),
      h("tbody", {}, report.arms.map((a) => h("tr", { "data-arm": a.arm },
        h("th", { scope: "row" }, a.arm, a.arm === report.experiment.control ? " (" + t("experiments.control") + ")" : ""),
        h("td", {}, label("treatment", a.treatment)),
        h("td", { class: "num" }, number(a.groups)),
        h("td", { class: "num" }, n(a.meanBaseline)),
        h("td", { class: "num" }, n(a.meanDuring)),
        h("td", { class: "num" }, n(a.meanChange)),
        h("td", { class: "num" }, n(a.spreadOfChange)),
        h("td", { class: "num" }, n(a.againstControl?.difference)),
        h("td", { class: "num" }, a.againstControl ? `${n(a.againstControl.low)} … ${n(a.againstControl.high)}` : "—"),
        h("td", { class: "num" }, n(a.againstControl?.pValue)))))));
}
