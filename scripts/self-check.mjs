#!/usr/bin/env node
/**
 * Proves that `npm test` cannot report a failing test as passed: runs every test stage — Vitest's
 * unit, integration (with its real global PostgreSQL setup) and durability projects, and Playwright —
 * on planted tests (tests/self-check/) and requires each run to exit non-zero, with the planted
 * passing control passed and every planted failure reported. The stages that are no test runner
 * are planted too: the build stage on a `next build` that fails, the leftovers stage on a folder
 * a test left in the temp directory. An earlier `npm test` printed
 * "2 failed" and exited 0 (an exit hook in a dependency replaced the code), so CI checks this first.
 * The stage runner that runs stages side by side is planted too: one failing stage must fail the run.
 *   node scripts/self-check.mjs [typecheck|unit|integration|durability|playwright|build|leftovers|start|stages]   (default: all)
 *   node scripts/self-check.mjs --except integration   (all but that one)
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** The lint stage's path check on a planted comment that names a file that does not exist. */
function checkCommentPaths() {
  const planted = path.join(out, "comment-paths");
  mkdirSync(path.join(planted, "server"), { recursive: true });
  writeFileSync(path.join(planted, "server", "real.ts"), "// See server/real.ts and server/planted-missing.ts.\n");
  const { code, output } = run("node", ["scripts/check-comment-paths.mjs", planted]);
  const problems = [];
  if (code === 0) problems.push("exited 0 although a comment names a missing file");
  if (!output.includes("server/planted-missing.ts")) problems.push("did not name the missing path");
  if (output.includes("names server/real.ts")) problems.push("reported a path that exists");
  if (problems.length) problems.push(`output:\n${output.slice(-2000)}`);
  return problems;
}

/**
 * The build stage (scripts/build-portal.ts) in a planted project whose `next build` fails: it must
 * exit non-zero. Then a build that succeeds is stamped, and is not built again while the sources
 * are unchanged (the stages after it reuse it) — a failing `next` is not even called then.
 */
function checkBuild() {
  const dir = path.join(out, "build");
  const bin = path.join(dir, "node_modules/.bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(dir, "next.config.ts"), "export default {};\n");
  const next = (script) => {
    writeFileSync(path.join(bin, "next"), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(bin, "next"), 0o755);
  };
  const build = () => {
    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), [path.resolve("scripts/build-portal.ts")], {
      cwd: dir,
      encoding: "utf8",
    });
    return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
  };
  const problems = [];
  next("echo planted build failure >&2; exit 3");
  const failed = build();
  if (failed.code === 0) problems.push(`exited 0 although next build failed:\n${failed.output.slice(-2000)}`);
  next("mkdir -p .next && echo planted > .next/BUILD_ID");
  const built = build();
  if (built.code !== 0 || !existsSync(path.join(dir, ".next/BUILD_ID")))
    problems.push(`a succeeding build failed:\n${built.output.slice(-2000)}`);
  next("echo built again >&2; exit 3");
  const reused = build();
  if (reused.code !== 0 || !reused.output.includes("Build is up to date"))
    problems.push(`an unchanged project was built again:\n${reused.output.slice(-2000)}`);
  return problems;
}

/** The leftovers stage (scripts/leftovers.mjs): a folder left in the temp directory fails it, by name. */
function checkLeftovers() {
  const dir = path.join(out, "tmp");
  mkdirSync(path.join(dir, "tsx-0"), { recursive: true }); // a tool's cache: allowed
  const problems = [];
  const clean = run("node", ["scripts/leftovers.mjs", dir]);
  if (clean.code !== 0) problems.push(`failed with only a tool cache left:\n${clean.output.slice(-2000)}`);
  mkdirSync(path.join(dir, "faxport-planted-leftover-x1"));
  const left = run("node", ["scripts/leftovers.mjs", dir]);
  if (left.code === 0) problems.push("exited 0 although a folder was left");
  if (!left.output.includes("faxport-planted-leftover-x1")) problems.push(`did not name the folder:\n${left.output}`);
  return problems;
}

/** The typecheck's compiler (TypeScript 7, `npm run typecheck`) on a planted project: a type error fails it. */
function checkTypecheck() {
  const dir = path.join(out, "types");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true } }));
  const tsc = (text) => {
    writeFileSync(path.join(dir, "planted.ts"), text);
    return run("node", ["node_modules/typescript-7/bin/tsc", "-p", dir]);
  };
  const problems = [];
  const good = tsc("export const planted: number = 1;\n");
  if (good.code !== 0) problems.push(`failed on a file without errors:\n${good.output.slice(-2000)}`);
  const bad = tsc('export const planted: number = "not a number";\n');
  if (bad.code === 0) problems.push("exited 0 although a planted type error was there");
  if (!bad.output.includes("planted.ts(1,14): error TS2322")) problems.push(`did not report it:\n${bad.output}`);
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

/**
 * The stage runner (scripts/stages.mjs) on planted stages: a failing stage — the one printed live, or
 * one held beside it — fails the run, its output and FAILED line are printed, and no later group starts.
 */
async function checkStages() {
  const { runStages } = await import("./stages.mjs");
  const stage = (name, code) => [name, "node", ["-e", code]];
  const problems = [];
  for (const failing of [0, 1]) {
    let output = "";
    const group = [
      stage("planted live", "console.log('planted-live')"),
      stage("planted beside", "console.log('planted-beside')"),
    ];
    group[failing] = stage(`planted failure ${failing}`, "console.log('planted-failure'); process.exit(3)");
    const code = await runStages([group, [stage("planted later", "console.log('planted-later')")]], {
      env: process.env,
      print: (text) => {
        output += text;
      },
    });
    const where = failing === 0 ? "the live stage" : "a stage beside it";
    if (code === 0) problems.push(`exited 0 although ${where} failed`);
    if (!output.includes("planted-failure") || !output.includes(`planted failure ${failing}: FAILED`))
      problems.push(`did not print the output and FAILED line of ${where}`);
    if (output.includes("planted-later")) problems.push(`started the next group although ${where} failed`);
    if (problems.length) return [...problems, `output:\n${output.slice(-2000)}`];
  }
  return problems;
}

const checks = [
  ["Typecheck", checkTypecheck],
  ["Lint: comment paths", checkCommentPaths],
  ["Layer check", checkLayers],
  ["Vitest unit", () => checkVitest("unit")],
  ["Vitest integration (embedded PostgreSQL)", () => checkVitest("integration")],
  ["Vitest durability", () => checkVitest("durability")],
  ["Playwright", checkPlaywright],
  ["npm start", checkStart],
  ["Build (next build once)", checkBuild],
  ["Leftovers in the temp directory", checkLeftovers],
  ["Stages side by side", checkStages],
];

let failed = false;
try {
  // `--except integration` runs the rest: npm test runs the two halves side by side.
  const except = process.argv[2] === "--except" ? process.argv[3]?.toLowerCase() : undefined;
  const only = except ? undefined : process.argv[2]?.toLowerCase();
  const chosen = ([n]) => (only ? n.toLowerCase().includes(only) : !except || !n.toLowerCase().includes(except));
  const selected = checks.filter(chosen);
  // A filter that matched nothing would check nothing and pass: that is a failure too.
  if (selected.length === 0) {
    failed = true;
    console.error(`✗ no check is named by ${process.argv.slice(2).join(" ")}`);
  }
  for (const [name, check] of selected) {
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
