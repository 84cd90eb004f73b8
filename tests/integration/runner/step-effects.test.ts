/**
 * A step cut off mid-body (its worker died) runs again on another worker. Two ways keep its
 * effect single: an idempotency key on the effect, or doing the effect in the transaction that
 * records the step's result (stepTransaction), which a cut-off step never commits.
 */
import type pg from "pg";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../../inngest/runner/clock";
import { stepTransaction } from "../../../inngest/runner/step-transaction";
import { getDb } from "../../../server/db/client";
import { closeRunners, event, makeRunner, runsOf, testClient } from "./helpers";

afterEach(closeRunners);

beforeAll(async () => {
  await getDb().$executeRawUnsafe(`CREATE TABLE sent_faxes (key text PRIMARY KEY, via text NOT NULL)`);
  await getDb().$executeRawUnsafe(`CREATE TABLE fax_log (run_id text NOT NULL, via text NOT NULL)`);
});

/** A gate the first execution of a step body waits at, so a test can "kill" its worker there. */
function gate() {
  let open: () => void = () => {};
  let entered: () => void = () => {};
  const reached = new Promise<void>((r) => {
    entered = r;
  });
  const released = new Promise<void>((r) => {
    open = r;
  });
  return { reached, released, enter: entered, open };
}

async function killFirstWorkerMidStep(
  fn: Parameters<typeof makeRunner>[0][number],
  name: string,
  g: ReturnType<typeof gate>,
) {
  const clock = createManualClock("2026-11-23T10:00:00Z");
  const dying = makeRunner([fn], clock, { workerId: "dying", pollMs: 10 });
  const live = makeRunner([fn], clock, { workerId: "live" });
  await dying.send(event(name));
  dying.start();
  await g.reached;
  await dying.stop({ abandon: true });
  clock.advance(30_001); // the dead worker's lease expires
  await live.drain();
  g.open(); // the dead worker's body finishes late
  await dying.settled(); // …and the dead worker has tried to store its result
  return { live, dying };
}

describe("a step cut off mid-body", () => {
  it("with an idempotency key: runs twice, its effect happens once", async () => {
    let bodies = 0;
    const g = gate();
    const fn = testClient.createFunction(
      { id: "idempotent-send", triggers: { event: "test/idem" } },
      async ({ runId, step }) =>
        step.run("send", async () => {
          const first = ++bodies === 1;
          // The key is the same on every attempt of this step of this run.
          await getDb()
            .$executeRaw`INSERT INTO sent_faxes (key, via) VALUES (${`${runId}:send`}, ${first ? "dead" : "live"})
          ON CONFLICT (key) DO NOTHING`;
          if (first) {
            g.enter();
            await g.released;
          }
          return "sent";
        }),
    );
    const { live, dying } = await killFirstWorkerMidStep(fn, "test/idem", g);
    expect(bodies).toBe(2);
    expect(await getDb().$queryRaw`SELECT via FROM sent_faxes`).toEqual([{ via: "dead" }]);
    expect((await runsOf(live, "runner-test-idempotent-send"))[0]).toMatchObject({ status: "COMPLETED" });
    await dying.pool.end();
  });

  it("committed with the step's result: the cut-off body's effect is rolled back, the re-run's kept", async () => {
    let bodies = 0;
    const g = gate();
    const fn = testClient.createFunction(
      { id: "transactional-send", triggers: { event: "test/tx" } },
      async ({ runId, step }) =>
        step.run("log", async () => {
          const first = ++bodies === 1;
          const db: pg.PoolClient = await stepTransaction();
          await db.query("INSERT INTO fax_log (run_id, via) VALUES ($1, $2)", [runId, first ? "dead" : "live"]);
          if (first) {
            g.enter();
            await g.released;
          }
          return "logged";
        }),
    );
    const { live, dying } = await killFirstWorkerMidStep(fn, "test/tx", g);
    expect(bodies).toBe(2);
    expect(await getDb().$queryRaw`SELECT via FROM fax_log`).toEqual([{ via: "live" }]);
    const [run] = await runsOf(live, "runner-test-transactional-send");
    expect(run).toMatchObject({ status: "COMPLETED", output: "logged" });
    await dying.pool.end();
  });

  it("a step whose body fails leaves nothing of its transaction", async () => {
    let bodies = 0;
    const fn = testClient.createFunction(
      { id: "fails-then-works", retries: 1, triggers: { event: "test/tx-fail" } },
      async ({ runId, step }) =>
        step.run("log", async () => {
          const db = await stepTransaction();
          await db.query("INSERT INTO fax_log (run_id, via) VALUES ($1, $2)", [runId, `attempt-${++bodies}`]);
          if (bodies === 1) throw new Error("modem busy");
          return "ok";
        }),
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/tx-fail"));
    await runner.drain();
    clock.advance(60_000);
    await runner.drain();
    const [run] = await runsOf(runner, "runner-test-fails-then-works");
    expect(run).toMatchObject({ status: "COMPLETED" });
    expect(await getDb().$queryRaw`SELECT via FROM fax_log WHERE run_id = ${run!.id}`).toEqual([{ via: "attempt-2" }]);
  });
});
