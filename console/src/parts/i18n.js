// The console's two languages: Simplified Chinese and English. The language comes from the
// reader's choice (remembered) or else the browser's; every label, message, enum value, date and
// number goes through here.
import { en } from "../messages/en.js";
import { zhCN } from "../messages/zh-CN.js";

/** The catalogs by language tag; both hold exactly the same keys (checked by console/test). */
export const CATALOGS = { en, "zh-CN": zhCN };
export const LANGUAGES = [{ tag: "zh-CN", name: "中文" }, { tag: "en", name: "English" }];

const CHOICE_KEY = "recommender.language";
let current = initialLanguage();

function initialLanguage() {
  const chosen = localStorage.getItem(CHOICE_KEY);
  if (chosen && CATALOGS[chosen]) return chosen;
  return fromBrowser(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** The first of the browser's languages we have: any Chinese is zh-CN, anything else English. */
export function fromBrowser(tags) {
  for (const tag of tags ?? []) {
    const lower = String(tag ?? "").toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

export function language() {
  return current;
}

/** Switches the language, remembers the choice and sets <html lang>. */
export function setLanguage(tag) {
  if (!CATALOGS[tag]) return;
  current = tag;
  localStorage.setItem(CHOICE_KEY, tag);
  applyLanguage();
}

/** Sets <html lang> and the page's title to the current language. */
export function applyLanguage() {
  document.documentElement.lang = current;
}

/**
 * The message for key in the current language, with {name} placeholders filled from params.
 * A message may be {one, other}, chosen by params.count. Numbers in params are formatted.
 */
export function t(key, params = {}) {
  let message = CATALOGS[current][key] ?? CATALOGS.en[key];
  if (message === undefined) return key;
  if (typeof message === "object") {
    const form = new Intl.PluralRules(current).select(Number(params.count ?? 0));
    message = message[form] ?? message.other;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return typeof value === "number" ? number(value) : String(value);
  });
}

/** An enum value's label, such as t("enum.band.HOT"); an unknown value is shown as it is. */
export function label(kind, value) {
  if (value === undefined || value === null || value === "") return "—";
  const key = `enum.${kind}.${value}`;
  return CATALOGS[current][key] ?? String(value);
}

/** A number in the current language. */
export function number(value, options) {
  if (typeof value !== "number" || Number.isNaN(value)) return String(value);
  return new Intl.NumberFormat(current, options).format(value);
}

/** A date and time in the current language, or an em dash. */
export function dateTime(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso)
    : new Intl.DateTimeFormat(current, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A date in the current language, or an em dash. */
export function dateOnly(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : new Intl.DateTimeFormat(current, { dateStyle: "medium" }).format(date);
}

/** A list such as "a, b and c" / "a、b和c". */
export function list(items) {
  return new Intl.ListFormat(current, { style: "short", type: "conjunction" }).format(items.map(String));
}

const LEADS = { 0: "error.lead.network", 400: "error.lead.400", 401: "error.lead.401", 403: "error.lead.403",
  404: "error.lead.404", 409: "error.lead.409", 412: "error.lead.412", 413: "error.lead.413", 415: "error.lead.415",
  422: "error.lead.422", 429: "error.lead.429", 503: "error.lead.503" };

/**
 * A failure told in the reader's language: a translated lead for its status, then the server's own
 * (English) message, which names the field at fault.
 */
export function failure(e) {
  const status = typeof e?.status === "number" ? e.status : -1;
  const lead = t(LEADS[status] ?? (status >= 500 ? "error.lead.5xx" : "error.lead.other"), { status });
  return e?.message ? `${lead} ${e.message}` : lead;
}
