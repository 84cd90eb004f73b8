#!/usr/bin/env node
/**
 * What the suite left in the temp directory it was given. `npm test` runs every stage with TMPDIR
 * set to a fresh folder of its own, so whatever is in it afterwards was written by a test, a bench
 * or the portal under test and not removed — fax pages among them, once. Only the caches of the
 * tools themselves (named below) may stay; anything else fails this check, listed by name.
 *   node scripts/leftovers.mjs <folder>…   (exit 1 when something was left in any of them)
 */
import { readdirSync } from "node:fs";

/** Caches the tools keep in the temp directory between runs (not our data; removed with the folder). */
const TOOL_CACHES = [
  /^tsx-\d+$/, // tsx's compile cache
  /^playwright-transform-cache-\d+$/, // Playwright's compiled specs
  /^node-compile-cache$/, // Node's module compile cache
  /^vite-node-/, // Vitest's transformed modules
];

export function leftoversIn(dir) {
  return readdirSync(dir)
    .filter((name) => !TOOL_CACHES.some((cache) => cache.test(name)))
    .sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = process.argv.slice(2);
  if (!dirs.length) throw new Error("usage: node scripts/leftovers.mjs <folder>…");
  let failed = false;
  for (const dir of dirs) {
    const left = leftoversIn(dir);
    if (!left.length) continue;
    failed = true;
    console.error(`${left.length} item(s) left in the temp directory (${dir}) by the suite:`);
    for (const name of left) console.error(`  ${name}`);
  }
  if (failed) {
    console.error("Each test and bench must remove what it writes outside its data directory.");
    process.exit(1);
  }
  console.log(`Nothing left in the temp director${dirs.length > 1 ? "ies" : "y"}.`);
}
