// One group: its portrait, its activity as a chart, the next suggestion with its reasons (or why
// there is none, and until when), the candidates that were dropped, with why, and its next 30 days
// as a journey.
import { h, replace, notice, when } from "../parts/dom.js";
import { t, label, number, failure } from "../parts/i18n.js";
import { portraitForm } from "./portrait-form.js";
import { mediaResolver } from "../parts/media.js";
import { barChart, lineChart } from "../parts/chart.js";
import { renderMarkdown } from "../parts/markdown.js";
import { badge, trend } from "./groups.js";
import { confirmDialog } from "../parts/confirm.js";

const COUNTS = ["messages", "reactions", "activeMembers", "joins", "leaves", "clicks", "orders", "complaints"];

export function groupView({ api }, groupId) {
  const heading = h("h1", { id: "group-title" }, groupId);
  const facts = h("div", { class: "facts" });
  const activity = h("section", { class: "card", "aria-labelledby": "activity-title" },
    h("h2", { id: "activity-title" }, t("group.activity")));
  const suggestion = h("section", { class: "card", id: "suggestion", "aria-labelledby": "suggestion-title",
    "aria-busy": "true" }, h("h2", { id: "suggestion-title" }, t("group.next")), h("p", {}, t("group.deciding")));
  const dropped = h("section", { class: "card", id: "dropped", "aria-labelledby": "dropped-title" },
    h("h2", { id: "dropped-title" }, t("group.dropped")));
  const journey = h("section", { class: "card", id: "journey", "aria-labelledby": "journey-title" },
    h("h2", { id: "journey-title" }, t("group.journey")),
    h("p", { class: "muted" }, t("group.journeyHint")),
    h("button", { type: "button", id: "run-journey" }, t("group.runJourney")),
    h("div", { id: "journey-result" }));
  const history = h("section", { class: "card", id: "history", "aria-labelledby": "history-title" },
    h("h2", { id: "history-title" }, t("group.history")), h("p", {}, t("common.loading")));
  const { section: timeline, load: loadTimeline } =
    suggestionTimeline(api, "/api/v1/groups/" + encodeURIComponent(groupId) + "/suggestions");
  const editor = h("section", { class: "card", id: "group-editor", hidden: true, "aria-labelledby": "group-editor-title" });
  const outcome = h("div", { id: "group-result", "aria-live": "polite" });
  const actions = h("div", { class: "toolbar" },
    h("button", { type: "button", id: "edit-group", onclick: () => edit() }, t("group.edit")),
    h("button", { type: "button", id: "archive-group", class: "danger", onclick: () => archive() }, t("group.archive")));
  const element = h("section", { class: "group-detail", "aria-labelledby": "group-title" },
    h("p", {}, h("a", { href: "#/groups" }, t("group.back"))),
    heading, actions, outcome, editor, facts,
    h("div", { class: "columns" }, activity, suggestion),
    dropped, history, timeline, journey);
  const runJourney = journey.querySelector("#run-journey");
  const journeyResult = journey.querySelector("#journey-result");
  runJourney.addEventListener("click", async () => {
    runJourney.disabled = true;
    replace(journeyResult, notice("info", t("group.simulating")));
    try {
      const { body } = await api.post(path + "/journey", { json: { days: 30 } });
      showJourney(journeyResult, body);
    } catch (e) {
      replace(journeyResult, notice("error", t("group.journeyFailed"), " ", failure(e)));
    } finally {
      runJourney.disabled = false;
    }
  });

  const path = "/api/v1/groups/" + encodeURIComponent(groupId);
  let loaded = null;
  const load = () => api.get(path).then(({ body: group }) => {
    loaded = group;
    heading.textContent = group.portrait?.name || group.id;
    showFacts(facts, group);
    showActivity(activity, group.activity);
  }).catch((e) => replace(facts, notice("error", t("group.loadFailed"), " ", failure(e))));
  load();
  api.get("/api/v1/stats?groupId=" + encodeURIComponent(groupId))
    .then(({ body }) => showHistory(history, body))
    .catch((e) => replace(history, h("h2", { id: "history-title" }, t("group.history")), notice("error", failure(e))));

  function edit() {
    if (!loaded) return;
    editor.hidden = false;
    replace(editor, h("h2", { id: "group-editor-title" }, t("group.edit")),
      portraitForm(api, loaded, {
        onSaved: () => {
          editor.hidden = true;
          replace(outcome, notice("ok", t("portrait.saved")));
          load();
        },
        onCancel: () => {
          editor.hidden = true;
          document.getElementById("edit-group").focus();
        },
      }));
    editor.querySelector("input")?.focus();
  }

  async function archive() {
    if (!await confirmDialog(t("group.archiveConfirm", { name: loaded?.portrait?.name ?? groupId }))) return;
    try {
      await api.delete(path);
      location.hash = "#/groups";
    } catch (e) {
      replace(outcome, notice("error", failure(e)));
    }
  }

  api.get(path + "/suggestion?explain=true").then(({ status, body, headers }) => {
    suggestion.removeAttribute("aria-busy");
    if (status === 204) {
      const until = headers.get("X-Next-Suggestion-At");
      replace(suggestion, h("h2", { id: "suggestion-title" }, t("group.next")),
        h("p", { class: "nothing" }, until ? t("group.heldUntil", { until: when(until) }) : t("group.nothingSuits")));
      replace(dropped, h("h2", { id: "dropped-title" }, t("group.dropped")),
        h("p", {}, t("group.noDecision")));
      return;
    }
    if (body.status === "held" || body.status === "empty") {
      showSilence(suggestion, body);
      showDropped(dropped, body.explanation);
      return;
    }
    showSuggestion(suggestion, body, api);
    showDropped(dropped, body.explanation);
  }).catch((e) => {
    suggestion.removeAttribute("aria-busy");
    replace(suggestion, h("h2", { id: "suggestion-title" }, t("group.next")),
      notice("error", t("group.noSuggestion"), " ", failure(e)));
  }).finally(loadTimeline);

  return { element, title: groupId };
}

