// The console: sign-in, the role's sections, and a hash router that shows one view at a time.
import "./styles.css";
import { createApi, ApiFailure } from "./parts/api.js";
import { h, replace, field, notice } from "./parts/dom.js";
import { t, label, language, setLanguage, applyLanguage, LANGUAGES, failure } from "./parts/i18n.js";
import { groupsView } from "./views/groups.js";
import { groupView } from "./views/group.js";
import { contentView } from "./views/content.js";
import { rulesView } from "./views/rules.js";
import { statsView } from "./views/stats.js";
import { tokensView } from "./views/tokens.js";
import { experimentsView } from "./views/experiments.js";

const TOKEN_KEY = "recommender.token";

/** The sections of the console, and who may use each: the roles the API lets read its data. */
export const SECTIONS = [
  { path: "groups", label: "nav.groups", roles: ["admin", "operator"] },
  { path: "content", label: "nav.content", roles: ["admin", "operator", "editor"] },
  { path: "rules", label: "nav.rules", roles: ["admin", "operator"] },
  { path: "stats", label: "nav.stats", roles: ["admin", "operator"] },
  { path: "experiments", label: "nav.experiments", roles: ["admin", "operator"] },
  { path: "tokens", label: "nav.tokens", roles: ["admin"] },
];

const main = document.getElementById("main");
const nav = document.getElementById("nav");
const who = document.getElementById("who");
const status = document.getElementById("status");
const brand = document.querySelector(".brand");
const skip = document.querySelector(".skip-link");

let session = null;
let leaveView = null;

/** Says something short in the live region, for everyone including screen readers. */
export function announce(message) {
  status.textContent = message;
}

async function whoIs(api) {
  return (await api.get("/api/v1/session")).body;
}

async function signIn(token) {
  const api = createApi(token);
  const me = await whoIs(api);
  session = { api, role: me.role, name: me.name || "", groups: me.groups || [] };
  sessionStorage.setItem(TOKEN_KEY, token);
  showChrome();
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  session = null;
  location.hash = "";
  showChrome();
  route();
}

function sections() {
  return session ? SECTIONS.filter((s) => s.roles.includes(session.role)) : [];
}

/** The language switch: a select of the two languages, each named in itself. */
function languageSwitch() {
  const control = h("select", { id: "language", name: "language", "aria-label": t("chrome.language") },
    LANGUAGES.map((l) => h("option", { value: l.tag, lang: l.tag, selected: l.tag === language() }, l.name)));
  control.addEventListener("change", () => {
    setLanguage(control.value);
    showChrome();
    route();
    document.getElementById("language")?.focus();
  });
  return control;
}

function showChrome() {
  applyLanguage();
  brand.textContent = t("chrome.brand");
  skip.textContent = t("chrome.skip");
  nav.setAttribute("aria-label", t("chrome.sections"));
  if (!session) {
    nav.hidden = true;
    replace(nav);
    replace(who, languageSwitch());
    return;
  }
  nav.hidden = false;
  replace(nav, h("ul", {}, sections().map((s) =>
    h("li", {}, h("a", { href: "#/" + s.path, "data-section": s.path }, t(s.label))))));
  replace(who,
    h("span", { class: "role", "data-role": session.role },
      (session.name ? session.name + " · " : "") + label("role", session.role)),
    languageSwitch(),
    h("button", { type: "button", class: "link", id: "sign-out", onclick: signOut }, t("chrome.signOut")));
}

function signInView() {
  const input = h("input", { type: "password", name: "token", autocomplete: "current-password", required: true,
    spellcheck: "false" });
  const error = h("div", { "aria-live": "assertive" });
  const form = h("form", { class: "card signin", "aria-labelledby": "signin-title" },
    h("h1", { id: "signin-title" }, t("signin.title")),
    h("p", {}, t("signin.intro.before"), h("code", {}, "data/admin.token"), t("signin.intro.after")),
    field(t("signin.token"), input),
    error,
    h("button", { type: "submit", class: "primary" }, t("signin.submit")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    replace(error);
    try {
      await signIn(input.value.trim());
      if (!location.hash || location.hash === "#/" || location.hash === "#") {
        location.hash = "#/" + (sections()[0]?.path ?? "");
      } else {
        route();
      }
    } catch (e) {
      const message = e instanceof ApiFailure && e.status === 401 ? t("signin.unknown") : failure(e);
      replace(error, notice("error", message));
    }
  });
  setTimeout(() => input.focus(), 0);
  return form;
}

function route() {
  if (leaveView) {
    leaveView();
    leaveView = null;
  }
  if (!session) {
    replace(main, signInView());
    return;
  }
  const [section, ...rest] = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const allowed = sections();
  for (const link of nav.querySelectorAll("a")) {
    link.toggleAttribute("aria-current", link.dataset.section === section);
    if (link.dataset.section === section) link.setAttribute("aria-current", "page");
  }
  if (session.role === "bot" || allowed.length === 0) {
    replace(main, notice("info", t("signin.bot")));
    return;
  }
  if (!allowed.some((s) => s.path === section)) {
    location.replace("#/" + allowed[0].path);
    return;
  }
  const context = { api: session.api, role: session.role, announce, main };
  let view;
  if (section === "groups" && rest.length > 0 && rest[0]) view = groupView(context, rest[0]);
  else if (section === "groups") view = groupsView(context);
  else if (section === "content") view = contentView(context, rest[0]);
  else if (section === "rules") view = rulesView(context, rest[0]);
  else if (section === "tokens") view = tokensView(context);
  else if (section === "experiments") view = experimentsView(context, rest[0], rest[1]);
  else view = statsView(context);
  replace(main, view.element);
  leaveView = view.leave ?? null;
  document.title = (view.title ? view.title + " · " : "") + t("chrome.brand");
}

window.addEventListener("hashchange", route);
showChrome();

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) {
  signIn(saved).catch(() => sessionStorage.removeItem(TOKEN_KEY)).finally(route);
} else {
  route();
}
