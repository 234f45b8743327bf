// One group: its portrait, its activity as a chart, the next suggestion with its reasons (or why
// there is none, and until when), the candidates that were dropped, with why, and its next 30 days
// as a journey.
import { h, replace, notice, when } from "../parts/dom.js";
import { barChart, lineChart } from "../parts/chart.js";
import { renderMarkdown } from "../parts/markdown.js";
import { badge, trend } from "./groups.js";

const COUNTS = [
  ["messages", "Messages"], ["reactions", "Reactions"], ["activeMembers", "Active members"],
  ["joins", "Joins"], ["leaves", "Leaves"], ["clicks", "Clicks"], ["orders", "Orders"], ["complaints", "Complaints"],
];

export function groupView({ api }, groupId) {
  const heading = h("h1", { id: "group-title" }, groupId);
  const facts = h("div", { class: "facts" });
  const activity = h("section", { class: "card", "aria-labelledby": "activity-title" },
    h("h2", { id: "activity-title" }, "Activity"));
  const suggestion = h("section", { class: "card", id: "suggestion", "aria-labelledby": "suggestion-title",
    "aria-busy": "true" }, h("h2", { id: "suggestion-title" }, "Next suggestion"), h("p", {}, "Deciding…"));
  const dropped = h("section", { class: "card", id: "dropped", "aria-labelledby": "dropped-title" },
    h("h2", { id: "dropped-title" }, "Dropped candidates"));
  const journey = h("section", { class: "card", id: "journey", "aria-labelledby": "journey-title" },
    h("h2", { id: "journey-title" }, "Next 30 days (journey)"),
    h("p", { class: "muted" }, "Runs the playbook forward with a simulated clock; nothing is stored or sent."),
    h("button", { type: "button", id: "run-journey" }, "Run the journey"),
    h("div", { id: "journey-result" }));
  const element = h("section", { class: "group-detail", "aria-labelledby": "group-title" },
    h("p", {}, h("a", { href: "#/groups" }, "← All groups")),
    heading, facts,
    h("div", { class: "columns" }, activity, suggestion),
    dropped, journey);
  const runJourney = journey.querySelector("#run-journey");
  const journeyResult = journey.querySelector("#journey-result");
  runJourney.addEventListener("click", async () => {
    runJourney.disabled = true;
    replace(journeyResult, notice("info", "Simulating 30 days…"));
    try {
      const { body } = await api.post(path + "/journey", { json: { days: 30 } });
      showJourney(journeyResult, body);
    } catch (e) {
      replace(journeyResult, notice("error", "The journey failed: " + e.message));
    } finally {
      runJourney.disabled = false;
    }
  });

  const path = "/api/v1/groups/" + encodeURIComponent(groupId);
  api.get(path).then(({ body: group }) => {
    heading.textContent = group.portrait?.name || group.id;
    showFacts(facts, group);
    showActivity(activity, group.activity);
  }).catch((e) => replace(facts, notice("error", "The group could not be loaded: " + e.message)));

  api.get(path + "/suggestion?explain=true").then(({ status, body, headers }) => {
    suggestion.removeAttribute("aria-busy");
    if (status === 204) {
      const until = headers.get("X-Next-Suggestion-At");
      replace(suggestion, h("h2", { id: "suggestion-title" }, "Next suggestion"),
        h("p", { class: "nothing" }, until
          ? `Nothing now: the rules hold this group until ${when(until)}.`
          : "Nothing suits this group now."));
      replace(dropped, h("h2", { id: "dropped-title" }, "Dropped candidates"),
        h("p", {}, "No decision to explain."));
      return;
    }
    if (body.status === "held" || body.status === "empty") {
      showSilence(suggestion, body);
      showDropped(dropped, body.explanation);
      return;
    }
    showSuggestion(suggestion, body);
    showDropped(dropped, body.explanation);
  }).catch((e) => {
    suggestion.removeAttribute("aria-busy");
    replace(suggestion, h("h2", { id: "suggestion-title" }, "Next suggestion"),
      notice("error", "No suggestion: " + e.message));
  });

  return { element, title: groupId };
}