function showFacts(target, group) {
  const p = group.portrait ?? {};
  const a = group.activity ?? {};
  const item = (key, value) => h("div", {}, h("dt", {}, t(key)), h("dd", {}, value ?? "—"));
  replace(target, h("dl", { class: "facts-list" },
    item("fact.band", badge(a.band)), item("fact.level", a.level === undefined ? "—" : t("fact.levelValue", { level: Math.round(a.level) })),
    item("fact.trend", trend(a.trend)), item("fact.stage", label("stage", group.stage)),
    item("fact.region", p.region), item("fact.platform", label("platform", p.platform)),
    item("fact.members", p.memberCount === undefined ? "—" : number(p.memberCount)),
    item("fact.language", p.language), item("fact.interests", (p.interests ?? []).join(", ") || "—"),
    item("fact.labels", (p.labels ?? []).join(", ") || "—"),
    item("fact.quietHours", p.quietHours), item("fact.timezone", p.timezone),
    item("fact.complaints", a.complaintShare === undefined ? "—"
      : t("fact.complaintsValue", { share: number(a.complaintShare, { style: "percent", maximumFractionDigits: 1 }) })),
    item("fact.lastPosted", group.daysSinceLastPost == null || group.daysSinceLastPost >= 9999 ? t("groups.never")
      : t("groups.daysAgo", { count: group.daysSinceLastPost }))));
}

