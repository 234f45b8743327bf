// The playbook: the rule files, a DRL editor with errors at their lines, validation, a
// simulation of what would change, publishing, the version history and rollback.
import { h, replace, field, notice, when } from "../parts/dom.js";
import { drlEditor } from "../parts/drl-editor.js";
import { ApiFailure } from "../parts/api.js";

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.drl$/;
const NEW_FILE = `package playbook
import community.recommender.engine.model.*
ruleflow-group "candidates"

`;

export function rulesView({ api, announce }, initialFile) {
  const files = h("ul", { class: "file-list", "aria-label": "Rule files" });
  const summary = h("p", { class: "muted" });
  const mirror = h("div", { id: "rules-mirror", "aria-live": "polite" });
  const newName = h("input", { type: "text", name: "new-file", placeholder: "my-rules.drl", pattern: FILE_NAME.source });
  const newForm = h("form", { class: "new-file", "aria-label": "New rule file" },
    field("New file name", newName), h("button", { type: "submit" }, "New file"));

  const editorTitle = h("h2", { id: "editor-title" }, "Choose a file");
  const editorHost = h("div", { class: "editor-host", id: "editor" });
  const dirty = h("span", { class: "dirty", "aria-live": "polite" });
  const buttons = {
    validate: h("button", { type: "button", id: "validate", disabled: true }, "Validate"),
    simulate: h("button", { type: "button", id: "simulate", disabled: true }, "Simulate"),
    journey: h("button", { type: "button", id: "journey", disabled: true }, "Journey (30 days)"),
    publish: h("button", { type: "button", id: "publish", class: "primary", disabled: true }, "Publish"),
    revert: h("button", { type: "button", id: "revert", disabled: true }, "Revert changes"),
    remove: h("button", { type: "button", id: "delete", class: "danger", disabled: true }, "Delete file"),
  };
  const result = h("div", { id: "rule-result", "aria-live": "polite" });
  const errors = h("ol", { class: "errors", id: "rule-errors", "aria-label": "Errors" });
  const simulation = h("section", { id: "simulation", "aria-labelledby": "simulation-title", hidden: true });
  const versions = h("section", { class: "card", id: "versions", "aria-labelledby": "versions-title" },
    h("h2", { id: "versions-title" }, "Versions"));

  const element = h("section", { class: "rules", "aria-labelledby": "rules-title" },
    h("h1", { id: "rules-title" }, "Rules"),
    h("div", { class: "rules-layout" },
      h("aside", { class: "card files-pane", "aria-labelledby": "files-title" },
        h("h2", { id: "files-title" }, "Files"), summary, mirror, files, newForm),
      h("div", { class: "card editor-pane", "aria-labelledby": "editor-title" },
        h("div", { class: "editor-head" }, editorTitle, dirty),
        editorHost,
        h("div", { class: "toolbar", role: "toolbar", "aria-label": "Rule file actions" }, Object.values(buttons)),
        result, errors)),
    simulation, versions);

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
    dirty.textContent = current && text() !== current.saved ? "Unpublished changes" : "";
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
      replace(result, notice("error", `${action}: ${e.body.errors.length} error(s). The running rules are unchanged.`));
      showErrors(e.body.errors);
      announce(`${e.body.errors.length} errors`);
    } else {
      replace(result, notice("error", `${action} failed: ${e.message}`));
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
        replace(result, notice("error", `Cannot open ${name}: ${e.message}`));
        return;
      }
    }
    current = { name, saved, isNew };
    editorTitle.textContent = name;
    if (editor) editor.destroy();
    replace(editorHost);
    editor = drlEditor(editorHost, saved, { label: "DRL of " + name, onChange: markDirty });
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
      summary.textContent = `Active: version ${body.version}, ${body.rules.length} rules in ${body.files.length} files`;
      summary.dataset.version = body.version;
      replace(mirror, body.mirror && !body.mirror.written
        ? notice("info", `The rules folder ${body.mirror.folder} could not be written (${body.mirror.error}).`
          + " The rules run from the database; the folder is only a mirror.")
        : []);
      replace(files, body.files.map((f) => h("li", {},
        h("a", { href: "#/rules/" + encodeURIComponent(f.name), "data-file": f.name,
          onclick: (event) => {
            event.preventDefault();
            open(f.name);
          } }, f.name),
        h("span", { class: "muted" }, ` ${f.bytes} bytes`))));
      return body;
    } catch (e) {
      replace(files, notice("error", "The rule files could not be loaded: " + e.message));
      return null;
    }
  }

  async function loadVersions() {
    try {
      const { body } = await api.get("/api/v1/rules/versions");
      replace(versions, h("h2", { id: "versions-title" }, "Versions"),
        h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Versions table" },
          h("table", { class: "data versions-table" },
            h("thead", {}, h("tr", {}, ["Version", "When", "Who", "Files", ""].map((c) => h("th", { scope: "col" }, c)))),
            h("tbody", {}, body.items.map((v) => h("tr", { "data-version": v.version, class: v.active ? "active" : "" },
              h("td", {}, "v" + v.version, v.active ? h("span", { class: "badge" }, " active") : null),
              h("td", {}, when(v.createdAt)),
              h("td", {}, v.author),
              h("td", {}, (v.fileNames ?? []).join(", ")),
              h("td", {}, v.active ? null : h("button", { type: "button", class: "rollback",
                "aria-label": `Roll back to version ${v.version}`, onclick: () => rollback(v.version) },
              "Roll back to this"))))))));
    } catch (e) {
      replace(versions, h("h2", { id: "versions-title" }, "Versions"), notice("error", e.message));
    }
  }

  async function rollback(version) {
    if (!confirm(`Activate the files of version ${version} again, as a new version?`)) return;
    try {
      const { body } = await api.post(`/api/v1/rules/versions/${version}/activate`, { json: {} });
      await refresh();
      replace(result, notice("ok", `Rolled back: version ${body.version} is active, with the files of version ${version}.`));
      announce(`Version ${body.version} active`);
    } catch (e) {
      failed(e, "Rollback");
    }
  }

  async function refresh() {
    await Promise.all([loadFiles(), loadVersions()]);
    if (current && !current.isNew) {
      const stillThere = files.querySelector(`a[data-file="${CSS.escape(current.name)}"]`);
      if (stillThere) await open(current.name);
    }
  }

  buttons.validate.addEventListener("click", async () => {
    clearOutcome();
    setBusy(true);
    try {
      await api.post("/api/v1/rules/validate", { json: { files: changes() } });
      replace(result, notice("ok", "Valid: the whole rule set compiles with this change."));
      announce("Valid");
    } catch (e) {
      failed(e, "Validation");
    } finally {
      setBusy(false);
    }
  });

  buttons.simulate.addEventListener("click", async () => {
    clearOutcome();
    setBusy(true);
    replace(result, notice("info", "Simulating every group under the proposed rules…"));
    try {
      const { body } = await api.post("/api/v1/rules/simulate", { json: { files: changes() } });
      replace(result, notice("ok", `Simulated: ${body.changed} of ${body.total} groups would get a different suggestion.`));
      showSimulation(simulation, body);
      announce(`${body.changed} groups would change`);
    } catch (e) {
      failed(e, "Simulation");
    } finally {
      setBusy(false);
    }
  });

  // The proposed set's next 30 days over the first page of groups (at most 50): stalls, offers and the mix of kinds.
  buttons.journey.addEventListener("click", async () => {
    clearOutcome();
    setBusy(true);
    replace(result, notice("info", "Running every group's next 30 days under the proposed rules…"));
    try {
      const { body } = await api.post("/api/v1/journeys", { json: { days: 30, files: changes() } });
      const kinds = Object.entries(body.kinds ?? {}).map(([k, n]) => `${n} ${k.toLowerCase()}`).join(", ");
      replace(result, notice(body.stalls > 0 ? "error" : "ok",
        h("span", { id: "journey-report" }, `Journey of ${body.groupCount} groups over ${body.days} days: `
          + `${body.stalls} stalls${body.stalledGroups.length ? " (" + body.stalledGroups.join(", ") + ")" : ""}, `
          + `${body.offersPerGroupMonth} offers per group-month, ${kinds}, ${body.gaps.length} content gaps.`
          + (body.next ? ` These are the first ${body.groupCount} of ${body.total} groups.` : ""))));
      announce(`${body.stalls} stalls`);
    } catch (e) {
      failed(e, "Journey");
    } finally {
      setBusy(false);
    }
  });

  buttons.publish.addEventListener("click", async () => {
    clearOutcome();
    setBusy(true);
    try {
      const { body } = await api.put("/api/v1/rules/" + encodeURIComponent(current.name), { text: text() });
      await Promise.all([loadFiles(), loadVersions()]);
      await open(current.name);
      replace(result, notice("ok", `Published: version ${body.version} is active.`));
      announce(`Published version ${body.version}`);
    } catch (e) {
      failed(e, "Publishing");
    } finally {
      setBusy(false);
    }
  });

  buttons.revert.addEventListener("click", () => {
    editor.setText(current.saved);
    clearOutcome();
  });

  buttons.remove.addEventListener("click", async () => {
    if (!confirm(`Delete ${current.name}? The rest of the rule set must still compile.`)) return;
    clearOutcome();
    setBusy(true);
    try {
      const { body } = await api.delete("/api/v1/rules/" + encodeURIComponent(current.name));
      replace(result, notice("ok", `Deleted ${current.name}: version ${body.version} is active.`));
      current = null;
      editor.destroy();
      editor = null;
      replace(editorHost);
      editorTitle.textContent = "Choose a file";
      await Promise.all([loadFiles(), loadVersions()]);
    } catch (e) {
      failed(e, "Deleting");
    } finally {
      setBusy(false);
    }
  });

  newForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = newName.value.trim().endsWith(".drl") ? newName.value.trim() : newName.value.trim() + ".drl";
    if (!FILE_NAME.test(name)) {
      replace(result, notice("error", "Name rule files like my-rules.drl: letters, digits, '.', '_' and '-'."));
      return;
    }
    newName.value = "";
    open(name, { isNew: true });
  });

  Promise.all([loadFiles(), loadVersions()]).then(([body]) => {
    if (initialFile && body && body.files.some((f) => f.name === initialFile)) open(initialFile);
  });

  return { element, title: "Rules", leave: () => editor && editor.destroy() };
}

