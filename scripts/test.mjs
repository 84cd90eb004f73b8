#!/usr/bin/env node
/**
 * `npm test`: install what is missing (npm packages; Debian's chromium, conversion tools and the fax
 * addon's libraries; the addon itself), then run every suite:
 * typecheck, lint (Biome, and paths named in comments exist), layers (imports point one way) and
 * the self-check (each test stage run on planted failures must exit non-zero, so a red test can never
 * be reported green) side by side → unit + integration (real embedded PostgreSQL) beside the portal's
 * build (once; the stages after it reuse it) → end-to-end (real Chromium against the real server)
 * beside durability (kill -9 and restart) → leftovers (everything ran with a temp directory of its
 * own, which must hold nothing afterwards but the tools' caches). Stops after the first group with a
 * failing stage.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureNativeGateway, NATIVE_BUILD_PACKAGES } from "./build-native.mjs";
import { CONVERSION_PACKAGES, CONVERSION_TEST_PACKAGES } from "./debian-packages.mjs";
import { ensureDebianPackages, ensureDependencies } from "./ensure-deps.mjs";
import { runStages } from "./stages.mjs";

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

// The system temp directory as every stage sees it: a fresh folder, so the last stage can tell
// exactly what the suite left there (other programs on the machine use the real one meanwhile).
const suiteTemp = (name) => {
  const dir = mkdtempSync(path.join(tmpdir(), name));
  chmodSync(dir, 0o1777); // like /tmp: the embedded PostgreSQL's own user reads its password file here
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const suiteTmp = suiteTemp("faxport-suite-");
// The durability tests look through their temp directory for plaintext a kill left behind: one of
// their own, so the end-to-end portal converting documents beside them is not mistaken for theirs.
const durabilityTmp = suiteTemp("faxport-suite-durability-");
process.on("SIGINT", () => process.exit(130));

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", TMPDIR: suiteTmp };
const vitest = "node_modules/.bin/vitest";
const tsx = "node_modules/.bin/tsx";
// Stages of one group run side by side (scripts/stages.mjs), where measured faster on two cores and
// they share no port, data directory or output: a group starts once the one before it has passed.
const groups = [
  [["Prisma client", tsx, ["scripts/prisma.ts", "generate"]]],
  [
    ["Typecheck (route types, then tsc)", "npm", ["run", "--silent", "typecheck"]],
    ["Lint and format (Biome)", "node_modules/.bin/biome", ["check", "."]],
    ["Lint: paths named in comments exist", "node", ["scripts/check-comment-paths.mjs"]],
    ["Layers (imports point one way)", "node", ["scripts/check-layers.mjs"]],
    // In two halves side by side: the integration half waits mostly on its PostgreSQL starting.
    ["Self-check: planted failures fail every stage", "node", ["scripts/self-check.mjs", "--except", "integration"]],
    ["Self-check: planted failures fail the integration stage", "node", ["scripts/self-check.mjs", "integration"]],
  ],
  [
    ["Unit and integration tests", vitest, ["run", "--project", "unit", "--project", "integration"]],
    ["Build the portal (next build, once for the stages after it)", tsx, ["scripts/build-portal.ts"]],
  ],
  [
    ["End-to-end tests (Chromium)", "node_modules/.bin/playwright", ["test"]],
    ["Durability (kill -9, restart)", vitest, ["run", "--project", "durability"], { TMPDIR: durabilityTmp }],
  ],
  [["Leftovers in the temp directory", "node", ["scripts/leftovers.mjs", suiteTmp, durabilityTmp]]],
];

rmSync(".data/e2e", { recursive: true, force: true }); // the end-to-end stage's demo world starts fresh
process.exitCode = await runStages(groups, { env });