/** The 30-day series when the server has one; otherwise the last week against the month's weekly average. */
function showActivity(target, activity) {
  const title = h("h2", { id: "activity-title" }, t("group.activity"));
  if (!activity) {
    replace(target, title, h("p", {}, t("group.noActivity")));
    return;
  }
  const daily = activity.daily ?? activity.last30Days;
  if (Array.isArray(daily) && daily.length > 0) {
    replace(target, title, lineChart({
      title: t("group.messagesPerDay"), name: t("count.messages"),
      points: daily.map((d) => ({ label: (d.date ?? d.day ?? "").slice(5), value: d.messages ?? 0 })),
    }));
    return;
  }
  const last7 = activity.last7Days ?? {};
  const series = [{ name: t("group.last7"), values: COUNTS.map((key) => last7[key] ?? 0) }];
  if (activity.last28Days) {
    series.push({ name: t("group.weeklyAverage"), values: COUNTS.map((key) => (activity.last28Days[key] ?? 0) / 4) });
  }
  replace(target, title,
    barChart({ title: activity.last28Days ? t("group.weekVsMonth") : t("group.last7Title"),
      categories: COUNTS.map((key) => t("count." + key)), series }),
    h("p", { class: "hint" }, t("group.dailyLater")));
}

function showSuggestion(target, suggestion, api) {
  const content = suggestion.content ?? {};
  const preview = renderMarkdown(h("div", { class: "preview", id: "suggestion-preview" }), content.body,
    mediaResolver(api, content));
  replace(target,
    h("h2", { id: "suggestion-title" }, t("group.next")),
    h("p", { class: "suggested" },
      h("span", { class: "badge kind" }, label("kind", suggestion.kind)), " ",
      h("strong", { class: "suggestion-title", "data-content-id": content.id }, content.title ?? content.id),
      h("span", { class: "score" }, " " + t("group.score", { score: suggestion.score })),
      h("span", { class: "muted" }, " · " + t("group.ruleSet", { version: suggestion.ruleSetVersion }))),
    h("h3", {}, t("group.why")),
    h("ul", { class: "reasons" }, (suggestion.reasons ?? []).map((r) =>
      h("li", {}, h("span", { class: "rule" }, r.rule), h("span", { class: "message" }, r.message)))),
    h("details", { open: true }, h("summary", {}, t("group.preview")), preview),
    needs(suggestion.explanation),
    lastSilence(suggestion.lastSilence));
}

// The latest recorded silence before this suggestion: what kept the group waiting, and for how long.
function lastSilence(silence) {
  if (!silence) return null;
  return h("p", { class: "muted", id: "last-silence", "data-status": silence.status },
    t("group.lastSilent", { status: label("silence", silence.status), since: when(silence.since), until: when(silence.lastSeen) })
      + (silence.reasons?.length ? ` ${silence.reasons[0].rule}` : ""));
}

function needs(explanation) {
  if (!explanation || !explanation.needs || explanation.needs.length === 0) return null;
  return h("details", {}, h("summary", {}, t("group.needs", { count: explanation.needs.length })),
    h("ul", { class: "reasons" }, explanation.needs.map((n) =>
      h("li", {}, h("span", { class: "rule" }, `${label("kind", n.kind)} ${n.tags?.length ? "(" + n.tags.join(", ") + ")" : ""}`
        + " · " + t("group.urgency", { urgency: n.urgency })), h("span", { class: "message" }, n.reason)))));
}

function showDropped(target, explanation) {
  const title = h("h2", { id: "dropped-title" }, t("group.dropped"));
  const rows = explanation?.dropped ?? [];
  if (rows.length === 0) {
    replace(target, title, h("p", {}, t("group.noneDropped")));
    return;
  }
  replace(target, title,
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("group.droppedTable") },
      h("table", { class: "data" },
        h("thead", {}, h("tr", {}, ["group.col.content", "group.col.kind", "group.col.whyDropped"].map((c) => h("th", { scope: "col" }, t(c))))),
        h("tbody", {}, rows.map((d) => h("tr", {},
          h("td", {}, d.content?.title ?? d.content?.id),
          h("td", {}, label("kind", d.content?.kind)),
          h("td", {}, h("ul", { class: "vetoes" }, (d.vetoes ?? []).map((v) =>
            h("li", {}, h("span", { class: "rule" }, v.rule), " — ", v.message))))))))),
    explanation.firedRules?.length
      ? h("details", {}, h("summary", {}, t("group.fired", { count: explanation.firedRules.length })),
        h("ul", {}, explanation.firedRules.map((r) => h("li", {}, r)))) : null);
}

