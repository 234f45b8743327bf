// The rule file name pattern must compile under the v flag, as Chromium compiles HTML patterns.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";

test("the new-file pattern is a valid v-flag regex that accepts rule file names only", async () => {
  const source = await readFile(path.resolve(import.meta.dirname, "../src/views/rules.js"), "utf8");
  const literal = source.match(/export const FILE_NAME = \/(.*)\/;/)[1];
  const pattern = new RegExp(literal, "v");
  assert.ok(pattern.test("my-rules.drl"));
  assert.ok(pattern.test("needs_2.v1.drl"));
  assert.ok(!pattern.test("-leading.drl"));
  assert.ok(!pattern.test("a b.drl"));
  assert.ok(!pattern.test("rules.txt"));
});

test("the new-file field's pattern is a valid v-flag regex that takes a name with or without .drl", async () => {
  const source = await readFile(path.resolve(import.meta.dirname, "../src/views/rules.js"), "utf8");
  const literal = source.match(/export const NAME_INPUT = \/(.*)\/;/)[1];
  const pattern = new RegExp("^(?:" + literal + ")$", "v");
  assert.ok(pattern.test("scratch"));
  assert.ok(pattern.test("my-rules.drl"));
  assert.ok(!pattern.test("a b"));
  assert.ok(!pattern.test("-leading"));
});
