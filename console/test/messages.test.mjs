// Fails when a message key is missing in either language, when the two languages disagree on a
// message's placeholders, or when the console's code uses a key that neither language has.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { en } from "../src/messages/en.js";
import { zhCN } from "../src/messages/zh-CN.js";

const CATALOGS = { en, "zh-CN": zhCN };
const SRC = path.resolve(import.meta.dirname, "../src");

/** Keys the code builds from a prefix and a value: every value it may meet needs a message. */
const BUILT_KEYS = {
  "enum.role": ["admin", "operator", "editor", "bot"],
  "enum.band": ["DORMANT", "QUIET", "ACTIVE", "HOT"],
  "enum.stage": ["NEW", "GROWING", "MATURE", "DECLINING", "DORMANT"],
  "enum.trend": ["RISING", "STEADY", "FALLING"],
  "enum.kind": ["POST", "ACTIVITY", "OFFER"],
  "enum.status": ["draft", "published", "archived"],
  "enum.platform": ["wecom", "wechat", "telegram", "discord", "slack", "other"],
  "enum.communityType": ["product", "interest", "brand", "knowledge", "tool"],
  "enum.silence": ["held", "empty"],
  "enum.uploadResult": ["created", "updated", "unchanged", "rejected", "attached"],
  "count": ["messages", "reactions", "activeMembers", "joins", "leaves", "clicks", "orders", "complaints"],
  "engagement": ["reactions", "replies", "clicks", "orders"],
  "content": ["kind", "tag", "region", "status"],
  "groups.sort": ["name", "liveliest", "quietest", "lastPosted", "id"],
  "groups.bulk.done": ["addLabel", "removeLabel", "archive"],
  "enum.bulkResult": ["labelled", "unlabelled", "archived", "unchanged", "notFound", "refused", "failed"],
  "timeline.outcome": ["posted", "skipped", "failed"],
  "enum.suggestionState": ["pending", "delivered", "superseded"],
  "content.sort": ["server", "newest", "oldest", "title", "titleDesc", "kind", "status", "endingSoon", "endingLast"],
  "portrait": ["id", "name", "platform", "type", "interests", "region", "language", "timezone", "quietHours",
    "memberCount", "kocCount", "kocs", "owner", "labels", "attributes", "startedAt"],
  "item": ["kind", "status", "title", "language", "author", "tags", "interests", "stages", "regions", "validFrom",
    "validUntil", "format", "startsAt", "endsAt", "capacity", "price", "discount", "currency", "stock",
    "perGroupLimit", "groupBuyDeadline"],
  "enum.experimentStatus": ["scheduled", "running", "stopped", "ended"],
  "enum.metric": ["interactions", "orders", "reward"],
  "enum.treatment": ["active", "version", "holdout"],
  "enum.basis": ["SEGMENT", "ITEM", "TAGS", "KIND", "DEFAULT"],
  "stats": ["fired", "suggested", "delivered", "posted", "skipped", "failed", "engagement"],
};

async function sources(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "messages") files.push(...await sources(file));
    else if (entry.name.endsWith(".js")) files.push(file);
  }
  return files;
}

function placeholders(message) {
  const texts = typeof message === "object" ? Object.values(message) : [message];
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
}

test("both languages hold exactly the same keys", () => {
  const missingInChinese = Object.keys(en).filter((k) => !(k in zhCN));
  const missingInEnglish = Object.keys(zhCN).filter((k) => !(k in en));
  assert.deepEqual(missingInChinese, [], "keys missing in zh-CN");
  assert.deepEqual(missingInEnglish, [], "keys missing in en");
});

test("every message has text, and both languages fill the same placeholders", () => {
  for (const key of Object.keys(en)) {
    for (const [tag, catalog] of Object.entries(CATALOGS)) {
      const message = catalog[key];
      const texts = typeof message === "object" ? Object.values(message) : [message];
      assert.ok(texts.length > 0 && texts.every((text) => typeof text === "string" && text.trim()), `${tag} ${key} is empty`);
    }
    assert.deepEqual(placeholders(zhCN[key]), placeholders(en[key]), `placeholders of ${key}`);
  }
});

test("every key the code names or builds is in both languages", async () => {
  const prefixes = new Set(Object.keys(en).map((k) => k.split(".")[0]));
  const used = new Set();
  for (const file of await sources(SRC)) {
    const text = await readFile(file, "utf8");
    for (const [, key] of text.matchAll(/"([a-zA-Z]+\.[\w.]*\w)"/g)) {
      if (prefixes.has(key.split(".")[0]) && !/\.(js|css|drl|md|token)$/.test(key)) used.add(key);
    }
  }
  for (const [prefix, values] of Object.entries(BUILT_KEYS)) for (const v of values) used.add(`${prefix}.${v}`);
  assert.ok(used.size > 200, `only ${used.size} keys found in the code`);
  for (const [tag, catalog] of Object.entries(CATALOGS)) {
    assert.deepEqual([...used].filter((k) => !(k in catalog)).sort(), [], `keys used but missing in ${tag}`);
  }
});
