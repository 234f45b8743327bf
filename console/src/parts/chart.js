// Small SVG charts drawn from data: grouped bars, a line over days, and horizontal bars.
// Each chart is an image with a title and a text description for screen readers.
import { svg, h } from "./dom.js";

const SERIES_CLASSES = 4;
const seriesClass = (i) => "series-" + (i % SERIES_CLASSES);

function frame(title, description, width, height, ...content) {
  const id = "chart-" + Math.random().toString(36).slice(2);
  return svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-labelledby": id + "-t " + id + "-d", preserveAspectRatio: "xMidYMid meet" },
  svg("title", { id: id + "-t" }, title),
  svg("desc", { id: id + "-d" }, description),
  content);
}

function legend(series) {
  return h("ul", { class: "legend" }, series.map((s, i) =>
    h("li", {}, h("span", { class: "swatch", "data-series": i % SERIES_CLASSES }), s.name)));
}

/**
 * Grouped vertical bars: categories along the bottom, one bar per series in each.
 * series: [{name, values: [number per category]}].
 */
export function barChart({ title, categories, series }) {
  const width = 640, height = 260, left = 44, bottom = 36, top = 12;
  const plotH = height - bottom - top, plotW = width - left - 8;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const step = plotW / categories.length;
  const barW = Math.max(4, (step * 0.7) / series.length);
  const bars = [];
  categories.forEach((category, c) => {
    series.forEach((s, i) => {
      const value = s.values[c] ?? 0;
      const barH = (value / max) * plotH;
      const x = left + c * step + step * 0.15 + i * barW;
      bars.push(svg("rect", { x, y: top + plotH - barH, width: barW - 1, height: barH, class: seriesClass(i) },
        svg("title", {}, `${s.name}, ${category}: ${round(value)}`)));
    });
    bars.push(svg("text", { x: left + c * step + step / 2, y: height - bottom + 16, "text-anchor": "middle",
      class: "axis" }, category));
  });
  const description = series.map((s) => s.name + ": " + categories.map((c, i) => `${c} ${round(s.values[i] ?? 0)}`)
    .join(", ")).join("; ");
  return h("figure", { class: "chart-box" },
    frame(title, description, width, height, axis(left, top, plotW, plotH, max), bars),
    legend(series),
    h("figcaption", {}, title));
}

/**
 * A line over consecutive days: points [{label, value}] in order, such as the last 30 days.
 */
export function lineChart({ title, name, points }) {
  const width = 640, height = 240, left = 44, bottom = 32, top = 12;
  const plotH = height - bottom - top, plotW = width - left - 12;
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const x = (i) => left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v) => top + plotH - ((v ?? 0) / max) * plotH;
  const path = points.map((p, i) => (i === 0 ? "M" : "L") + x(i).toFixed(1) + " " + y(p.value).toFixed(1)).join(" ");
  const every = Math.max(1, Math.ceil(points.length / 6));
  const labels = points.map((p, i) => (i % every === 0 || i === points.length - 1)
    ? svg("text", { x: x(i), y: height - bottom + 16, "text-anchor": "middle", class: "axis" }, p.label) : null);
  const dots = points.map((p, i) => svg("circle", { cx: x(i), cy: y(p.value), r: 2.5, class: seriesClass(0) },
    svg("title", {}, `${p.label}: ${round(p.value)}`)));
  const description = `${name}: ` + points.map((p) => `${p.label} ${round(p.value)}`).join(", ");
  return h("figure", { class: "chart-box" },
    frame(title, description, width, height, axis(left, top, plotW, plotH, max),
      svg("path", { d: path, class: "line-0" }), dots, labels),
    legend([{ name }]),
    h("figcaption", {}, title));
}

/** Horizontal bars for ranked rows: [{label, values: [..]}] with one value per series. */
export function rankChart({ title, series, rows }) {
  const rowH = 26, left = 220, width = 640, top = 4;
  const height = top + rows.length * rowH + 8;
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const barH = (rowH - 8) / series.length;
  const content = rows.flatMap((row, r) => [
    svg("text", { x: left - 8, y: top + r * rowH + rowH / 2 + 4, "text-anchor": "end", class: "axis" },
      clip(row.label, 34)),
    ...series.map((s, i) => svg("rect", { x: left, y: top + r * rowH + 2 + i * barH,
      width: Math.max(1, ((row.values[i] ?? 0) / max) * (width - left - 16)), height: barH - 1,
      class: seriesClass(i) }, svg("title", {}, `${row.label}, ${s.name}: ${round(row.values[i] ?? 0)}`))),
  ]);
  const description = rows.map((row) => row.label + ": " + series.map((s, i) => `${s.name} ${round(row.values[i] ?? 0)}`)
    .join(", ")).join("; ");
  return h("figure", { class: "chart-box" }, frame(title, description, width, height, content), legend(series),
    h("figcaption", {}, title));
}

function axis(left, top, plotW, plotH, max) {
  const ticks = [0, 0.5, 1].map((f) => {
    const y = top + plotH - f * plotH;
    return [svg("line", { x1: left, x2: left + plotW, y1: y, y2: y, class: "grid" }),
      svg("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "axis" }, round(max * f))];
  });
  return ticks.flat();
}

function round(value) {
  return Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
}

function clip(text, length) {
  return text.length > length ? text.slice(0, length - 1) + "…" : text;
}
