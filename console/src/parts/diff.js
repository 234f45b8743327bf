// A line diff of two texts (longest common subsequence), shown as a list of kept, removed and
// added lines, so that a reader sees what a change does before or after making it.
import { h } from "./dom.js";
import { t } from "./i18n.js";

/** The lines of before and after as [{op: " " | "-" | "+", text}]. */
export function diffLines(before, after) {
  const a = String(before ?? "").split("\n");
  const b = String(after ?? "").split("\n");
  const n = a.length;
  const m = b.length;
  const common = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      lines.push({ op: " ", text: a[i++] });
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      lines.push({ op: "-", text: a[i++] });
    } else {
      lines.push({ op: "+", text: b[j++] });
    }
  }
  while (i < n) lines.push({ op: "-", text: a[i++] });
  while (j < m) lines.push({ op: "+", text: b[j++] });
  return lines;
}

/** The diff as a <pre>, with three lines of context around each change; "no change" when equal. */
export function diffView(before, after, { id, context = 3 } = {}) {
  const lines = diffLines(before, after);
  const changed = lines.map((l) => l.op !== " ");
  if (!changed.includes(true)) return h("p", { class: "muted diff-none", id }, t("diff.none"));
  const near = (index) => changed.slice(Math.max(0, index - context), index + context + 1).includes(true);
  const shown = [];
  let skipped = false;
  lines.forEach((line, index) => {
    if (!near(index)) {
      skipped = true;
      return;
    }
    if (skipped) shown.push(h("span", { class: "diff-skip" }, "…\n"));
    skipped = false;
    shown.push(h("span", { class: line.op === "+" ? "diff-add" : line.op === "-" ? "diff-del" : "diff-same" },
      line.op + " " + line.text + "\n"));
  });
  const added = lines.filter((l) => l.op === "+").length;
  const removed = lines.filter((l) => l.op === "-").length;
  return h("figure", { class: "diff", id },
    h("figcaption", { class: "muted" }, t("diff.summary", { added, removed })),
    h("pre", { tabindex: "0" }, shown));
}
