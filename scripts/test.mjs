#!/usr/bin/env node
/**
 * `npm test`: install what is missing (npm packages; Debian's chromium, conversion tools and the fax
 * addon's libraries; the addon itself), then run every suite:
 * typecheck → lint → layers (imports point one way) → self-check (each test stage run on planted failures must exit non-zero, so a red
 * test can never be reported green) → unit + integration (real embedded PostgreSQL) → end-to-end (real
 * Chromium against the real server) → durability (kill -9 and restart). Stops at the first failing stage.
 */
import { rmSync } from "node:fs";
import { ensureNativeGateway, NATIVE_BUILD_PACKAGES } from "./build-native.mjs";
import { CONVERSION_PACKAGES, CONVERSION_TEST_PACKAGES } from "./debian-packages.mjs";
import { ensureDebianPackages, ensureDependencies, run } from "./ensure-deps.mjs";

ensureDependencies();
// One apt pass for everything the suites use: the browser, document conversion, the fax addon's build.
ensureDebianPackages([
  { pkg: "chromium", bin: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  ...CONVERSION_PACKAGES,
  ...CONVERSION_TEST_PACKAGES,
  ...NATIVE_BUILD_PACKAGES,
]);
// The gateway tests run real T.30 calls through the spandsp addon: it must build here.
if (!ensureNativeGateway({ withTestTools: true }).ok) process.exit(1);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const stages = [
  ["Prisma client", "node_modules/.bin/tsx", ["scripts/prisma.ts", "generate"]],
  ["Typecheck", "node_modules/.bin/tsc", ["--noEmit", "-p", "."]],
  ["Lint and format (Biome)", "node_modules/.bin/biome", ["check", "."]],
  ["Layers (imports point one way)", "node", ["scripts/check-layers.mjs"]],
  ["Self-check: planted failures fail every stage", "node", ["scripts/self-check.mjs"]],
  ["Unit and integration tests", "node_modules/.bin/vitest", ["run", "--project", "unit", "--project", "integration"]],
  ["End-to-end tests (Chromium)", "node_modules/.bin/playwright", ["test"]],
  ["Durability (kill -9, restart)", "node_modules/.bin/vitest", ["run", "--project", "durability"]],
];

const started = Date.now();
for (const [name, cmd, args] of stages) {
  const t0 = Date.now();
  console.log(`\n━━ ${name} ━━`);
  if (name.startsWith("End-to-end")) rmSync(".data/e2e", { recursive: true, force: true }); // fresh demo data
  const status = run(cmd, args, { env });
  console.log(`━━ ${name}: ${status === 0 ? "passed" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (status !== 0) process.exit(status);
}
console.log(`\nAll suites passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