// Explained silence: held by rules, or nothing at all may be sent; why, and until when.
function showSilence(target, silence) {
  const gaps = silence.explanation?.gaps ?? [];
  replace(target,
    h("h2", { id: "suggestion-title" }, t("group.next")),
    h("p", { class: "nothing", id: "silence", "data-status": silence.status },
      silence.status === "held"
        ? t("group.heldUntil", { until: when(silence.until) })
        : t("group.askAgain", { until: when(silence.until) })),
    silence.recorded
      ? h("p", { class: "muted", id: "silence-recorded", "data-decisions": silence.recorded.decisions },
        t("group.recorded", { since: when(silence.recorded.since), count: silence.recorded.decisions,
          last: when(silence.recorded.lastSeen) }))
      : null,
    h("h3", {}, t("group.why")),
    h("ul", { class: "reasons" }, (silence.reasons ?? []).map((r) =>
      h("li", {}, h("span", { class: "rule" }, r.rule), h("span", { class: "message" }, r.message)))),
    gaps.length
      ? h("details", { open: true }, h("summary", {}, t("group.lacks", { count: gaps.length })),
        h("ul", {}, gaps.map((g) => h("li", {}, `${label("kind", g.kind)} ${g.tags?.length ? "(" + g.tags.join(", ") + ")" : ""}`
          + ` · ${g.language}${g.region ? " · " + g.region : ""}`))))
      : null,
    needs(silence.explanation));
}

function showJourney(target, journey) {
  const sent = (journey.steps ?? []).filter((s) => s.outcome === "SENT");
  const kinds = Object.entries(journey.kinds ?? {}).map(([k, n]) => `${number(n)} ${label("kind", k)}`).join(", ");
  replace(target,
    h("p", { id: "journey-summary", "data-sent": journey.sent, "data-holds": journey.holds, "data-stalls": journey.stallCount },
      t("group.journeySummary", { sent: journey.sent, kinds, holds: journey.holds, stalls: journey.stallCount })),
    journey.stallCount > 0
      ? notice("error", t("group.stallsFrom", { day: journey.stalls[0].day }))
      : null,
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("group.journeyTable") },
      h("table", { class: "data", id: "journey-table" },
        h("thead", {}, h("tr", {}, ["group.col.day", "group.col.kind", "group.col.content", "group.col.why"]
          .map((c) => h("th", { scope: "col" }, t(c))))),
        h("tbody", {}, sent.map((s) => h("tr", {},
          h("td", {}, number(s.day)),
          h("td", {}, label("kind", s.kind)),
          h("td", {}, s.content?.title ?? s.content?.id),
          h("td", {}, (s.reasons ?? []).map((r) => r.rule).join("; "))))))));
}

const TIMELINE_PAGE = 20;

