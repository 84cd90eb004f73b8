/**
 * Runs `npm test`'s stages group by group. The stages of one group run side by side (they use
 * different tools, ports and data directories, and two cores are not kept busy by one of them); a
 * group starts only once every stage of the one before it has passed. The first stage of a group
 * prints as it runs; the others' output is held and printed, under their own heading, after it, so
 * two logs never interleave. A stage that fails does not stop the others of its group (they are
 * left to end cleanly, with their own processes), but no later group starts.
 * The self-check (scripts/self-check.mjs) runs this on planted stages: one failing among passing
 * ones must make the whole run fail.
 */
import { spawn } from "node:child_process";

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

/** One stage: its exit status (a signal counts as failure) and, unless printed live, its output. */
function runStage([name, cmd, args, stageEnv], { env, live, print }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const held = [`\n━━ ${name} (ran beside the stage above) ━━\n`];
    const out = (chunk) => (live ? print(chunk.toString()) : held.push(chunk.toString()));
    if (live) print(`\n━━ ${name} ━━\n`);
    const child = spawn(cmd, args, { env: { ...env, ...stageEnv }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", out);
    child.stderr.on("data", out);
    let ended = false;
    const end = (status) => {
      if (ended) return;
      ended = true;
      const line = `━━ ${name}: ${status === 0 ? "passed" : "FAILED"} in ${seconds(started)}\n`;
      if (live) print(line);
      else held.push(line);
      resolve({ status, held: live ? "" : held.join("") });
    };
    child.on("error", (error) => {
      out(`${error.message}\n`);
      end(1);
    });
    child.on("close", (code, signal) => end(code ?? (signal ? 1 : 0)));
  });
}

/**
 * groups: [[name, command, args, env?], …][] — returns 0 only when every stage of every group passed;
 * a stage's own env adds to the suite's.
 * print: where output goes (the self-check collects it).
 */
export async function runStages(groups, { env = process.env, print = (text) => process.stdout.write(text) } = {}) {
  const started = Date.now();
  for (const group of groups) {
    const results = await Promise.all(group.map((stage, i) => runStage(stage, { env, live: i === 0, print })));
    for (const { held } of results) print(held);
    const failed = results.find(({ status }) => status !== 0);
    if (failed) return failed.status;
  }
  print(`\nAll suites passed in ${seconds(started)}.\n`);
  return 0;
}
