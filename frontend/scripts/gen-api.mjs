// Generates src/api/schema.d.ts from ../openapi/openapi.json (`npm run gen:api`), or with
// `--check` fails when the committed file differs from what would be generated (`check:api`).
//
// The backend guarantees unique operationIds (tests/api/openapi.rs); a duplicate would make
// openapi-typescript merge operations, so this refuses one rather than generate wrong types.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const input = resolve(root, "../openapi/openapi.json");
const output = resolve(root, "src/api/schema.d.ts");
const check = process.argv.includes("--check");

if (!existsSync(input)) {
  console.error(`gen:api: OpenAPI document not found: ${input}`);
  process.exit(2);
}
const doc = JSON.parse(readFileSync(input, "utf8"));
const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const seen = new Set();
for (const item of Object.values(doc.paths ?? {}))
  for (const m of methods) {
    const id = item[m]?.operationId;
    if (!id) continue;
    if (seen.has(id)) {
      console.error(`gen:api: operationId '${id}' appears twice in ${input}; operation types would be merged`);
      process.exit(1);
    }
    seen.add(id);
  }

const dir = mkdtempSync(join(tmpdir(), "huiyin-api-"));
try {
  const patched = join(dir, "openapi.json");
  const fresh = join(dir, "schema.d.ts");
  writeFileSync(patched, JSON.stringify(doc));
  const bin = join(root, "node_modules", ".bin", "openapi-typescript");
  try {
    execFileSync(bin, [patched, "-o", fresh], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    console.error(`gen:api: openapi-typescript cannot generate types:\n${String(error.stderr ?? "").trim()}`);
    process.exit(1);
  }
  const expected = readFileSync(fresh, "utf8");
  const actual = existsSync(output) ? readFileSync(output, "utf8") : null;
  if (!check) {
    writeFileSync(output, expected);
    console.log("gen:api: wrote src/api/schema.d.ts");
  } else if (actual !== expected) {
    console.error(
      "check:api: src/api/schema.d.ts is out of date with ../openapi/openapi.json.\n" +
        "Run `npm run gen:api` in frontend/ and commit the result (never edit it by hand).",
    );
    process.exit(1);
  } else console.log("check:api: src/api/schema.d.ts matches ../openapi/openapi.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
