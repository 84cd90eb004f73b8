/** Cron triggers fire on time and once; concurrency (with keys) and throttle are honoured. */
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../../inngest/runner/clock";
import { closeRunners, event, makeRunner, runsOf, testClient } from "./helpers";

afterEach(closeRunners);

describe("embedded runner: cron", () => {
  it("fires a cron function at its time, once, even with two workers", async () => {
    let fired = 0;
    const fn = testClient.createFunction(
      { id: "nightly", triggers: { cron: "TZ=UTC 17 3 * * *" } },
      async ({ step }) => {
        await step.run("work", () => fired++);
      },
    );
    const clock = createManualClock("2026-11-23T03:00:00Z");
    const a = makeRunner([fn], clock, { workerId: "a" });
    const b = makeRunner([fn], clock, { workerId: "b" });
    clock.set("2026-11-23T03:16:59Z");
    await Promise.all([a.drain(), b.drain()]);
    expect(fired).toBe(0);
    clock.set("2026-11-23T03:17:00Z");
    await Promise.all([a.drain(), b.drain()]);
    await Promise.all([a.drain(), b.drain()]);
    expect(fired).toBe(1);
    clock.set("2026-11-24T02:00:00Z");
    await a.drain();
    expect(fired).toBe(1);
    clock.set("2026-11-24T03:17:30Z");
    await Promise.all([a.drain(), b.drain()]);
    expect(fired).toBe(2);
    const { rows } = await a.pool.query(`SELECT "scheduledAt" FROM "JobCronTick" ORDER BY 1`);
    expect(rows.map((r) => r.scheduledAt)).toEqual([
      new Date("2026-11-23T03:17:00Z"),
      new Date("2026-11-24T03:17:00Z"),
    ]);
  });

  it("fires a tick missed while no runner ran once, not once per missed day", async () => {
    let fired = 0;
    const fn = testClient.createFunction({ id: "missed", triggers: { cron: "0 * * * *" } }, async () => {
      fired++;
    });
    const clock = createManualClock("2026-11-23T10:30:00Z");
    const first = makeRunner([fn], clock);
    clock.set("2026-11-23T11:00:00Z");
    await first.drain();
    expect(fired).toBe(1);
    clock.set("2026-11-23T15:10:00Z"); // down from 11:00 to 15:10
    await makeRunner([fn], clock).drain();
    expect(fired).toBe(2);
    const { rows } = await first.pool.query(
      `SELECT max("scheduledAt") AS last FROM "JobCronTick" WHERE "functionId" = $1`,
      ["runner-test-missed"],
    );
    expect(rows[0].last).toEqual(new Date("2026-11-23T15:00:00Z"));
  });
});

describe("embedded runner: flow control", () => {
  it("runs at most `limit` runs per concurrency key at a time", async () => {
    const active = new Map<string, number>();
    let peakPerKey = 0;
    let peakTotal = 0;
    const fn = testClient.createFunction(
      { id: "per-tenant", concurrency: { limit: 1, key: "event.data.tenant" }, triggers: { event: "test/per-tenant" } },
      async ({ event, step }) => {
        const tenant = (event.data as { tenant: string }).tenant;
        await step.run("dial", async () => {
          active.set(tenant, (active.get(tenant) ?? 0) + 1);
          peakPerKey = Math.max(peakPerKey, active.get(tenant)!);
          peakTotal = Math.max(
            peakTotal,
            [...active.values()].reduce((a, b) => a + b, 0),
          );
          await new Promise((r) => setTimeout(r, 30));
          active.set(tenant, active.get(tenant)! - 1);
        });
      },
    );
    const runner = makeRunner([fn], createManualClock("2026-11-23T10:00:00Z"), { parallelRuns: 6 });
    await runner.send([
      ...Array.from({ length: 3 }, () => event("test/per-tenant", { tenant: "acme" })),
      ...Array.from({ length: 3 }, () => event("test/per-tenant", { tenant: "globex" })),
    ]);
    await runner.drain();
    expect(peakPerKey).toBe(1);
    expect(peakTotal).toBe(2); // the two tenants did run side by side
    expect((await runsOf(runner, "runner-test-per-tenant")).every((r) => r.status === "COMPLETED")).toBe(true);
  });

  it("starts at most `limit` runs per throttle period and key; the rest wait for a free slot", async () => {
    const started: string[] = [];
    const fn = testClient.createFunction(
      {
        id: "throttled",
        throttle: { limit: 2, period: "1m", key: "event.data.trunk" },
        triggers: { event: "test/throttled" },
      },
      async ({ event }) => {
        started.push((event.data as { trunk: string }).trunk);
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send([
      ...Array.from({ length: 5 }, () => event("test/throttled", { trunk: "t1" })),
      event("test/throttled", { trunk: "t2" }),
    ]);
    await runner.drain();
    expect(started.sort()).toEqual(["t1", "t1", "t2"]);
    clock.advance(59_000);
    await runner.drain();
    expect(started).toHaveLength(3);
    clock.advance(1_000);
    await runner.drain();
    expect(started.filter((t) => t === "t1")).toHaveLength(4);
    clock.advance(60_000);
    await runner.drain();
    expect(started.filter((t) => t === "t1")).toHaveLength(5);
  });
});

describe("embedded runner: rateLimit and debounce", () => {
  it("starts at most `limit` runs per period and key; events over the limit start nothing", async () => {
    const started: string[] = [];
    const fn = testClient.createFunction(
      {
        id: "rate-limited",
        rateLimit: { limit: 1, period: "1h", key: "event.data.number" },
        triggers: { event: "test/rl" },
      },
      async ({ event }) => {
        started.push((event.data as { number: string }).number);
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send([
      event("test/rl", { number: "+1555" }),
      event("test/rl", { number: "+1555" }),
      event("test/rl", { number: "+1666" }),
    ]);
    await runner.drain();
    expect(started.sort()).toEqual(["+1555", "+1666"]);
    clock.advance(59 * 60_000);
    await runner.send(event("test/rl", { number: "+1555" }));
    await runner.drain();
    expect(started).toHaveLength(2);
    clock.advance(61_000);
    await runner.send(event("test/rl", { number: "+1555" }));
    await runner.drain();
    expect(started.filter((n) => n === "+1555")).toHaveLength(2);
  });

  it("debounces: one run, with the last event, once no event came for the period (or at the timeout)", async () => {
    const got: number[] = [];
    const fn = testClient.createFunction(
      {
        id: "debounced",
        debounce: { period: "5m", key: "event.data.campaign", timeout: "12m" },
        triggers: { event: "test/db" },
      },
      async ({ event }) => {
        got.push((event.data as { n: number }).n);
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/db", { campaign: "c1", n: 1 }));
    clock.advance(4 * 60_000);
    await runner.send(event("test/db", { campaign: "c1", n: 2 }));
    await runner.drain();
    clock.advance(4 * 60_000); // 10:08: 4 minutes after the last event
    await runner.drain();
    expect(got).toEqual([]);
    clock.advance(60_000); // 10:09: 5 minutes after it
    await runner.drain();
    expect(got).toEqual([2]);

    // A steady stream (one every 3 minutes from 10:09) still runs at the timeout, 10:21, with the
    // last event before it (n = 13).
    for (let n = 10; n < 16; n++) {
      await runner.send(event("test/db", { campaign: "c1", n }));
      clock.advance(3 * 60_000);
      await runner.drain();
    }
    expect(got).toEqual([2, 13]);
  });
});