function showFacts(target, group) {
  const p = group.portrait ?? {};
  const a = group.activity ?? {};
  const item = (label, value) => h("div", {}, h("dt", {}, label), h("dd", {}, value ?? "—"));
  replace(target, h("dl", { class: "facts-list" },
    item("Band", badge(a.band)), item("Level", a.level === undefined ? "—" : Math.round(a.level) + " / 100"),
    item("Trend", trend(a.trend)), item("Stage", group.stage),
    item("Region", p.region), item("Platform", p.platform), item("Members", p.memberCount),
    item("Language", p.language), item("Interests", (p.interests ?? []).join(", ") || "—"),
    item("Complaints", a.complaintShare === undefined ? "—" : (a.complaintShare * 100).toFixed(1) + " % of messages"),
    item("Last posted", group.daysSinceLastPost == null ? "never" : `${group.daysSinceLastPost} days ago`)));
}

/** The 30-day series when the server has one; otherwise the last week against the month's weekly average. */
function showActivity(target, activity) {
  const title = h("h2", { id: "activity-title" }, "Activity");
  if (!activity) {
    replace(target, title, h("p", {}, "No activity reported yet."));
    return;
  }
  const daily = activity.daily ?? activity.last30Days;
  if (Array.isArray(daily) && daily.length > 0) {
    replace(target, title, lineChart({
      title: "Messages per day, last 30 days", name: "Messages",
      points: daily.map((d) => ({ label: (d.date ?? d.day ?? "").slice(5), value: d.messages ?? 0 })),
    }));
    return;
  }
  const last7 = activity.last7Days ?? {};
  const series = [{ name: "Last 7 days", values: COUNTS.map(([key]) => last7[key] ?? 0) }];
  if (activity.last28Days) {
    series.push({ name: "Weekly average, last 28 days", values: COUNTS.map(([key]) => (activity.last28Days[key] ?? 0) / 4) });
  }
  replace(target, title,
    barChart({ title: activity.last28Days ? "This week against the month's weekly average" : "Activity in the last 7 days",
      categories: COUNTS.map(([, label]) => label), series }),
    h("p", { class: "hint" }, "A day-by-day chart of the last 30 days appears here once the server reports daily activity."));
}

function showSuggestion(target, suggestion) {
  const content = suggestion.content ?? {};
  const preview = renderMarkdown(h("div", { class: "preview", id: "suggestion-preview" }), content.body);
  replace(target,
    h("h2", { id: "suggestion-title" }, "Next suggestion"),
    h("p", { class: "suggested" },
      h("span", { class: "badge kind" }, suggestion.kind), " ",
      h("strong", { class: "suggestion-title", "data-content-id": content.id }, content.title ?? content.id),
      h("span", { class: "score" }, ` score ${suggestion.score}`),
      h("span", { class: "muted" }, ` · rule set v${suggestion.ruleSetVersion}`)),
    h("h3", {}, "Why"),
    h("ul", { class: "reasons" }, (suggestion.reasons ?? []).map((r) =>
      h("li", {}, h("span", { class: "rule" }, r.rule), h("span", { class: "message" }, r.message)))),
    h("details", { open: true }, h("summary", {}, "Preview"), preview),
    needs(suggestion.explanation),
    lastSilence(suggestion.lastSilence));
}

// The latest recorded silence before this suggestion: what kept the group waiting, and for how long.
function lastSilence(silence) {
  if (!silence) return null;
  return h("p", { class: "muted", id: "last-silence", "data-status": silence.status },
    `Last silent (${silence.status}) from ${when(silence.since)} to ${when(silence.lastSeen)}`
      + (silence.reasons?.length ? `: ${silence.reasons[0].rule}.` : "."));
}

