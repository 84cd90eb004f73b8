/**
 * Two runner processes on one database (two `npm start`s): 1,000 runs of a two-step function,
 * sent from a third process that runs no runner. Every step body runs exactly once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { Inngest } from "inngest";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../../server/db/client";
import { embeddedClientOptions } from "../../../server/job/event-route";

const RUNS = 1_000;
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  }
});

async function startWorker(id: string) {
  const child = spawn("node_modules/.bin/tsx", ["tests/integration/runner/worker-process.ts"], {
    env: { ...process.env, WORKER_ID: id },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const [chunk] = await once(child.stdout!, "data");
  expect(String(chunk)).toContain("ready");
}

describe("two runner processes on one database", () => {
  it("run 1,000 runs with no step body running twice", async () => {
    const db = getDb();
    await db.$executeRawUnsafe("CREATE TABLE body_runs (n int NOT NULL, step text NOT NULL, worker text NOT NULL)");
    await Promise.all([startWorker("a"), startWorker("b")]);

    const sender = new Inngest({ id: "two-processes", ...embeddedClientOptions });
    for (let from = 0; from < RUNS; from += 100) {
      await sender.send(Array.from({ length: 100 }, (_, i) => ({ name: "test/counted", data: { n: from + i } })));
    }
    const deadline = Date.now() + 240_000;
    let done = 0;
    while (done < RUNS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const rows = await db.$queryRaw<{ done: number }[]>`
        SELECT count(*)::int AS done FROM "JobRun" WHERE status = 'COMPLETED'`;
      done = rows[0]?.done ?? 0;
    }
    expect(done).toBe(RUNS);

    const [bodies] = await db.$queryRaw<{ total: number; distinct_steps: number; workers: number }[]>`
      SELECT count(*)::int AS total, count(DISTINCT (n, step))::int AS distinct_steps,
        count(DISTINCT worker)::int AS workers FROM body_runs`;
    expect(bodies).toEqual({ total: RUNS * 2, distinct_steps: RUNS * 2, workers: 2 });
  }, 300_000);
});
