// A group's portrait as a form with every public key; the server's 422 is shown at its field.
import { h, replace, field, select, notice } from "../parts/dom.js";
import { t, label, failure } from "../parts/i18n.js";

const PLATFORMS = ["wecom", "wechat", "telegram", "discord", "slack", "other"];
const TYPES = ["product", "interest", "brand", "knowledge", "tool"];
const LISTS = ["interests", "kocs", "labels"];
const NUMBERS = ["memberCount", "kocCount"];
const TEXTS = ["name", "region", "language", "timezone", "quietHours", "owner", "startedAt"];

/**
 * A form for the portrait of group (null for a new group, whose id is then asked for too).
 * onSaved(id) runs once the server accepted it.
 */
export function portraitForm(api, group, { onSaved, onCancel }) {
  const p = group?.portrait ?? {};
  const controls = {
    id: group ? null : h("input", { type: "text", name: "id", required: true, maxlength: "128", autocomplete: "off" }),
    name: h("input", { type: "text", name: "name", required: true, maxlength: "200", value: p.name ?? "" }),
    platform: select(PLATFORMS.map((v) => ({ value: v, label: label("platform", v) })), p.platform ?? "wecom", { name: "platform" }),
    type: select(TYPES.map((v) => ({ value: v, label: label("communityType", v) })), p.type ?? "interest", { name: "type" }),
    interests: h("input", { type: "text", name: "interests", value: (p.interests ?? []).join(", ") }),
    region: h("input", { type: "text", name: "region", value: p.region ?? "", placeholder: "CN-SH-Shanghai" }),
    language: h("input", { type: "text", name: "language", value: p.language ?? "", placeholder: "zh" }),
    timezone: h("input", { type: "text", name: "timezone", value: p.timezone ?? "", placeholder: "Asia/Shanghai" }),
    quietHours: h("input", { type: "text", name: "quietHours", value: p.quietHours ?? "", placeholder: "22:00-08:00" }),
    memberCount: h("input", { type: "number", name: "memberCount", min: "0", value: p.memberCount ?? "" }),
    kocCount: h("input", { type: "number", name: "kocCount", min: "0", value: p.kocCount ?? "" }),
    kocs: h("input", { type: "text", name: "kocs", value: (p.kocs ?? []).join(", ") }),
    owner: h("input", { type: "text", name: "owner", value: p.owner ?? "" }),
    labels: h("input", { type: "text", name: "labels", value: (p.labels ?? []).join(", ") }),
    attributes: h("textarea", { name: "attributes", rows: "3", placeholder: "minGapMinutes=120\nmonthlySendQuota=8" },
      Object.entries(p.attributes ?? {}).map(([k, v]) => `${k}=${v}`).join("\n")),
    startedAt: h("input", { type: "text", name: "startedAt", value: p.startedAt ?? "", placeholder: "2025-03-01" }),
  };
  const errors = {};
  const fields = Object.entries(controls).filter(([, c]) => c).map(([key, control]) => {
    errors[key] = h("small", { class: "field-error", id: "error-" + key, "aria-live": "polite" });
    control.setAttribute("aria-describedby", "error-" + key);
    const wrapper = field(t("portrait." + key), control, hintFor(key));
    wrapper.dataset.field = key;
    wrapper.append(errors[key]);
    return wrapper;
  });
  const outcome = h("div", { class: "form-result", "aria-live": "polite" });
  const form = h("form", { class: "portrait-form", id: "portrait-form", novalidate: true },
    h("div", { class: "form-grid" }, fields),
    h("div", { class: "toolbar" },
      h("button", { type: "submit", class: "primary", id: "save-portrait" }, t("portrait.save")),
      h("button", { type: "button", onclick: () => onCancel?.() }, t("portrait.cancel"))),
    outcome);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    for (const e of Object.values(errors)) e.textContent = "";
    for (const c of Object.values(controls)) c?.removeAttribute("aria-invalid");
    replace(outcome);
    const id = group ? group.id : controls.id.value.trim();
    if (!id) {
      showAt("id", t("portrait.idMissing"));
      return;
    }
    const portrait = read(controls);
    if (portrait.problem) {
      showAt(portrait.problem.field, portrait.problem.message);
      return;
    }
    try {
      await api.put("/api/v1/groups/" + encodeURIComponent(id), { json: portrait.value });
      replace(outcome, notice("ok", t("portrait.saved")));
      onSaved?.(id);
    } catch (e) {
      const at = String(e.body?.error?.field ?? "").split(/[.[]/)[0];
      if (controls[at]) showAt(at, failure(e));
      else replace(outcome, notice("error", failure(e)));
    }
  });

  function showAt(key, message) {
    errors[key].textContent = message;
    controls[key].setAttribute("aria-invalid", "true");
    controls[key].focus();
  }
  return form;
}

function hintFor(key) {
  return ["interests", "kocs", "labels"].includes(key) ? t("portrait.hint.list")
    : key === "attributes" ? t("portrait.hint.attributes")
      : key === "quietHours" ? t("portrait.hint.quietHours") : null;
}

/** The portrait as JSON from the form, or the first problem the browser can see for itself. */
function read(controls) {
  const value = {};
  for (const key of TEXTS) {
    const text = controls[key].value.trim();
    if (text || key === "name") value[key] = text;
  }
  value.platform = controls.platform.value;
  value.type = controls.type.value;
  for (const key of LISTS) {
    value[key] = controls[key].value.split(/[,，、\n]/).map((s) => s.trim()).filter(Boolean);
  }
  for (const key of NUMBERS) {
    const text = controls[key].value.trim();
    if (!text) continue;
    if (!/^\d+$/.test(text)) return { problem: { field: key, message: t("portrait.notWhole") } };
    value[key] = Number(text);
  }
  const attributes = {};
  for (const line of controls.attributes.value.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf("=");
    if (at < 1) return { problem: { field: "attributes", message: t("portrait.attributeLine", { line }) } };
    attributes[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  value.attributes = attributes;
  return { value };
}
