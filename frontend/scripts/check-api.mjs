// Fails when src/api/schema.d.ts is not what `npm run gen:api` would generate
// from the OpenAPI document. The input and output paths are read from the
// `gen:api` script in package.json, so there is one place to change them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const script = pkg.scripts?.["gen:api"] ?? "";
const match = /^openapi-typescript\s+(\S+)\s+-o\s+(\S+)$/.exec(script.trim());
if (!match) {
  console.error(`check:api: cannot read input/output from the gen:api script: "${script}"`);
  process.exit(2);
}
const [, input, output] = match;
const inputPath = resolve(root, input);
const outputPath = resolve(root, output);
if (!existsSync(inputPath)) {
  console.error(`check:api: OpenAPI document not found: ${inputPath}`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "huiyin-api-"));
const fresh = join(dir, "schema.d.ts");
try {
  const bin = join(root, "node_modules", ".bin", "openapi-typescript");
  try {
    execFileSync(bin, [inputPath, "-o", fresh], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    const stderr = String(error.stderr ?? "");
    const problems = stderr
      .split("\n")
      .filter((line) => line.includes("✘"))
      .join("\n");
    console.error(
      `check:api: openapi-typescript cannot generate types from ${input}:\n` +
        (problems || stderr.trim()) +
        "\nThe OpenAPI document itself is invalid (e.g. a $ref to a schema missing from components); fix it at its source.",
    );
    process.exit(1);
  }
  const expected = readFileSync(fresh, "utf8");
  const actual = existsSync(outputPath) ? readFileSync(outputPath, "utf8") : null;
  if (actual !== expected) {
    if (process.argv.includes("--write")) {
      writeFileSync(outputPath, expected);
      console.log(`check:api: rewrote ${output}`);
    } else {
      console.error(
        `check:api: ${output} is out of date with ${input}.\n` +
          `Run \`npm run gen:api\` in frontend/ and commit the result (never edit ${output} by hand).`,
      );
      process.exit(1);
    }
  } else {
    console.log(`check:api: ${output} matches ${input}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
