// Reads the rule vocabulary (facts, fields and methods, enums and their values) out of
// rules/README.md, the operators' guide, so that the editor completes exactly the words the guide
// documents. Runs at build time; the result is bundled into the console.

/** The vocabulary documented between "What a rule can look at" and "The default playbook". */
export function vocabularyOf(readme) {
  const start = readme.indexOf("## What a rule can look at");
  const end = readme.indexOf("## The default playbook");
  if (start < 0 || end < start) throw new Error("rules/README.md has no 'What a rule can look at' section");
  const types = new Set();
  const members = new Set();
  const enums = {};
  for (const line of readme.slice(start, end).split("\n")) {
    let lastEnum = null;
    // In a table, the first cell names things and the others explain them with examples, as do
    // the "such as" phrases of prose; enum values count wherever they are.
    const naming = line.startsWith("|") ? line.split("|")[1] : line.replace(/such as .*/, "");
    for (const [, code] of line.matchAll(/`([^`]+)`/g)) {
      const names = naming.includes("`" + code + "`");
      const enumValue = code.match(/^([A-Z]\w*)\.([A-Z][A-Z_]+)$/);
      if (enumValue) {
        lastEnum = enumValue[1];
        (enums[lastEnum] ??= new Set()).add(enumValue[2]);
        continue;
      }
      if (/^[A-Z][A-Z_]+$/.test(code) && lastEnum) {
        enums[lastEnum].add(code);
        continue;
      }
      if (!names) continue;
      const typed = code.match(/^([A-Z]\w*)(?:\.(\w+))?(?:\(.*\))?$/);
      if (typed) {
        types.add(typed[1]);
        if (typed[2]) members.add(typed[2]);
        continue;
      }
      for (const [, name, call] of code.replace(/"[^"]*"/g, "").matchAll(/(?:^|[.\s$(])([a-z]\w*)(\()?/g)) {
        if (!KEYWORDS.has(name)) members.add(call ? name + "(" : name);
      }
    }
  }
  for (const name of Object.keys(enums)) types.add(name);
  return {
    types: [...types].sort(),
    members: [...members].sort(),
    enums: Object.fromEntries(Object.entries(enums).map(([k, v]) => [k, [...v].sort()]).sort()),
  };
}

const KEYWORDS = new Set(["insert", "new", "contains", "true", "false", "null", "then", "when", "c", "s", "now"]);
