#!/usr/bin/env node
/**
 * The layers, checked: every import between our folders points one way, and two doors stay named.
 *
 *   app/ → components/ → server/ → lib/        inngest/ → server/ → lib/
 *
 * - lib/ is shared by browser and server: it imports only lib/.
 * - server/ imports server/ and lib/ — never inngest/, components/ or app/ (event schemas, the
 *   Inngest client and the run controls live in server/, and inngest/ imports them from there).
 * - inngest/ imports inngest/, server/ and lib/.
 * - components/ imports components/, lib/ and server/ — but what runs in the browser (a "use client"
 *   file, and every file it reaches by value imports) reaches server/ only through `import type`
 *   or a "use server" module (a server action): server code never ships to the browser.
 * - app/ (routes) and proxy.ts may import any layer; the browser rule above applies there too.
 * - The Prisma client (server/db/client.ts) is imported only inside server/db/: outside a tenant's
 *   scope code says so with `systemDb()` (server/db/system-db.ts); in it, `runInScope`.
 *
 *   node scripts/check-layers.mjs [root]    (root defaults to the current directory)
 * Prints each broken rule as file:line and exits 1 if there is any.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? ".");
const LAYERS = ["app", "components", "server", "lib", "inngest"];
const ROOT_FILES = ["proxy.ts"]; // Next's request proxy: an app-level file at the top
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js"];

/** Which layers each layer may import (besides itself). */
const MAY_IMPORT = {
  app: ["components", "server", "lib", "inngest"],
  components: ["server", "lib"],
  server: ["lib"],
  lib: [],
  inngest: ["server", "lib"],
};
const WHY = {
  lib: "lib/ runs in the browser and on the server: it imports only lib/",
  server: "server/ imports only server/ and lib/ (what inngest/ and the UI need from it lives in server/)",
  inngest: "inngest/ imports only inngest/, server/ and lib/",
  components: "components/ imports only components/, lib/ and server/",
};

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : sourceFiles(full);
    return EXTENSIONS.includes(path.extname(name)) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

const layerOf = (file) => {
  const rel = path.relative(root, file);
  if (ROOT_FILES.includes(rel)) return "app";
  const top = rel.split(path.sep)[0];
  return LAYERS.includes(top) ? top : null;
};

const texts = new Map();
const textOf = (file) => {
  if (!texts.has(file)) texts.set(file, readFileSync(file, "utf8"));
  return texts.get(file);
};

/** The directive a module opens with ("use client" / "use server"), after any leading comments. */
function directive(file) {
  const text = textOf(file).replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  const match = /^["'](use client|use server)["']/.exec(text);
  return match?.[1] ?? null;
}

/** Our file an import names, or null for a package. */
function resolve(from, spec) {
  let base;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith("./") || spec.startsWith("../")) base = path.resolve(path.dirname(from), spec);
  else return null;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
}

/** Every import of a file: where it points, its line, and whether only types cross. */
function importsOf(file) {
  const text = textOf(file);
  const found = [];
  const lineAt = (index) => text.slice(0, index).split("\n").length;
  // The clause holds no semicolon or quote, so a match never runs on from one statement into the next.
  const statement = /^[ \t]*(import|export)\s+(type\s+)?([^;"'`]*?)\s*from\s*["']([^"']+)["']/gm;
  for (const m of text.matchAll(statement)) {
    const clause = m[3];
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const allTypes =
      Boolean(m[2]) ||
      (named?.[1]
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith("type ")) ??
        false);
    found.push({ spec: m[4], line: lineAt(m.index), typeOnly: allTypes });
  }
  for (const m of text.matchAll(/^[ \t]*import\s+["']([^"']+)["']/gm)) {
    found.push({ spec: m[1], line: lineAt(m.index), typeOnly: false });
  }
  for (const m of text.matchAll(/\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g)) {
    found.push({ spec: m[1], line: lineAt(m.index), typeOnly: false });
  }
  return found
    .map((i) => ({ ...i, target: resolve(file, i.spec) }))
    .filter((i) => i.target !== null && !path.relative(root, i.target).startsWith(".."));
}

const files = [...LAYERS.flatMap((l) => sourceFiles(path.join(root, l))), ...ROOT_FILES.map((f) => path.join(root, f))]
  .filter((f) => existsSync(f))
  .sort();
const problems = [];
const where = (file, line) => `${path.relative(root, file)}:${line}`;

// 1. Direction between layers.
for (const file of files) {
  const from = layerOf(file);
  for (const imp of importsOf(file)) {
    const to = layerOf(imp.target);
    if (!to || to === from || MAY_IMPORT[from].includes(to)) continue;
    problems.push(`${where(file, imp.line)}: imports ${imp.spec} (${to}/) — ${WHY[from]}`);
  }
}

// 2. The database's doors: the Prisma client only inside server/db/.
const dbDir = path.join(root, "server", "db") + path.sep;
const clientFile = path.join(root, "server", "db", "client.ts");
for (const file of files) {
  if (file.startsWith(dbDir)) continue;
  for (const imp of importsOf(file)) {
    if (imp.target === clientFile && !imp.typeOnly) {
      problems.push(
        `${where(file, imp.line)}: imports ${imp.spec} — reach the database with runInScope (a tenant's or the platform's scope) or, deliberately outside any scope, systemDb() from server/db/system-db.ts`,
      );
    }
  }
}

// 3. Nothing the browser loads reaches server code (types and server actions excepted).
for (const start of files.filter((f) => directive(f) === "use client")) {
  const seen = new Set([start]);
  const queue = [[start, []]];
  while (queue.length) {
    const [file, chain] = queue.shift();
    for (const imp of importsOf(file)) {
      if (imp.typeOnly || seen.has(imp.target) || !existsSync(imp.target)) continue;
      seen.add(imp.target);
      if (directive(imp.target) === "use server") continue; // server actions: the browser gets references only
      const via = [...chain, where(file, imp.line)];
      if (layerOf(imp.target) === "server" || layerOf(imp.target) === "inngest") {
        problems.push(
          `${via[0]}: browser code ("use client" in ${path.relative(root, start)}) reaches ${path.relative(root, imp.target)}${via.length > 1 ? ` via ${via.slice(1).join(" → ")}` : ""} — from the browser import server/ only with \`import type\` or a "use server" action`,
        );
        continue;
      }
      queue.push([imp.target, via]);
    }
  }
}

if (problems.length) {
  console.error(`Layer check: ${problems.length} import(s) point the wrong way.\n`);
  for (const p of problems) console.error(`  ${p}`);
  console.error("\nLayers: app → components → server → lib, inngest → server → lib (see scripts/check-layers.mjs).");
  process.exit(1);
}
console.log(`Layer check: ${files.length} files, every import points the right way.`);
