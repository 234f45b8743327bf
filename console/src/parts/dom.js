// Builds DOM nodes without HTML strings, so no text from the server is ever parsed as markup.
import { dateTime } from "./i18n.js";

/**
 * Creates an element: h("button", {type: "button", onclick: fn}, "Save").
 * Attributes starting with "on" become listeners; null and false attributes are left out;
 * children may be nodes, strings, numbers, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

const SVG = "http://www.w3.org/2000/svg";

/** Creates an SVG element, with attributes and children as for h(). */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else {
      el.setAttribute(name, String(value));
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside el with children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A labelled form field: the label wraps nothing, and points at the control by id. */
export function field(label, control, hint) {
  if (!control.id) control.id = uniqueId(label);
  return h("div", { class: "field" },
    h("label", { for: control.id }, label),
    control,
    hint ? h("small", { class: "hint" }, hint) : null);
}

let counter = 0;
function uniqueId(label) {
  counter += 1;
  return "f-" + counter;
}

/** A select with options [{value, label}] or plain strings; the first option may be "any". */
export function select(options, value, attrs = {}) {
  const el = h("select", attrs,
    options.map((o) => {
      const opt = typeof o === "string" ? { value: o, label: o } : o;
      return h("option", { value: opt.value, selected: opt.value === value }, opt.label);
    }));
  return el;
}

/** A short date and time in the console's language, or an em dash. */
export function when(iso) {
  return dateTime(iso);
}

/** A notice box: kind is "info", "error" or "ok". */
export function notice(kind, ...children) {
  return h("div", { class: "notice notice-" + kind, role: kind === "error" ? "alert" : null }, children);
}
