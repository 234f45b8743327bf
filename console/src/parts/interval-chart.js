// A forest plot: for each arm, the 95% interval of its difference against the control as a bar,
// the point estimate as a dot, and a line at zero, where an interval that crosses it shows no
// difference yet. An image with a title and a text description for screen readers.
import { svg, h } from "./dom.js";

/** rows: [{label, difference, low, high}]; the scale always includes zero. */
export function intervalChart({ title, zeroLabel, rows }) {
  const width = 640, left = 120, right = 24, top = 26, rowH = 34, bottom = 24;
  const height = top + rows.length * rowH + bottom;
  const lowest = Math.min(0, ...rows.map((r) => r.low));
  const highest = Math.max(0, ...rows.map((r) => r.high));
  const pad = (highest - lowest || 1) * 0.08;
  const from = lowest - pad, to = highest + pad;
  const x = (v) => left + ((v - from) / (to - from)) * (width - left - right);
  const id = "interval-" + Math.random().toString(36).slice(2);
  const description = rows.map((r) => `${r.label}: ${fixed(r.difference)} (${fixed(r.low)} … ${fixed(r.high)})`).join("; ");
  const marks = rows.flatMap((r, i) => {
    const y = top + i * rowH + rowH / 2;
    const side = r.low > 0 ? "above" : r.high < 0 ? "below" : "across";
    return [
      svg("text", { x: left - 8, y: y + 4, "text-anchor": "end", class: "axis" }, clip(r.label, 16)),
      svg("g", { class: "interval interval-" + side, "data-arm": r.label },
        svg("title", {}, `${r.label}: ${fixed(r.difference)} (${fixed(r.low)} … ${fixed(r.high)})`),
        svg("line", { x1: x(r.low), x2: x(r.high), y1: y, y2: y, class: "interval-bar" }),
        svg("line", { x1: x(r.low), x2: x(r.low), y1: y - 7, y2: y + 7, class: "interval-bar" }),
        svg("line", { x1: x(r.high), x2: x(r.high), y1: y - 7, y2: y + 7, class: "interval-bar" }),
        svg("circle", { cx: x(r.difference), cy: y, r: 5, class: "interval-point" })),
    ];
  });
  const zero = x(0);
  return h("figure", { class: "chart-box" },
    svg("svg", { class: "chart interval-chart", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-labelledby": id + "-t " + id + "-d", preserveAspectRatio: "xMidYMid meet" },
    svg("title", { id: id + "-t" }, title),
    svg("desc", { id: id + "-d" }, description),
    svg("line", { x1: zero, x2: zero, y1: top - 6, y2: height - bottom + 4, class: "zero-line" }),
    svg("text", { x: zero, y: top - 12, "text-anchor": "middle", class: "axis" }, zeroLabel),
    svg("text", { x: x(from), y: height - 6, "text-anchor": "start", class: "axis" }, fixed(from)),
    svg("text", { x: x(to), y: height - 6, "text-anchor": "end", class: "axis" }, fixed(to)),
    marks),
  h("figcaption", {}, title));
}

function fixed(value) {
  return (Math.round(value * 100) / 100).toString();
}

function clip(text, length) {
  return text.length > length ? text.slice(0, length - 1) + "…" : text;
}
