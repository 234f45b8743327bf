// Generates TypeScript types from openapi.yaml with openapi-typescript, writes them to
// web/target/openapi-types/api.d.ts, and fails when any JSON request or response body is typed
// `unknown` (or `any`): a client built from the document must get a real type for every body.
// The types are judged by TypeScript's own checker, so a $ref that resolves to nothing counts too.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createConfig } from "@redocly/openapi-core";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const documentPath = path.resolve(process.argv[2] ?? path.resolve(here, "../../main/resources/openapi.yaml"));
const outputPath = path.resolve(here, "../../../target/openapi-types/api.d.ts");

// The lint step judges the document with the project's rules; generation only needs it to parse.
const redocly = await createConfig({ extends: ["minimal"], rules: { "operation-4xx-response": "off" } });
const ast = await openapiTS(new URL(`file://${documentPath}`), { redocly });
fs.mkdirSync(path.dirname(outputPath), { recursive: true });
fs.writeFileSync(outputPath, astToString(ast));

const program = ts.createProgram([outputPath], { strict: true, noEmit: true });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  console.error(ts.formatDiagnostics(diagnostics, ts.createCompilerHost({})));
  process.exit(1);
}
const checker = program.getTypeChecker();
const source = program.getSourceFile(outputPath);
const operations = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === "operations");
if (!operations) {
  console.error("openapi-typescript generated no `operations` interface");
  process.exit(1);
}

const property = (type, name) => {
  const symbol = checker.getNonNullableType(type).getProperty(name);
  return symbol ? checker.getTypeOfSymbolAtLocation(symbol, operations) : undefined;
};
const isJson = (mediaType) => mediaType === "application/json" || mediaType.endsWith("+json");
const untyped = (type) => (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0;

const bodies = [];
const operationsType = checker.getTypeAtLocation(operations.name);
for (const operation of operationsType.getProperties()) {
  const type = checker.getTypeOfSymbolAtLocation(operation, operations);
  const contents = [];
  const request = property(type, "requestBody");
  if (request && !(request.flags & ts.TypeFlags.Never)) {
    contents.push(["request", property(request, "content")]);
  }
  const responses = property(type, "responses");
  for (const status of responses ? responses.getProperties() : []) {
    const response = checker.getTypeOfSymbolAtLocation(status, operations);
    contents.push([status.name, property(response, "content")]);
  }
  for (const [where, content] of contents) {
    if (!content || content.flags & ts.TypeFlags.Never) continue;
    for (const media of content.getProperties()) {
      if (isJson(media.name)) {
        const body = checker.getTypeOfSymbolAtLocation(media, operations);
        bodies.push({ name: `${operation.name} ${where} ${media.name}`, typed: !untyped(body) });
      }
    }
  }
}

const unknownBodies = bodies.filter((b) => !b.typed);
if (bodies.length === 0 || unknownBodies.length > 0) {
  console.error(`${unknownBodies.length} of ${bodies.length} JSON bodies are typed unknown:`);
  for (const body of unknownBodies) console.error(`  ${body.name}`);
  process.exit(1);
}
console.log(`openapi-typescript: all ${bodies.length} JSON request and response bodies are typed (${path.relative(process.cwd(), outputPath)})`);
