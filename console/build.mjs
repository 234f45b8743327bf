// Bundles the console into one script and one stylesheet with hashed names, and writes
// index.html pointing at them. Output: the folder given as --outdir (the server's classpath).
import { build } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { vocabularyOf } from "./readme-vocabulary.mjs";

const outArg = process.argv.find((a) => a.startsWith("--outdir="));
const outdir = path.resolve(outArg ? outArg.slice("--outdir=".length) : "dist");

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

// The rule editor completes the vocabulary that the operators' guide documents.
const vocabulary = vocabularyOf(await readFile("../rules/README.md", "utf8"));

const result = await build({
  define: { __RULE_VOCABULARY__: JSON.stringify(vocabulary) },
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "esm",
  target: ["es2022"],
  outdir: path.join(outdir, "assets"),
  entryNames: "[name]-[hash]",
  metafile: true,
  legalComments: "linked",
  logLevel: "warning",
});

const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(outdir, file));
const script = outputs.find((f) => f.endsWith(".js"));
const style = outputs.find((f) => f.endsWith(".css"));
const html = (await readFile("src/index.html", "utf8"))
  .replace("%SCRIPT%", "/" + script)
  .replace("%STYLE%", "/" + style);
await writeFile(path.join(outdir, "index.html"), html);
console.log(`console: ${script}, ${style} -> ${outdir}`);
