// The playbook: the rule files, a DRL editor with errors at their lines, validation, a
// simulation of what would change, publishing, the version history and rollback.
import { h, replace, field, notice, when } from "../parts/dom.js";
import { drlEditor } from "../parts/drl-editor.js";
import { ApiFailure } from "../parts/api.js";
import { t, label, number, failure } from "../parts/i18n.js";
import { diffView } from "../parts/diff.js";
import { confirmDialog } from "../parts/confirm.js";

// Valid both as a RegExp and as an HTML pattern, which Chromium compiles with the v flag: there a
// "-" inside a class must be escaped.
export const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._\-]{0,99}\.drl$/;
/** What the new-file field accepts: a name, with or without ".drl" (added when missing). */
export const NAME_INPUT = /[A-Za-z0-9][A-Za-z0-9._\-]{0,95}/;
const NOTE_MAX = 500;
const NEW_FILE = `package playbook
import community.recommender.engine.model.*
ruleflow-group "candidates"

`;

export function rulesView({ api, announce }, initialFile) {
  const files = h("ul", { class: "file-list", "aria-label": t("rules.files") });
  const summary = h("p", { class: "muted" });
  const mirror = h("div", { id: "rules-mirror", "aria-live": "polite" });
  const newName = h("input", { type: "text", name: "new-file", placeholder: "my-rules.drl", pattern: NAME_INPUT.source });
  const newForm = h("form", { class: "new-file", "aria-label": t("rules.newFile") },
    field(t("rules.newFileName"), newName), h("button", { type: "submit" }, t("rules.newFile")));

  const editorTitle = h("h2", { id: "editor-title" }, t("rules.choose"));
  const editorHost = h("div", { class: "editor-host", id: "editor" });
  const dirty = h("span", { class: "dirty", "aria-live": "polite" });
  const buttons = {
    validate: h("button", { type: "button", id: "validate", disabled: true }, t("rules.validate")),
    simulate: h("button", { type: "button", id: "simulate", disabled: true }, t("rules.simulate")),
    journey: h("button", { type: "button", id: "journey", disabled: true }, t("rules.journey")),
    publish: h("button", { type: "button", id: "publish", class: "primary", disabled: true }, t("rules.publish")),
    revert: h("button", { type: "button", id: "revert", disabled: true }, t("rules.revert")),
    remove: h("button", { type: "button", id: "delete", class: "danger", disabled: true }, t("rules.delete")),
  };
  const result = h("div", { id: "rule-result", "aria-live": "polite" });
  const errors = h("ol", { class: "errors", id: "rule-errors", "aria-label": t("rules.errors") });
  const simulation = h("section", { id: "simulation", "aria-labelledby": "simulation-title", hidden: true });
  const versions = h("section", { class: "card", id: "versions", "aria-labelledby": "versions-title" },
    h("h2", { id: "versions-title" }, t("rules.versions")));
  const versionDiff = h("div", { id: "version-diff", "aria-live": "polite" });
  const publishDialog = h("dialog", { id: "publish-dialog", "aria-labelledby": "publish-title" });

  const element = h("section", { class: "rules", "aria-labelledby": "rules-title" },
    h("h1", { id: "rules-title" }, t("rules.title")),
    h("div", { class: "rules-layout" },
      h("aside", { class: "card files-pane", "aria-labelledby": "files-title" },
        h("h2", { id: "files-title" }, t("rules.files")), summary, mirror, files, newForm),
      h("div", { class: "card editor-pane", "aria-labelledby": "editor-title" },
        h("div", { class: "editor-head" }, editorTitle, dirty),
        editorHost,
        h("p", { class: "hint" }, t("rules.completionHint")),
        h("div", { class: "toolbar", role: "toolbar", "aria-label": t("rules.actions") }, Object.values(buttons)),
        result, errors)),
    simulation, versions, versionDiff, publishDialog);

  let current = null; // {name, saved, isNew}
  let editor = null;

  const text = () => (editor ? editor.text() : "");
  const changes = () => ({ [current.name]: text() });
  const setBusy = (busy) => {
    for (const b of Object.values(buttons)) b.disabled = busy || !current;
    buttons.remove.disabled = busy || !current || current.isNew;
    buttons.revert.disabled = busy || !current || text() === current.saved;
  };
  const markDirty = () => {
    dirty.textContent = current && text() !== current.saved ? t("rules.dirty") : "";
    buttons.revert.disabled = !current || text() === current.saved;
  };

  function showErrors(list) {
    const mine = list.filter((e) => !e.file || e.file === current.name);
    editor.showErrors(mine);
    replace(errors, list.map((e) => h("li", { "data-line": e.line ?? "" },
      h("button", { type: "button", class: "link", onclick: () => goTo(e) },
        `${e.file ?? current.name}:${e.line ?? "?"}${e.column ? ":" + e.column : ""}`),
      " ", e.message)));
  }

  function goTo(error) {
    if (error.file && error.file !== current.name) return;
    const doc = editor.view.state.doc;
    const line = doc.line(Math.min(Math.max(1, error.line || 1), doc.lines));
    editor.view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
    editor.focus();
  }

  function clearOutcome() {
    replace(result);
    replace(errors);
    if (editor) editor.showErrors([]);
  }

  function failed(e, action) {
    if (e instanceof ApiFailure && e.status === 422 && e.body && Array.isArray(e.body.errors)) {
      replace(result, notice("error", t("rules.errorsFound", { action: t(action), count: e.body.errors.length })));
      showErrors(e.body.errors);
      announce(t("rules.errorCount", { count: e.body.errors.length }));
    } else {
      replace(result, notice("error", t("rules.failed", { action: t(action) }), " ", failure(e)));
    }
  }

  async function open(name, { isNew = false } = {}) {
    clearOutcome();
    simulation.hidden = true;
    let saved = NEW_FILE;
    if (!isNew) {
      try {
        saved = (await api.get("/api/v1/rules/" + encodeURIComponent(name))).body;
      } catch (e) {
        replace(result, notice("error", t("rules.cannotOpen", { name }), " ", failure(e)));
        return;
      }
    }
    current = { name, saved, isNew };
    editorTitle.textContent = name;
    if (editor) editor.destroy();
    replace(editorHost);
    editor = drlEditor(editorHost, saved, { label: t("rules.drlOf", { name }), onChange: markDirty });
    for (const link of files.querySelectorAll("a")) {
      if (link.dataset.file === name) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    }
    markDirty();
    setBusy(false);
    if (location.hash !== "#/rules/" + name) history.replaceState(null, "", "#/rules/" + encodeURIComponent(name));
  }

  async function loadFiles() {
    try {
      const { body } = await api.get("/api/v1/rules");
      summary.textContent = t("rules.summary", { version: body.version, rules: body.rules.length, files: body.files.length });
      summary.dataset.version = body.version;
      replace(mirror, body.mirror && !body.mirror.written
        ? notice("info", t("rules.mirror", { folder: body.mirror.folder, error: body.mirror.error }))
        : []);
      replace(files, body.files.map((f) => h("li", {},
        h("a", { href: "#/rules/" + encodeURIComponent(f.name), "data-file": f.name,
          onclick: (event) => {
            event.preventDefault();
            open(f.name);
          } }, f.name),
        h("span", { class: "muted" }, " " + t("rules.bytes", { count: f.bytes })))));
      return body;
    } catch (e) {
      replace(files, notice("error", t("rules.loadFailed"), " ", failure(e)));
      return null;
    }
  }

  async function loadVersions() {
    try {
      const { body } = await api.get("/api/v1/rules/versions");
      const items = body.items;
      replace(versions, h("h2", { id: "versions-title" }, t("rules.versions")),
        h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("rules.versionsTable") },
          h("table", { class: "data versions-table" },
            h("thead", {}, h("tr", {}, ["rules.col.version", "rules.col.when", "rules.col.who", "rules.col.note", ""]
              .map((c) => h("th", { scope: "col" }, c ? t(c) : "")))),
            h("tbody", {}, items.map((v) => h("tr", { "data-version": v.version, class: v.active ? "active" : "" },
              h("td", {}, "v" + v.version, v.active ? h("span", { class: "badge" }, " " + t("rules.active")) : null),
              h("td", {}, when(v.createdAt)),
              h("td", {}, v.author ?? "—"),
              h("td", { class: "note" }, v.note ?? (v.restoredFrom ? t("rules.restoredFrom", { version: v.restoredFrom }) : "—")),
              h("td", { class: "actions" },
                v.version > 1 ? h("button", { type: "button", class: "link show-diff",
                  "aria-label": t("rules.diffOf", { version: v.version }), onclick: () => showVersionDiff(v.version) },
                t("rules.diff")) : null,
                v.active ? null : [" ", h("button", { type: "button", class: "rollback",
                  "aria-label": t("rules.rollbackTo", { version: v.version }), onclick: () => rollback(v.version) },
                t("rules.rollback"))])))))));
    } catch (e) {
      replace(versions, h("h2", { id: "versions-title" }, t("rules.versions")), notice("error", failure(e)));
    }
  }

  // What a version changed against the one before it, file by file.
  async function showVersionDiff(version) {
    try {
      const [{ body: after }, { body: before }] = await Promise.all([
        api.get(`/api/v1/rules/versions/${version}`), api.get(`/api/v1/rules/versions/${version - 1}`)]);
      const names = [...new Set([...Object.keys(before.files ?? {}), ...Object.keys(after.files ?? {})])].sort()
        .filter((n) => (before.files?.[n] ?? "") !== (after.files?.[n] ?? ""));
      replace(versionDiff, h("section", { class: "card", "aria-labelledby": "version-diff-title" },
        h("h2", { id: "version-diff-title", tabindex: "-1" }, t("rules.diffTitle", { version, previous: version - 1 })),
        after.note ? h("p", {}, t("rules.noteIs", { note: after.note })) : null,
        names.length === 0 ? h("p", { class: "muted" }, t("diff.none"))
          : names.map((n) => [h("h3", {}, n), diffView(before.files?.[n] ?? "", after.files?.[n] ?? "")])));
      versionDiff.querySelector("h2").focus();
    } catch (e) {
      replace(versionDiff, notice("error", failure(e)));
    }
  }

  async function rollback(version) {
    if (!await confirmDialog(t("rules.rollbackConfirm", { version }))) return;
    try {
      const { body } = await api.post(`/api/v1/rules/versions/${version}/activate`,
        { json: { note: t("rules.rollbackNote", { version }) } });
      await refresh();
      replace(result, notice("ok", t("rules.rolledBack", { version: body.version, from: version })));
      announce(t("rules.activeNow", { version: body.version }));
    } catch (e) {
      failed(e, "rules.action.rollback");
    }
  }

  // After a rollback the editor shows the active text: the same file when the set still has it,
  // else the set's first file.
  async function refresh() {
    await Promise.all([loadFiles(), loadVersions()]);
    const stillThere = current && files.querySelector(`a[data-file="${CSS.escape(current.name)}"]`);
    const name = stillThere ? current.name : files.querySelector("a[data-file]")?.dataset.file;
    if (name) await open(name);
  }

  buttons.validate.addEventListener("click", async () => {
    clearOutcome();
    setBusy(true);
    try {
      await api.post("/api/v1/rules/validate", { json: { files: changes() } });
      replace(result, notice("ok", t("rules.valid")));
      announce(t("rules.validShort"));
    } catch (e) {
      failed(e, "rules.action.validate");
    } finally {
      setBusy(false);
    }
  });

  buttons.simulate.addEventListener("click", async () => {
    clearOutcome();
    setBusy(true);
    replace(result, notice("info", t("rules.simulating")));
    try {
      const { body } = await api.post("/api/v1/rules/simulate", { json: { files: changes() } });
      replace(result, notice("ok", t("rules.simulated", { changed: body.changed, total: body.total })));
      showSimulation(simulation, body);
      announce(t("rules.wouldChange", { count: body.changed }));
    } catch (e) {
      failed(e, "rules.action.simulate");
    } finally {
      setBusy(false);
    }
  });

  // The proposed set's next 30 days over the first page of groups (at most 50): stalls, offers and the mix of kinds.
  buttons.journey.addEventListener("click", async () => {
    clearOutcome();
    setBusy(true);
    replace(result, notice("info", t("rules.journeying")));
    try {
      const { body } = await api.post("/api/v1/journeys", { json: { days: 30, files: changes() } });
      const kinds = Object.entries(body.kinds ?? {}).map(([k, n]) => `${number(n)} ${label("kind", k)}`).join(", ");
      replace(result, notice(body.stalls > 0 ? "error" : "ok",
        h("span", { id: "journey-report", "data-groups": body.groupCount, "data-days": body.days },
          t("rules.journeyReport", { groups: body.groupCount, days: body.days, stalls: body.stalls,
            stalled: body.stalledGroups.length ? " (" + body.stalledGroups.join(", ") + ")" : "",
            offers: number(body.offersPerGroupMonth, { maximumFractionDigits: 2 }), kinds, gaps: body.gaps.length })
          + (body.next ? " " + t("rules.journeyFirst", { groups: body.groupCount, total: body.total }) : ""))));
      announce(t("rules.stalls", { count: body.stalls }));
    } catch (e) {
      failed(e, "rules.action.journey");
    } finally {
      setBusy(false);
    }
  });

  // Publishing asks for a short change note and shows what changes against the active text.
  buttons.publish.addEventListener("click", () => {
    clearOutcome();
    const note = h("textarea", { id: "publish-note", name: "note", rows: "2", maxlength: String(NOTE_MAX), "aria-required": "true" });
    const problem = h("small", { class: "field-error", id: "publish-note-error", "aria-live": "polite" });
    note.setAttribute("aria-describedby", "publish-note-error");
    const form = h("form", { method: "dialog", class: "publish-form" },
      h("h2", { id: "publish-title" }, t("rules.publishTitle", { name: current.name })),
      h("p", { class: "muted" }, current.isNew ? t("rules.publishNew") : t("rules.publishDiff")),
      diffView(current.isNew ? "" : current.saved, text(), { id: "publish-diff" }),
      field(t("rules.note"), note, t("rules.noteHint")), problem,
      h("div", { class: "toolbar" },
        h("button", { type: "submit", class: "primary", id: "publish-confirm", value: "publish" }, t("rules.publishConfirm")),
        h("button", { type: "button", id: "publish-cancel", onclick: () => publishDialog.close() }, t("common.cancel"))));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!note.value.trim()) {
        problem.textContent = t("rules.noteMissing");
        note.setAttribute("aria-invalid", "true");
        note.focus();
        return;
      }
      publishDialog.close();
      publish(note.value.trim());
    });
    replace(publishDialog, form);
    publishDialog.showModal();
    note.focus();
  });
  publishDialog.addEventListener("close", () => {
    if (current && editor && !buttons.publish.disabled) buttons.publish.focus();
  });

  async function publish(note) {
    setBusy(true);
    try {
      const { body } = await api.put("/api/v1/rules/" + encodeURIComponent(current.name)
        + "?note=" + encodeURIComponent(note), { text: text() });
      await Promise.all([loadFiles(), loadVersions()]);
      await open(current.name);
      replace(result, notice("ok", t("rules.published", { version: body.version })));
      announce(t("rules.published", { version: body.version }));
    } catch (e) {
      failed(e, "rules.action.publish");
    } finally {
      setBusy(false);
    }
  }

  buttons.revert.addEventListener("click", () => {
    editor.setText(current.saved);
    clearOutcome();
  });

  buttons.remove.addEventListener("click", async () => {
    if (!await confirmDialog(t("rules.deleteConfirm", { name: current.name }))) return;
    clearOutcome();
    setBusy(true);
    try {
      const { body } = await api.delete("/api/v1/rules/" + encodeURIComponent(current.name));
      replace(result, notice("ok", t("rules.deleted", { name: current.name, version: body.version })));
      current = null;
      editor.destroy();
      editor = null;
      replace(editorHost);
      editorTitle.textContent = t("rules.choose");
      await Promise.all([loadFiles(), loadVersions()]);
    } catch (e) {
      failed(e, "rules.action.delete");
    } finally {
      setBusy(false);
    }
  });

  newForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = newName.value.trim().endsWith(".drl") ? newName.value.trim() : newName.value.trim() + ".drl";
    if (!FILE_NAME.test(name)) {
      replace(result, notice("error", t("rules.badName")));
      return;
    }
    newName.value = "";
    open(name, { isNew: true });
  });

  Promise.all([loadFiles(), loadVersions()]).then(([body]) => {
    if (initialFile && body && body.files.some((f) => f.name === initialFile)) open(initialFile);
  });

  return { element, title: t("rules.title"), leave: () => editor && editor.destroy() };
}

