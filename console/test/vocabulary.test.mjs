// The rule editor's completion comes from rules/README.md: the guide's facts, fields and enums.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { vocabularyOf } from "../readme-vocabulary.mjs";

const README = path.resolve(import.meta.dirname, "../../rules/README.md");

test("the vocabulary holds the guide's facts, fields, methods and enum values", async () => {
  const vocabulary = vocabularyOf(await readFile(README, "utf8"));
  for (const fact of ["Group", "History", "Now", "PlaybookSettings", "Need", "Candidate", "Hold", "Veto",
    "ScoreAdjustment", "Note", "PastSuggestion"]) {
    assert.ok(vocabulary.types.includes(fact), fact);
  }
  for (const member of ["portrait", "activity", "quietHours", "memberCount", "complaintShare", "daysSinceLast(",
    "offersInLastDays(", "within(", "hasTag(", "minGapMinutes", "groupBuyDeadline"]) {
    assert.ok(vocabulary.members.includes(member), member);
  }
  assert.deepEqual(vocabulary.enums.ActivityBand, ["ACTIVE", "DORMANT", "HOT", "QUIET"]);
  assert.deepEqual(vocabulary.enums.ContentKind, ["ACTIVITY", "OFFER", "POST"]);
  assert.deepEqual(vocabulary.enums.Stage, ["DECLINING", "DORMANT", "GROWING", "MATURE", "NEW"]);
  assert.ok(!vocabulary.members.includes("coffee"), "examples are not vocabulary");
});

test("a guide without the vocabulary section is refused", () => {
  assert.throws(() => vocabularyOf("# Nothing here"), /What a rule can look at/);
});