// Every suggestion for the group, newest first, each with its steps: decided, delivered, then posted,
// skipped or failed with its engagement and reward, or withdrawn unsent; older ones a page at a time.
function suggestionTimeline(api, path) {
  const list = h("ol", { class: "timeline", id: "timeline-list" });
  const status = h("div", { "aria-live": "polite" }, h("p", {}, t("common.loading")));
  const older = h("button", { type: "button", id: "timeline-older", hidden: true }, t("timeline.older"));
  const section = h("section", { class: "card", id: "timeline", "aria-labelledby": "timeline-title" },
    h("h2", { id: "timeline-title" }, t("timeline.title")), h("p", { class: "muted" }, t("timeline.hint")),
    list, status, older);
  let next = null;
  async function page() {
    older.disabled = true;
    const query = new URLSearchParams({ limit: TIMELINE_PAGE });
    if (next) query.set("before", next);
    try {
      const { body } = await api.get(path + "?" + query);
      list.append(...(body.items ?? []).map(timelineEntry));
      next = body.next ?? null;
      replace(status, list.children.length === 0 ? h("p", { id: "timeline-empty" }, t("timeline.empty")) : null);
      older.hidden = !next;
    } catch (e) {
      replace(status, notice("error", t("timeline.loadFailed"), " ", failure(e)));
    } finally {
      older.disabled = false;
    }
  }
  older.addEventListener("click", async () => {
    const shown = list.children.length;
    await page();
    list.children[shown]?.querySelector("h3")?.focus();
  });
  // Loaded once the group's next suggestion is decided, so that the timeline holds it too.
  return { section, load: page };
}

function timelineEntry(s) {
  const engagement = Object.entries(s.metrics ?? {}).filter(([, n]) => n > 0)
    .map(([k, n]) => `${number(n)} ${t("engagement." + k)}`).join(" · ");
  const steps = [
    h("li", {}, t("timeline.decided", { at: when(s.decidedAt), score: number(s.score, { maximumFractionDigits: 1 }),
      version: s.ruleSetVersion })),
    s.deliveredAt ? h("li", {}, t("timeline.delivered", { at: when(s.deliveredAt) })) : null,
    s.outcome ? h("li", { class: "outcome-" + s.outcome },
      t("timeline.outcome." + s.outcome, { at: when(s.postedAt ?? s.outcomeAt) }),
      engagement ? " — " + engagement : null,
      s.reward !== undefined ? " · " + t("timeline.reward", { reward: number(s.reward, { maximumFractionDigits: 2 }) }) : null)
      : null,
    s.supersededAt ? h("li", {}, t("timeline.superseded", { at: when(s.supersededAt), because: s.supersededBecause ?? "—" }))
      : null,
    !s.outcome && !s.supersededAt ? h("li", { class: "muted" }, label("suggestionState", s.state)) : null,
  ];
  return h("li", { "data-suggestion": s.id, "data-state": s.state, "data-outcome": s.outcome ?? null },
    h("h3", { tabindex: "-1" }, s.title ?? s.contentId, " ", h("span", { class: "badge kind" }, label("kind", s.kind))),
    h("ul", { class: "steps" }, steps));
}

// What was sent to the group in the last 30 days, per content item, and how it did.
function showHistory(target, stats) {
  const title = h("h2", { id: "history-title" }, t("group.history"));
  const rows = stats.content ?? [];
  const hint = h("p", { class: "muted" }, t("group.historyHint", { since: when(stats.since) }));
  if (rows.length === 0) {
    replace(target, title, hint, h("p", { id: "history-empty" }, t("group.historyEmpty")));
    return;
  }
  const engagement = (e) => Object.entries(e ?? {}).filter(([, n]) => n > 0)
    .map(([k, n]) => `${number(n)} ${t("engagement." + k)}`).join(" · ") || "—";
  replace(target, title, hint,
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("group.historyTable") },
      h("table", { class: "data", id: "history-table" },
        h("thead", {}, h("tr", {}, ["group.col.content", "group.col.kind", "stats.suggested", "stats.posted",
          "stats.skipped", "stats.engagement"].map((c) => h("th", { scope: "col" }, t(c))))),
        h("tbody", {}, rows.map((r) => h("tr", { "data-content": r.contentId },
          h("td", {}, r.title ?? r.contentId), h("td", {}, label("kind", r.kind)),
          h("td", { class: "num" }, number(r.suggested ?? 0)), h("td", { class: "num" }, number(r.posted ?? 0)),
          h("td", { class: "num" }, number(r.skipped ?? 0)), h("td", {}, engagement(r.engagement))))))));
}
