/**
 * A runner worker in its own process, for the two-process test: runs a two-step function whose
 * step bodies record each execution in the `body_runs` table.
 *   DATABASE_URL=… WORKER_ID=a tsx tests/integration/runner/worker-process.ts
 */
import { Inngest } from "inngest";
import pg from "pg";
import { createRunner } from "../../../inngest/runner/runner";
import { embeddedClientOptions } from "../../../server/job/event-route";

const databaseUrl = process.env.DATABASE_URL!;
const workerId = process.env.WORKER_ID ?? `worker-${process.pid}`;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const client = new Inngest({ id: "two-processes", logger: quiet, ...embeddedClientOptions });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });

const counted = client.createFunction(
  { id: "counted", triggers: { event: "test/counted" } },
  async ({ event, step }) => {
    for (const name of ["one", "two"]) {
      await step.run(name, () =>
        pool.query("INSERT INTO body_runs (n, step, worker) VALUES ($1, $2, $3)", [
          (event.data as { n: number }).n,
          name,
          workerId,
        ]),
      );
    }
  },
);

const runner = createRunner({ functions: [counted], databaseUrl, workerId, pollMs: 200, parallelRuns: 4 });
runner.start();
process.stdout.write("ready\n");
process.on("SIGTERM", async () => {
  await runner.stop();
  await pool.end();
  process.exit(0);
});
