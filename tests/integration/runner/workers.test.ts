/**
 * Several workers on one database: runs are claimed with FOR UPDATE SKIP LOCKED and held by a
 * lease, so no step runs twice; a worker that dies loses its runs once its lease expires.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock, systemClock } from "../../../inngest/runner/clock";
import { closeRunners, event, makeRunner, runsOf, testClient } from "./helpers";

afterEach(closeRunners);

describe("embedded runner: several workers", () => {
  it("two workers share 300 runs and no step body runs twice", async () => {
    const bodies = new Map<string, number>();
    const count = (key: string) => bodies.set(key, (bodies.get(key) ?? 0) + 1);
    const fn = testClient.createFunction(
      { id: "shared", triggers: { event: "test/shared" } },
      async ({ event, step }) => {
        const n = (event.data as { n: number }).n;
        await step.run("one", () => count(`${n}:one`));
        await step.run("two", () => count(`${n}:two`));
        return n;
      },
    );
    const a = makeRunner([fn], systemClock as never, { workerId: "a", pollMs: 50, parallelRuns: 4 });
    const b = makeRunner([fn], systemClock as never, { workerId: "b", pollMs: 50, parallelRuns: 4 });
    const total = 300;
    await a.send(Array.from({ length: total }, (_, n) => event("test/shared", { n })));
    a.start();
    b.start();
    const completed = async () =>
      (await a.pool.query(`SELECT count(*)::int AS n FROM "JobRun" WHERE status = 'COMPLETED'`)).rows[0].n;
    await expect.poll(completed, { timeout: 100_000 }).toBe(total);
    // Whatever either worker still has in hand ends before anything is counted.
    await Promise.all([a.settled(), b.settled()]);
    const { rows: byWorker } = await a.pool.query(`SELECT "leaseOwner", count(*)::int FROM "JobRun" GROUP BY 1`);
    expect(byWorker).toEqual([{ leaseOwner: null, count: total }]);
    expect(bodies.size).toBe(total * 2);
    expect([...bodies.values()].every((n) => n === 1)).toBe(true);
    expect((await runsOf(a, "runner-test-shared")).filter((r) => r.status === "COMPLETED")).toHaveLength(total);
  }, 120_000);

  it("takes over the run of a worker that died once its lease expires, and refuses the dead worker's late result", async () => {
    let bodies = 0;
    let releaseFirst: () => void = () => {};
    let firstStarted: () => void = () => {};
    const firstBodyStarted = new Promise<void>((r) => {
      firstStarted = r;
    });
    const fn = testClient.createFunction({ id: "lease", triggers: { event: "test/lease" } }, async ({ step }) =>
      step.run("slow", async () => {
        if (++bodies > 1) return "from the live worker";
        firstStarted();
        await new Promise<void>((r) => {
          releaseFirst = r;
        });
        return "from the dead worker";
      }),
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const dying = makeRunner([fn], clock, { workerId: "dying", leaseMs: 30_000, pollMs: 10 });
    const live = makeRunner([fn], clock, { workerId: "live", leaseMs: 30_000 });
    await dying.send(event("test/lease"));
    dying.start();
    await firstBodyStarted;
    await dying.stop({ abandon: true }); // stops renewing its lease, like a killed process

    await live.drain();
    expect(bodies).toBe(1); // the lease still holds
    clock.advance(30_001);
    await live.drain();
    expect(bodies).toBe(2); // a step cut off mid-body runs again
    releaseFirst(); // the dead worker's step now ends; its result must not be kept
    await dying.settled(); // …and the dead worker has tried to store it
    const [run] = await runsOf(live, "runner-test-lease");
    expect(run).toMatchObject({ status: "COMPLETED", output: "from the live worker" });
    const { rows } = await live.pool.query(`SELECT data FROM "JobStep" WHERE "runId" = $1`, [run!.id]);
    expect(rows).toEqual([{ data: "from the live worker" }]);
    await dying.pool.end();
  });
});