function describe(outcome) {
  if (!outcome) return "—";
  if (outcome.heldUntil) return t("rules.heldUntil", { until: when(outcome.heldUntil) });
  if (outcome.nothing || !outcome.contentId) return t("rules.nothing");
  return `${outcome.title ?? outcome.contentId} (${label("kind", outcome.kind)}${outcome.score !== undefined ? ", " + number(outcome.score) : ""})`;
}

function showSimulation(target, body) {
  const showAll = h("input", { type: "checkbox", id: "sim-show-all" });
  const tbody = h("tbody");
  const fill = () => replace(tbody, body.groups.filter((g) => showAll.checked || g.changed).map((g) =>
    h("tr", { "data-group": g.groupId, class: g.changed ? "changed" : "" },
      h("th", { scope: "row" }, h("a", { href: "#/groups/" + encodeURIComponent(g.groupId) }, g.name || g.groupId)),
      h("td", {}, describe(g.current)),
      h("td", {}, describe(g.proposed)),
      h("td", { "data-changed": String(Boolean(g.changed)) }, g.changed ? t("rules.changes") : t("rules.same")))));
  showAll.addEventListener("change", fill);
  fill();
  target.hidden = false;
  replace(target, h("div", { class: "card" },
    h("h2", { id: "simulation-title" }, t("rules.simulation")),
    h("p", {}, t("rules.simulationSummary", { version: body.activeVersion, changed: body.changed, unchanged: body.unchanged, total: body.total })),
    h("div", { class: "field inline" }, showAll, h("label", { for: "sim-show-all" }, t("rules.showUnchanged"))),
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("rules.simulationTable") },
      h("table", { class: "data simulation-table" },
        h("thead", {}, h("tr", {}, ["rules.col.group", "rules.col.now", "rules.col.proposed", ""].map((c) => h("th", { scope: "col" }, c ? t(c) : "")))),
        tbody))));
}
