// Prints the gzipped JavaScript each screen needs, from the Vite manifest of the last build:
// the entry (loaded on every page) and, per lazy route, what it adds on top of the entry.
// Usage: npm run build && node scripts/bundle-report.mjs
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const gz = new Map();
const size = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gz.get(file);
};

/** The chunk's file and the files of everything it imports statically. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const total = (files) => [...files].reduce((sum, f) => sum + size(f), 0);

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entry = closure(entryKey);
const layoutKey = Object.keys(manifest).find((k) => manifest[k].name === "app-layout");
const shell = new Set([...entry, ...(layoutKey ? closure(layoutKey) : [])]);

const line = (label, bytes, note = "") => {
  console.log(`${label.padEnd(30)} ${kb(bytes).padStart(9)} gzip${note}`);
};
line("entry (every screen)", total(entry));
const lazy = Object.entries(manifest).filter(([, chunk]) => chunk.isDynamicEntry);
for (const [key, chunk] of lazy.sort(([, a], [, b]) => (a.name ?? "").localeCompare(b.name ?? ""))) {
  const name = chunk.name ?? key;
  const outside = name === "login" || name === "app-layout";
  const base = outside ? entry : shell;
  const extra = [...closure(key)].filter((f) => !base.has(f));
  line(`+ ${name}`, total(extra), outside ? " on top of the entry" : " on top of entry + app-layout");
}
const loginKey = Object.keys(manifest).find((k) => manifest[k].name === "login");
if (loginKey) line("= login screen, all JS", total(new Set([...entry, ...closure(loginKey)])));
line("= signed-in shell, all JS", total(shell), " (before the page itself)");