function describe(outcome) {
  if (!outcome) return "—";
  if (outcome.heldUntil) return "held until " + when(outcome.heldUntil);
  if (outcome.nothing || !outcome.contentId) return "nothing";
  return `${outcome.title ?? outcome.contentId} (${outcome.kind ?? ""}${outcome.score !== undefined ? ", " + outcome.score : ""})`;
}

function showSimulation(target, body) {
  const showAll = h("input", { type: "checkbox", id: "sim-show-all" });
  const tbody = h("tbody");
  const fill = () => replace(tbody, body.groups.filter((g) => showAll.checked || g.changed).map((g) =>
    h("tr", { "data-group": g.groupId, class: g.changed ? "changed" : "" },
      h("th", { scope: "row" }, h("a", { href: "#/groups/" + encodeURIComponent(g.groupId) }, g.name || g.groupId)),
      h("td", {}, describe(g.current)),
      h("td", {}, describe(g.proposed)),
      h("td", {}, g.changed ? "changes" : "same"))));
  showAll.addEventListener("change", fill);
  fill();
  target.hidden = false;
  replace(target, h("div", { class: "card" },
    h("h2", { id: "simulation-title" }, "Simulation"),
    h("p", {}, `Active version ${body.activeVersion}: ${body.changed} changed, ${body.unchanged} unchanged, of ${body.total} groups.`),
    h("div", { class: "field inline" }, showAll, h("label", { for: "sim-show-all" }, "Show unchanged groups too")),
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Simulation table" },
      h("table", { class: "data simulation-table" },
        h("thead", {}, h("tr", {}, ["Group", "Now", "With this change", ""].map((c) => h("th", { scope: "col" }, c)))),
        tbody))));
}
