#!/usr/bin/env node
/**
 * Part of the lint stage: every path a comment or a document names must exist. A comment that points
 * at a moved or deleted file sends the next reader to nothing; this check makes such a comment fail
 * `npm test` like a type error does.
 *   node scripts/check-comment-paths.mjs [root]   (default: the current directory)
 * Checked: comments in our source (TypeScript, JavaScript, C, Prisma schema, SQL) and whole Markdown
 * files. A path counts when it starts at one of the project's top folders (`server/…`, `@/lib/…`);
 * placeholders and globs (`<domain>`, `*`) are skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? ".");
const TOP = [
  "app",
  "bench",
  "components",
  "docs",
  "inngest",
  "lib",
  "native",
  "prisma",
  "public",
  "scripts",
  "server",
  "tests",
];
const SKIP_DIRS = new Set([
  "node_modules",
  ".next",
  ".data",
  ".git",
  "build",
  "test-results",
  "playwright-report",
  "migrations",
]);
const CODE = /\.(ts|tsx|mts|mjs|js|cjs|c|h|prisma|sql|css)$/;
const SUFFIXES = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];
// A top folder, then path characters; stops before trailing punctuation. `@/` is the TypeScript alias.
const PATH = new RegExp(`(?<![\\w@./\\-\\[])(?:@/)?((?:${TOP.join("|")})/[\\w\\-.()\\[\\]/]*[\\w)\\]/])`, "g");

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") && entry.name !== ".ci") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* files(full);
    } else if (CODE.test(entry.name) || entry.name.endsWith(".md")) {
      yield full;
    }
  }
}

/** The comment text of a source file, with the line each piece starts on. */
function comments(text, file) {
  if (file.endsWith(".md")) return text.split("\n").map((line, i) => ({ line: i + 1, text: line }));
  const found = [];
  const lineAt = (index) => text.slice(0, index).split("\n").length;
  // Strings are skipped so that "//" inside a URL string is not taken for a comment.
  const token = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g;
  for (const match of text.matchAll(token)) {
    if (match[0].startsWith("/")) found.push({ line: lineAt(match.index), text: match[0] });
  }
  return found;
}

// A last segment with a dot that is no file type is a name, not a path: the event `inngest/function.cancelled`.
const FILE_TYPE =
  /\.(ts|tsx|mts|mjs|js|cjs|json|md|c|h|prisma|sql|css|png|svg|ico|txt|pdf|tif|tiff|html|sh|yml|yaml|toml|docx|node)$/;

function exists(relative) {
  const clean = relative.replace(/\/$/, "");
  const last = clean.split("/").pop();
  if (last.includes(".") && !FILE_TYPE.test(last)) return true;
  // `inngest/helpers/consts` in a comment about the SDK names the package's own module.
  const candidates = [path.join(root, clean), path.join(root, "node_modules", clean)];
  return candidates.some((base) => [...SUFFIXES, ".d.ts"].some((suffix) => existsSync(base + suffix)));
}

const problems = [];
const topDirs = TOP.filter((dir) => existsSync(path.join(root, dir)) && statSync(path.join(root, dir)).isDirectory());
const sources = [...topDirs.flatMap((dir) => [...files(path.join(root, dir))])];
for (const name of readdirSync(root)) if (name.endsWith(".md") || CODE.test(name)) sources.push(path.join(root, name));

for (const file of sources) {
  const text = readFileSync(file, "utf8");
  for (const comment of comments(text, file)) {
    const lines = comment.text.split("\n");
    lines.forEach((lineText, offset) => {
      for (const match of lineText.matchAll(PATH)) {
        const target = match[1].replace(/[.)]+$/, "");
        if (/[<*{]/.test(target) || target.includes("...")) continue;
        if (!exists(target)) {
          problems.push(`${path.relative(root, file)}:${comment.line + offset}: names ${target}, which does not exist`);
        }
      }
    });
  }
}

if (problems.length) {
  console.error(`Comments and documents name ${problems.length} path(s) that do not exist:\n${problems.join("\n")}`);
  console.error("Point them at the file that now holds what they mean, or drop the path.");
  process.exit(1);
}
console.log(`Every path named in comments and documents exists (${sources.length} files checked).`);
