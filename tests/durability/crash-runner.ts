/**
 * The runner the crash test kills: the embedded PostgreSQL under .data/, migrations, then the
 * embedded job runner — as `npm start` starts it — but with a test-only function that exists only in
 * this script (production never registers it). Prints "ready" once the runner takes work.
 *   FAXPORT_DATA_DIR=.data/runner-crash DURABILITY_PG_PORT=54360 tsx tests/durability/crash-runner.ts
 *
 * The function: step "reserve" commits its effect with its result (stepTransaction), a sleep, step
 * "dial" makes its effect idempotent with a key, step "record" commits with its result again. Every
 * body logs that it started (its own commit, so a body cut off later still counts), then lingers
 * after its effect, so a kill is likely to land mid-body.
 */
import path from "node:path";
import { Inngest } from "inngest";
import pg from "pg";
import { createRunner } from "../../inngest/runner/runner";
import { stepTransaction } from "../../inngest/runner/step-transaction";
import { pendingMigrations, runPrismaAsync } from "../../scripts/prisma";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres";
import { embeddedClientOptions } from "../../server/job/event-route";
import { CRASH_EVENT, LEASE_MS, SLEEP_MS } from "./crash-settings";

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const client = new Inngest({ id: "crash-test", logger: quiet, ...embeddedClientOptions });
const linger = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const dataDir = path.resolve(process.env.FAXPORT_DATA_DIR ?? ".data/runner-crash", "pg");
  const port = Number(process.env.DURABILITY_PG_PORT ?? 54360);
  const db = await startEmbeddedPostgres({ dataDir, port, portSetting: "DURABILITY_PG_PORT" });
  if ((await pendingMigrations(db.url)).length && (await runPrismaAsync(["migrate", "deploy"], db.url)) !== 0) {
    throw new Error("prisma migrate deploy failed");
  }
  const effects = new pg.Pool({ connectionString: db.url, max: 8 });
  await effects.query(`
    CREATE TABLE IF NOT EXISTS crash_body (run_id uuid NOT NULL, step text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT clock_timestamp());
    CREATE TABLE IF NOT EXISTS crash_effect_tx (run_id uuid NOT NULL, step text NOT NULL);
    CREATE TABLE IF NOT EXISTS crash_effect_keyed (key text PRIMARY KEY, run_id uuid NOT NULL);`);

  const bodyStarted = (runId: string, step: string) =>
    effects.query("INSERT INTO crash_body (run_id, step) VALUES ($1, $2)", [runId, step]);

  /** Case (a): the effect commits in the transaction that records the step's result. */
  const withResult = (runId: string, step: string) => async () => {
    await bodyStarted(runId, step);
    const tx = await stepTransaction();
    await tx.query("INSERT INTO crash_effect_tx (run_id, step) VALUES ($1, $2)", [runId, step]);
    await linger(150);
    return step;
  };

  const crashSteps = client.createFunction(
    { id: "crash-steps", retries: 5, triggers: { event: CRASH_EVENT } },
    async ({ runId, step }) => {
      await step.run("reserve", withResult(runId, "reserve"));
      await step.sleep("pause", `${SLEEP_MS / 1000}s`);
      // Case (b): committed on its own at once, made harmless to repeat by its key.
      await step.run("dial", async () => {
        await bodyStarted(runId, "dial");
        await effects.query("INSERT INTO crash_effect_keyed (key, run_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
          `${runId}:dial`,
          runId,
        ]);
        await linger(250);
        return "dialled";
      });
      await step.run("record", withResult(runId, "record"));
    },
  );

  const runner = createRunner({
    functions: [crashSteps],
    databaseUrl: db.url,
    workerId: `crash-${process.pid}`,
    leaseMs: LEASE_MS,
    pollMs: 100,
    parallelRuns: 16,
  });
  runner.start();
  process.stdout.write("ready\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
