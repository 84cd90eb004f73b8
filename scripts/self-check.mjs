#!/usr/bin/env node
/**
 * Proves that `npm test` cannot report a failing test as passed: runs every test stage — Vitest's
 * unit, integration (with its real global PostgreSQL setup) and durability projects, and Playwright —
 * on planted tests (tests/self-check/) and requires each run to exit non-zero, with the planted
 * passing control passed and every planted failure reported. An earlier `npm test` printed
 * "2 failed" and exited 0 (an exit hook in a dependency replaced the code), so CI checks this first.
 *   node scripts/self-check.mjs [unit|integration|durability|playwright]   (default: all)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const PLANTED = "tests/self-check/planted";
const PLANTED_SPECS = "tests/self-check/planted-e2e";
const out = mkdtempSync(path.join(tmpdir(), "faxport-self-check-"));

function run(cmd, args, env) {
  const result = spawnSync(cmd, args, {
    encoding: "utf8",
    env: { ...process.env, ...env, NO_COLOR: "1", FORCE_COLOR: "0" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}

/** One Vitest project on the planted tests: returns what is wrong (empty when all is as it must be). */
function checkVitest(project) {
  const report = path.join(out, `${project}.json`);
  const { code, output } = run(
    "node_modules/.bin/vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { FAXPORT_PLANTED_TESTS: PLANTED },
  );
  const problems = [];
  if (code === 0) problems.push("exited 0 although planted tests failed");
  let results = [];
  try {
    results = JSON.parse(readFileSync(report, "utf8")).testResults;
  } catch {
    return [...problems, `wrote no report:\n${output.slice(-3000)}`];
  }
  const test = (title) => results.flatMap((f) => f.assertionResults).find((a) => a.title === title);
  const file = (name) => results.find((f) => f.name.endsWith(`/${name}`));
  if (test("planted control")?.status !== "passed") problems.push("the passing control did not pass");
  if (test("planted assertion")?.status !== "failed") problems.push("a failed assertion was not reported");
  if (test("planted timeout")?.status !== "failed") problems.push("a timed-out test was not reported");
  if (file("hook.test.ts")?.status !== "failed" || !file("hook.test.ts")?.message.includes("planted-hook"))
    problems.push("a failing beforeAll hook was not reported");
  if (!/Unhandled/i.test(output) || !output.includes("planted-rejection"))
    problems.push("an unhandled rejection was not reported");
  if (problems.length) problems.push(`output:\n${output.slice(-3000)}`);
  return problems;
}

function checkPlaywright() {
  const report = path.join(out, "playwright.json");
  const { code, output } = run("node_modules/.bin/playwright", ["test", "--reporter=list,json"], {
    FAXPORT_PLANTED_SPECS: PLANTED_SPECS,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  const problems = [];
  if (code === 0) problems.push("exited 0 although a planted spec failed");
  let stats;
  try {
    stats = JSON.parse(readFileSync(report, "utf8")).stats;
  } catch {
    return [...problems, `wrote no report:\n${output.slice(-3000)}`];
  }
  if (stats.expected !== 1 || stats.unexpected !== 1) {
    problems.push(`expected 1 passed and 1 failed spec, got ${stats.expected} and ${stats.unexpected}`);
  }
  if (problems.length) problems.push(`output:\n${output.slice(-3000)}`);
  return problems;
}

/** A port held by this process while `fn` runs (another program in the way). */
async function withBusyPort(fn) {
  const blocker = net.createServer();
  await new Promise((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  try {
    return fn(blocker.address().port);
  } finally {
    blocker.close();
  }
}

async function freePort() {
  return withBusyPort((port) => port); // released again when this returns
}

/** `npm start` that cannot start (its web or database port taken) must say which setting, and exit non-zero. */
async function checkStart() {
  const dataDir = path.resolve(".data/self-check-start"); // where the unprivileged postgres user may go, as root
  rmSync(dataDir, { recursive: true, force: true });
  const problems = [];
  const attempt = async (setting, env) => {
    const { code, output } = run("node", ["scripts/start.mjs"], { FAXPORT_DATA_DIR: dataDir, ...env });
    if (code === 0) problems.push(`exited 0 with ${setting} taken`);
    if (!output.includes(setting)) problems.push(`did not name ${setting}:\n${output.slice(-2000)}`);
  };
  const pgPort = await freePort();
  await withBusyPort((port) => attempt("PORT", { PORT: String(port), FAXPORT_PG_PORT: String(pgPort) }));
  const webPort = await freePort();
  await withBusyPort((port) => attempt("FAXPORT_PG_PORT", { PORT: String(webPort), FAXPORT_PG_PORT: String(port) }));
  rmSync(dataDir, { recursive: true, force: true });
  return problems;
}

/** The layer check on a planted tree: each back-edge must be named by file and line, and fail the run. */
function checkLayers() {
  const tree = path.join(out, "layers");
  const plant = (file, text) => {
    mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    writeFileSync(path.join(tree, file), text);
  };
  plant("lib/shared.ts", 'export const a = 1;\nimport { s } from "@/server/service";\n');
  plant("server/service.ts", 'export const s = 1;\n\nimport { run } from "../inngest/job";\n');
  plant("server/db/client.ts", "export const getDb = () => null;\n");
  plant("server/unscoped.ts", 'import { getDb } from "./db/client";\n');
  plant("server/action.ts", '"use server";\nexport async function act() {}\n');
  plant("inngest/job.ts", 'import { s } from "@/server/service";\nexport const run = s;\n');
  plant("components/widget.tsx", '"use client";\nimport { helper } from "./helper";\n');
  plant("components/helper.ts", 'import { s } from "@/server/service";\nexport const helper = s;\n');
  // Controls: types and server actions may cross into the browser; inngest/ may import server/.
  plant(
    "components/fine.tsx",
    '"use client";\nimport type { s } from "@/server/service";\nimport { act } from "@/server/action";\n',
  );
  const { code, output } = run("node", ["scripts/check-layers.mjs", tree]);
  const problems = [];
  if (code === 0) problems.push("exited 0 although planted imports point the wrong way");
  for (const expected of [
    "lib/shared.ts:2",
    "server/service.ts:3",
    "server/unscoped.ts:1",
    "components/widget.tsx:2",
  ]) {
    if (!output.includes(expected)) problems.push(`did not report ${expected}`);
  }
  for (const control of ["components/fine.tsx", "inngest/job.ts"]) {
    if (output.includes(control)) problems.push(`reported the allowed imports of ${control}`);
  }
  if (problems.length) problems.push(`output:\n${output.slice(-3000)}`);
  return problems;
}

const checks = [
  ["Layer check", checkLayers],
  ["Vitest unit", () => checkVitest("unit")],
  ["Vitest integration (embedded PostgreSQL)", () => checkVitest("integration")],
  ["Vitest durability", () => checkVitest("durability")],
  ["Playwright", checkPlaywright],
  ["npm start", checkStart],
];

let failed = false;
try {
  const only = process.argv[2]?.toLowerCase();
  for (const [name, check] of checks.filter(([n]) => !only || n.toLowerCase().includes(only))) {
    const t0 = Date.now();
    const problems = await check();
    const took = `${((Date.now() - t0) / 1000).toFixed(0)} s`;
    if (problems.length) {
      failed = true;
      console.error(`✗ ${name}: ${problems.join("; ")}`);
    } else {
      console.log(`✓ ${name}: every planted failure reported, exit code non-zero (${took})`);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (failed) {
  console.error("\nThe self-check failed: a failure could pass unnoticed. Fix that before trusting `npm test`.");
  process.exit(1);
}
