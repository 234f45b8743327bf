// Tokens, for admins: create one with a role, a name and (for bots) its groups, shown once with a
// copy button; the list with each token's last use; revoke.
import { h, replace, field, select, notice, when } from "../parts/dom.js";
import { t, label, failure } from "../parts/i18n.js";
import { confirmDialog } from "../parts/confirm.js";

const ROLES = ["bot", "editor", "operator", "admin"];

export function tokensView({ api, announce }) {
  const role = select(ROLES.map((r) => ({ value: r, label: label("role", r) })), "bot", { name: "token-role" });
  const name = h("input", { type: "text", name: "token-name", maxlength: "100", required: true });
  const groups = h("select", { name: "token-groups", multiple: true, size: "5" });
  const groupsField = field(t("tokens.groups"), groups, t("tokens.groupsHint"));
  const created = h("div", { id: "token-created", "aria-live": "polite" });
  const form = h("form", { class: "filters token-form", id: "token-form", "aria-labelledby": "token-new-title", novalidate: true },
    field(t("tokens.role"), role), field(t("tokens.name"), name), groupsField,
    h("button", { type: "submit", class: "primary", id: "create-token" }, t("tokens.create")));
  const listing = h("div", { id: "token-list" }, h("p", {}, t("common.loading")));
  const element = h("section", { "aria-labelledby": "tokens-title" },
    h("h1", { id: "tokens-title" }, t("tokens.title")),
    h("section", { class: "card" }, h("h2", { id: "token-new-title" }, t("tokens.new")), form, created),
    h("section", { class: "card", "aria-labelledby": "token-list-title" },
      h("h2", { id: "token-list-title" }, t("tokens.list")), listing));

  const showGroups = () => {
    groupsField.hidden = role.value !== "bot";
  };
  role.addEventListener("change", showGroups);
  showGroups();
  api.get("/api/v1/groups?pageSize=500").then(({ body }) => replace(groups,
    (body.items ?? []).map((g) => h("option", { value: g.id }, g.name ? `${g.name} (${g.id})` : g.id))))
    .catch(() => {});

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    replace(created);
    if (!name.value.trim()) {
      replace(created, notice("error", t("tokens.nameMissing")));
      name.focus();
      return;
    }
    const request = { role: role.value, name: name.value.trim() };
    if (role.value === "bot") request.groups = [...groups.selectedOptions].map((o) => o.value);
    try {
      const { body } = await api.post("/api/v1/tokens", { json: request });
      const secret = h("input", { type: "text", readonly: true, id: "token-secret", value: body.token,
        "aria-label": t("tokens.secret"), spellcheck: "false" });
      const copied = h("span", { class: "muted", "aria-live": "polite" });
      const copy = h("button", { type: "button", id: "copy-token", onclick: async () => {
        secret.select();
        try {
          await navigator.clipboard.writeText(body.token);
          copied.textContent = t("tokens.copied");
        } catch {
          copied.textContent = t("tokens.copyByHand");
        }
      } }, t("tokens.copy"));
      replace(created, notice("ok", h("p", {}, t("tokens.shownOnce", { name: body.name ?? "" })),
        h("div", { class: "secret-row" }, secret, copy, copied)));
      name.value = "";
      secret.focus();
      secret.select();
      announce(t("tokens.createdFor", { name: body.name ?? "" }));
      await load();
    } catch (e) {
      replace(created, notice("error", failure(e)));
    }
  });

  async function load() {
    try {
      const { body } = await api.get("/api/v1/tokens");
      replace(listing, h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("tokens.table") },
        h("table", { class: "data tokens-table" },
          h("thead", {}, h("tr", {}, ["tokens.name", "tokens.role", "tokens.groups", "tokens.createdAt", "tokens.lastUsed",
            "tokens.state", ""].map((c) => h("th", { scope: "col" }, c ? t(c) : "")))),
          h("tbody", {}, body.items.map((k) => h("tr", { "data-token": k.id, class: k.revokedAt ? "revoked" : "" },
            h("th", { scope: "row" }, k.name || "—"),
            h("td", {}, label("role", k.role)),
            h("td", {}, k.role === "bot" ? ((k.groups ?? []).join(", ") || t("tokens.everyGroup")) : "—"),
            h("td", {}, when(k.createdAt), k.createdBy ? h("span", { class: "muted" }, " · " + k.createdBy) : null),
            h("td", { class: "last-used" }, k.lastUsedAt ? when(k.lastUsedAt) : t("tokens.neverUsed")),
            h("td", {}, k.revokedAt ? t("tokens.revokedAt", { when: when(k.revokedAt) }) : t("tokens.active")),
            h("td", {}, k.revokedAt ? null : h("button", { type: "button", class: "danger revoke",
              "aria-label": t("tokens.revokeNamed", { name: k.name || k.id }), onclick: () => revoke(k) }, t("tokens.revoke")))))))));
    } catch (e) {
      replace(listing, notice("error", failure(e)));
    }
  }

  async function revoke(token) {
    if (!await confirmDialog(t("tokens.revokeConfirm", { name: token.name || token.id }))) return;
    try {
      await api.delete("/api/v1/tokens/" + encodeURIComponent(token.id));
      announce(t("tokens.revoked", { name: token.name || token.id }));
      await load();
    } catch (e) {
      replace(created, notice("error", failure(e)));
    }
  }

  load();
  return { element, title: t("tokens.title") };
}