function needs(explanation) {
  if (!explanation || !explanation.needs || explanation.needs.length === 0) return null;
  return h("details", {}, h("summary", {}, `What the group needs (${explanation.needs.length})`),
    h("ul", { class: "reasons" }, explanation.needs.map((n) =>
      h("li", {}, h("span", { class: "rule" }, `${n.kind} ${n.tags?.length ? "(" + n.tags.join(", ") + ")" : ""}`
        + ` · urgency ${n.urgency}`), h("span", { class: "message" }, n.reason)))));
}

function showDropped(target, explanation) {
  const title = h("h2", { id: "dropped-title" }, "Dropped candidates");
  const rows = explanation?.dropped ?? [];
  if (rows.length === 0) {
    replace(target, title, h("p", {}, "No candidate was dropped."));
    return;
  }
  replace(target, title,
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Dropped candidates table" },
      h("table", { class: "data" },
        h("thead", {}, h("tr", {}, ["Content", "Kind", "Why it was dropped"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows.map((d) => h("tr", {},
          h("td", {}, d.content?.title ?? d.content?.id),
          h("td", {}, d.content?.kind ?? ""),
          h("td", {}, h("ul", { class: "vetoes" }, (d.vetoes ?? []).map((v) =>
            h("li", {}, h("span", { class: "rule" }, v.rule), " — ", v.message))))))))),
    explanation.firedRules?.length
      ? h("details", {}, h("summary", {}, `Rules that fired (${explanation.firedRules.length})`),
        h("ul", {}, explanation.firedRules.map((r) => h("li", {}, r)))) : null);
}

// Explained silence: held by rules, or nothing at all may be sent; why, and until when.
function showSilence(target, silence) {
  const gaps = silence.explanation?.gaps ?? [];
  replace(target,
    h("h2", { id: "suggestion-title" }, "Next suggestion"),
    h("p", { class: "nothing", id: "silence", "data-status": silence.status },
      silence.status === "held"
        ? `Nothing now: the rules hold this group until ${when(silence.until)}.`
        : `Nothing may be sent now; asking again at ${when(silence.until)}.`),
    silence.recorded
      ? h("p", { class: "muted", id: "silence-recorded" },
        `Recorded: silent like this since ${when(silence.recorded.since)}, `
          + `${silence.recorded.decisions} decision${silence.recorded.decisions === 1 ? "" : "s"}, `
          + `the last at ${when(silence.recorded.lastSeen)}.`)
      : null,
    h("h3", {}, "Why"),
    h("ul", { class: "reasons" }, (silence.reasons ?? []).map((r) =>
      h("li", {}, h("span", { class: "rule" }, r.rule), h("span", { class: "message" }, r.message)))),
    gaps.length
      ? h("details", { open: true }, h("summary", {}, `Content the library lacks (${gaps.length})`),
        h("ul", {}, gaps.map((g) => h("li", {}, `${g.kind} ${g.tags?.length ? "(" + g.tags.join(", ") + ")" : ""}`
          + ` · ${g.language}${g.region ? " · " + g.region : ""}`))))
      : null,
    needs(silence.explanation));
}

function showJourney(target, journey) {
  const sent = (journey.steps ?? []).filter((s) => s.outcome === "SENT");
  const kinds = Object.entries(journey.kinds ?? {}).map(([k, n]) => `${n} ${k.toLowerCase()}`).join(", ");
  replace(target,
    h("p", { id: "journey-summary" },
      `${journey.sent} sent (${kinds}), ${journey.holds} holds, ${journey.stallCount} stalls.`),
    journey.stallCount > 0
      ? notice("error", `Stalls from day ${journey.stalls[0].day}: nothing could be sent although no rule held the group.`)
      : null,
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Journey table" },
      h("table", { class: "data", id: "journey-table" },
        h("thead", {}, h("tr", {}, ["Day", "Kind", "Content", "Why"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, sent.map((s) => h("tr", {},
          h("td", {}, String(s.day)),
          h("td", {}, s.kind),
          h("td", {}, s.content?.title ?? s.content?.id),
          h("td", {}, (s.reasons ?? []).map((r) => r.rule).join("; "))))))));
}
