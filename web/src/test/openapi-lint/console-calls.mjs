// Makes the console's API calls, through the console's own api.js, against the server at the given
// address (in the contract IT, a Prism proxy that checks each exchange against openapi.yaml).
// Each call is the one a view makes, with the same path and body; every answer must be 2xx.
// Node has fetch but no XMLHttpRequest: the upload goes through a small stand-in built on fetch,
// with the same multipart form the browser sends.
//
//   node console-calls.mjs http://127.0.0.1:4010 <admin token>
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [base, token] = process.argv.slice(2);
if (!base || !token) {
  console.error("usage: node console-calls.mjs <server address> <token>");
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const consoleApi = path.resolve(here, "../../../../console/src/parts/api.js");

const nodeFetch = globalThis.fetch;
globalThis.fetch = (resource, options) => nodeFetch(new URL(resource, base), options);

globalThis.XMLHttpRequest = class {
  constructor() {
    this.headers = {};
    this.listeners = {};
    this.upload = { addEventListener() {} };
  }
  open(method, resource) {
    this.method = method;
    this.resource = resource;
  }
  setRequestHeader(name, value) {
    this.headers[name] = value;
  }
  addEventListener(event, listener) {
    this.listeners[event] = listener;
  }
  send(body) {
    fetch(this.resource, { method: this.method, headers: this.headers, body })
      .then(async (response) => {
        this.status = response.status;
        this.responseText = await response.text();
        this.listeners.load?.();
      })
      .catch(() => this.listeners.error?.());
  }
};

const { createApi } = await import(pathToFileURL(consoleApi).href);
const api = createApi(token);
const failures = [];
let made = 0;

async function call(view, answer) {
  made += 1;
  try {
    const result = await answer;
    console.log(`ok  ${result.status} ${view}`);
    return result;
  } catch (e) {
    failures.push(`${view}: ${e.status} ${e.message}${e.body ? " " + JSON.stringify(e.body) : ""}`);
    return null;
  }
}

// main.js: sign-in
await call("main: session", api.get("/api/v1/session"));
// stats.js
await call("stats", api.get("/api/v1/stats"));
// groups.js
const groups = await call("groups: list", api.get("/api/v1/groups?pageSize=500"));
const groupId = groups?.body.items[0]?.id;
// group.js
if (groupId) {
  const group = "/api/v1/groups/" + encodeURIComponent(groupId);
  await call("group: read", api.get(group));
  await call("group: suggestion explained", api.get(group + "/suggestion?explain=true"));
  await call("group: journey", api.post(group + "/journey", { json: { days: 30 } }));
} else {
  failures.push("groups: the demo data has no group to open");
}
// content.js
await call("content: gaps", api.get("/api/v1/content/gaps"));
const search = await call("content: search", api.get("/api/v1/content?" + new URLSearchParams({ page: 1 })));
await call("content: search with filters",
  api.get("/api/v1/content?" + new URLSearchParams({ q: "tea", kind: "POST", status: "published", page: 1 })));
const itemId = search?.body.items[0]?.id;
if (itemId) {
  const item = (await call("content: open", api.get("/api/v1/content/" + encodeURIComponent(itemId))))?.body;
  if (item) {
    const changed = { ...item, status: item.status,
      validFrom: item.validFrom ? new Date(item.validFrom).toISOString() : null,
      validUntil: item.validUntil ? new Date(item.validUntil).toISOString() : null };
    await call("content: save", api.put("/api/v1/content/" + encodeURIComponent(item.id), { json: changed }));
  }
} else {
  failures.push("content: the demo library has no item to open");
}
const markdown = "---\nid: prism-contract-check\nkind: POST\ntitle: Contract check\nlanguage: en\ntags: [check]\n"
  + "status: draft\n---\nA post uploaded by the contract check.\n";
await call("content: upload",
  api.upload("/api/v1/content/uploads", "files", [new File([markdown], "prism-contract-check.md")], () => {}));
// rules.js
const files = await call("rules: list", api.get("/api/v1/rules"));
const fileName = files?.body.files?.[0]?.name;
if (fileName) {
  const text = (await call("rules: open", api.get("/api/v1/rules/" + encodeURIComponent(fileName))))?.body;
  const changes = { [fileName]: text };
  await call("rules: validate", api.post("/api/v1/rules/validate", { json: { files: changes } }));
  await call("rules: simulate", api.post("/api/v1/rules/simulate", { json: { files: changes } }));
  await call("rules: journeys", api.post("/api/v1/journeys", { json: { days: 30, files: changes } }));
  await call("rules: publish", api.put("/api/v1/rules/" + encodeURIComponent(fileName), { text }));
} else {
  failures.push("rules: no rule file to open");
}
const extra = "prism-contract-check.drl";
await call("rules: publish a new file",
  api.put("/api/v1/rules/" + extra, { text: "package playbook\n\n// An empty file, added and removed by the contract check.\n" }));
await call("rules: remove", api.delete("/api/v1/rules/" + extra));
const versions = await call("rules: versions", api.get("/api/v1/rules/versions"));
const version = versions?.body.activeVersion;
if (version) {
  await call("rules: activate", api.post(`/api/v1/rules/versions/${version}/activate`, { json: {} }));
} else {
  failures.push("rules: no rule set version to activate");
}
// stats.js: learning's shadow report
await call("stats: learning shadow", api.get("/api/v1/learning/shadow"));
// content-performance.js
if (itemId) {
  await call("content: performance", api.get("/api/v1/content/" + encodeURIComponent(itemId) + "/performance"));
}
// experiments.js: list, start, watch, report, stop
await call("experiments: list", api.get("/api/v1/experiments"));
const ruleVersions = await call("experiments: rule versions", api.get("/api/v1/rules/versions"));
const challenger = ruleVersions?.body.items[0]?.version;
const ends = new Date(Date.now() + 28 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10) + "T00:00:00Z";
const started = await call("experiments: start", api.post("/api/v1/experiments", { json: {
  name: "Contract check", population: {},
  arms: [{ name: "playbook", weight: 45, treatment: "active" },
    { name: "challenger", weight: 45, treatment: "version", version: challenger },
    { name: "holdout", weight: 10, treatment: "holdout" }],
  metric: "interactions", endsAt: ends, baselineDays: 28 } }));
const experimentId = started?.body.id;
if (experimentId) {
  const experiment = "/api/v1/experiments/" + encodeURIComponent(experimentId);
  await call("experiments: watch", api.get(experiment));
  await call("experiments: groups", api.get(experiment + "/groups"));
  await call("experiments: report", api.get(experiment + "/report"));
  await call("experiments: stop", api.post(experiment + "/stop"));
} else {
  failures.push("experiments: none was started");
}

if (failures.length > 0) {
  console.error(`${failures.length} of ${made} console calls failed:`);
  for (const failure of failures) console.error("  " + failure);
  process.exit(1);
}
console.log(`all ${made} console calls answered 2xx`);
