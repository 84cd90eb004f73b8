/**
 * The Jobs page's run controls: Retry now (a failed run resumes at its first unfinished step; a
 * run in retry backoff is due at once) and Cancel (waiting runs end at once; a running step
 * finishes and nothing after it runs) — with a controlled clock and with two workers.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../../inngest/runner/clock";
import { cancelledRunTrigger } from "../../../inngest/runner/function-registry";
import type { Runner } from "../../../inngest/runner/runner";
import { transaction } from "../../../inngest/runner/store";
import { queryWith } from "../../../server/db/raw-query";
import { cancelRun } from "../../../server/job/run-controls/cancel-run";
import { retryRun } from "../../../server/job/run-controls/retry-run";
import { closeRunners, event, makeRunner, runsOf, testClient } from "./helpers";

afterEach(closeRunners);

const retry = (runner: Runner, runId: string, now: Date) =>
  transaction(runner.pool, (db) => retryRun({ query: queryWith(db), runId, now }));
const cancel = (runner: Runner, runId: string, now: Date) =>
  transaction(runner.pool, (db) => cancelRun({ query: queryWith(db), runId, now }));

async function stepsOf(runner: Runner, runId: string) {
  const { rows } = await runner.pool.query(
    `SELECT name, op, done, error IS NOT NULL AS failed, attempts, "startedAt" FROM "JobStep"
     WHERE "runId" = $1 ORDER BY position`,
    [runId],
  );
  return rows as { name: string; op: string; done: boolean; failed: boolean; attempts: number; startedAt: Date }[];
}

describe("embedded runner: retry now", () => {
  it("restarts a failed run at the step that failed; the steps it completed do not run again", async () => {
    const calls: string[] = [];
    let lineDown = true;
    const fn = testClient.createFunction(
      { id: "dial", retries: 1, triggers: { event: "test/dial" } },
      async ({ step }) => {
        await step.run("prepare", () => calls.push("prepare"));
        await step.run("dial", () => {
          calls.push("dial");
          if (lineDown) throw new Error("the fax line is down");
          return "dialled";
        });
        await step.run("report", () => calls.push("report"));
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock); // backoff: attempt × 1 minute
    await runner.send(event("test/dial"));
    await runner.drain();
    clock.advance(60_000);
    await runner.drain();
    let [run] = await runsOf(runner, "runner-test-dial");
    expect(run).toMatchObject({ status: "FAILED" });
    expect(calls).toEqual(["prepare", "dial", "dial"]);

    lineDown = false;
    clock.advance(3_600_000);
    expect(await retry(runner, run!.id, clock.now())).toEqual({ outcome: "restarted", functionId: "runner-test-dial" });
    [run] = await runsOf(runner, "runner-test-dial");
    expect(run).toMatchObject({ status: "QUEUED", attempt: 0, runAt: clock.now(), error: null });
    await runner.drain();
    expect(calls).toEqual(["prepare", "dial", "dial", "dial", "report"]);
    expect((await runsOf(runner, "runner-test-dial"))[0]).toMatchObject({ status: "COMPLETED" });
    const steps = await stepsOf(runner, run!.id);
    expect(steps.map((s) => [s.name, s.done, s.failed, s.attempts])).toEqual([
      ["prepare", true, false, 1],
      ["dial", true, false, 1],
      ["report", true, false, 1],
    ]);
    expect(steps[1]!.startedAt).toEqual(clock.now());
  });

  it("wakes a run waiting in retry backoff now, not when its backoff ends", async () => {
    let tries = 0;
    const fn = testClient.createFunction(
      { id: "backoff", retries: 3, triggers: { event: "test/backoff" } },
      async ({ step }) =>
        step.run("flaky", () => {
          if (++tries === 1) throw new Error("busy");
          return "ok";
        }),
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/backoff"));
    await runner.drain();
    let [run] = await runsOf(runner, "runner-test-backoff");
    expect(run).toMatchObject({ status: "QUEUED", attempt: 1, runAt: new Date("2026-11-23T10:01:00Z") });
    const { rows } = await runner.pool.query(`SELECT "errorStep" FROM "JobRun" WHERE id = $1`, [run!.id]);
    expect(rows[0].errorStep).toBe("flaky"); // the Jobs page names the step being retried

    clock.advance(5_000);
    expect(await retry(runner, run!.id, clock.now())).toMatchObject({ outcome: "woken" });
    await runner.drain();
    [run] = await runsOf(runner, "runner-test-backoff");
    expect(run).toMatchObject({ status: "COMPLETED" });
    expect(tries).toBe(2);
    expect((await stepsOf(runner, run!.id))[0]).toMatchObject({ name: "flaky", attempts: 2 });
  });

  it("refuses a run that is neither failed nor backing off, and an unknown run", async () => {
    const fn = testClient.createFunction({ id: "fine", triggers: { event: "test/fine" } }, async ({ step }) =>
      step.run("one", () => 1),
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/fine"));
    await runner.drain();
    const [run] = await runsOf(runner, "runner-test-fine");
    expect(await retry(runner, run!.id, clock.now())).toEqual({ outcome: "not-retriable", status: "COMPLETED" });
    expect(await retry(runner, randomUUID(), clock.now())).toEqual({ outcome: "not-found" });
  });
});

describe("embedded runner: cancel", () => {
  it("sends inngest/function.cancelled to the handler of the cancelled run's function only (trigger if)", async () => {
    const seen: string[] = [];
    const sleepy = testClient.createFunction({ id: "nap", triggers: { event: "test/nap" } }, async ({ step }) => {
      await step.sleep("an-hour", "1h");
    });
    const other = testClient.createFunction({ id: "other", triggers: { event: "test/other" } }, async ({ step }) => {
      await step.sleep("an-hour", "1h");
    });
    const onNapCancelled = testClient.createFunction(
      { id: "nap-cancelled", triggers: [cancelledRunTrigger(sleepy)] },
      async ({ event, step }) =>
        step.run("tidy up", () => {
          const data = event.data as { function_id: string; run_id: string; event: { data: { n: number } } };
          seen.push(`${data.function_id} ${data.event.data.n}`);
        }),
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([sleepy, other, onNapCancelled], clock);
    await runner.send([event("test/nap", { n: 7 }), event("test/other", { n: 8 })]);
    await runner.drain();
    const [nap] = await runsOf(runner, "runner-test-nap");
    const [otherRun] = await runsOf(runner, "runner-test-other");
    expect(await cancel(runner, nap!.id, clock.now())).toMatchObject({ outcome: "cancelled" });
    expect(await cancel(runner, otherRun!.id, clock.now())).toMatchObject({ outcome: "cancelled" });
    await runner.drain();
    expect(seen).toEqual(["runner-test-nap 7"]);
    expect(await runsOf(runner, "runner-test-nap-cancelled")).toMatchObject([{ status: "COMPLETED" }]);
  });

  it("ends a sleeping run at once; the steps after the sleep never run", async () => {
    const calls: string[] = [];
    const fn = testClient.createFunction({ id: "sleepy", triggers: { event: "test/sleepy" } }, async ({ step }) => {
      await step.run("before", () => calls.push("before"));
      await step.sleep("an-hour", "1h");
      await step.run("after", () => calls.push("after"));
    });
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/sleepy"));
    await runner.drain();
    let [run] = await runsOf(runner, "runner-test-sleepy");
    expect(run).toMatchObject({ status: "SLEEPING" });

    clock.advance(60_000);
    expect(await cancel(runner, run!.id, clock.now())).toEqual({
      outcome: "cancelled",
      functionId: "runner-test-sleepy",
    });
    clock.advance(2 * 3_600_000);
    expect(await runner.drain()).toBe(0);
    [run] = await runsOf(runner, "runner-test-sleepy");
    expect(run).toMatchObject({ status: "CANCELLED" });
    expect(calls).toEqual(["before"]);
    expect(await cancel(runner, run!.id, clock.now())).toEqual({ outcome: "already-ended", status: "CANCELLED" });
    expect(await retry(runner, run!.id, clock.now())).toEqual({ outcome: "not-retriable", status: "CANCELLED" });
  });

  it("ends a run waiting in retry backoff, so it is not tried again", async () => {
    let tries = 0;
    const fn = testClient.createFunction(
      { id: "hopeless", retries: 5, triggers: { event: "test/hopeless" } },
      async ({ step }) =>
        step.run("try", () => {
          tries++;
          throw new Error("no answer");
        }),
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/hopeless"));
    await runner.drain();
    const [run] = await runsOf(runner, "runner-test-hopeless");
    expect(await cancel(runner, run!.id, clock.now())).toMatchObject({ outcome: "cancelled" });
    clock.advance(3_600_000);
    await runner.drain();
    expect(tries).toBe(1);
    expect((await runsOf(runner, "runner-test-hopeless"))[0]).toMatchObject({ status: "CANCELLED" });
  });

  it("lets the step running now finish and keeps its result, then runs nothing after it", async () => {
    const calls: string[] = [];
    let entered: () => void = () => {};
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    let finishStep: () => void = () => {};
    const fn = testClient.createFunction({ id: "busy", triggers: { event: "test/busy" } }, async ({ step }) => {
      await step.run("long", async () => {
        entered();
        await new Promise<void>((r) => {
          finishStep = r;
        });
        calls.push("long");
        return "done";
      });
      await step.run("next", () => calls.push("next"));
    });
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/busy"));
    const draining = runner.drain();
    await inside;
    const [running] = await runsOf(runner, "runner-test-busy");
    expect(running).toMatchObject({ status: "RUNNING" });
    expect(await cancel(runner, running!.id, clock.now())).toMatchObject({ outcome: "cancelling" });
    finishStep();
    await draining;
    const [run] = await runsOf(runner, "runner-test-busy");
    expect(run).toMatchObject({ status: "CANCELLED" });
    expect(calls).toEqual(["long"]);
    expect((await stepsOf(runner, run!.id)).map((s) => [s.name, s.done])).toEqual([["long", true]]);
  });

  it("with two workers waking the same sleepers, a cancelled run never runs a step after its cancel", async () => {
    const bodies = new Map<string, number>();
    const count = (key: string) => bodies.set(key, (bodies.get(key) ?? 0) + 1);
    const fn = testClient.createFunction({ id: "pair", triggers: { event: "test/pair" } }, async ({ event, step }) => {
      const n = (event.data as { n: number }).n;
      await step.run("before", () => count(`${n}:before`));
      await step.sleep("nap", "10m");
      await step.run("after", () => count(`${n}:after`));
    });
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const a = makeRunner([fn], clock, { workerId: "a" });
    const b = makeRunner([fn], clock, { workerId: "b" });
    const total = 30;
    await a.send(Array.from({ length: total }, (_, n) => event("test/pair", { n })));
    await Promise.all([a.drain(), b.drain()]);
    const runs = await runsOf(a, "runner-test-pair");
    expect(runs.every((r) => r.status === "SLEEPING")).toBe(true);
    const byRun = new Map<string, number>();
    for (const r of runs) {
      const { rows } = await a.pool.query(`SELECT (event->'data'->>'n')::int AS n FROM "JobRun" WHERE id = $1`, [r.id]);
      byRun.set(r.id, rows[0].n);
    }

    clock.advance(10 * 60_000);
    // Both workers wake the sleepers while every other run is cancelled from a third connection.
    const cancels = runs
      .filter((_, i) => i % 2 === 0)
      .map(async (r) => ({ id: r.id, result: await cancel(a, r.id, clock.now()) }));
    const [outcomes] = await Promise.all([Promise.all(cancels), a.drain(), b.drain()]);
    await Promise.all([a.drain(), b.drain()]);

    expect([...bodies.values()].every((n) => n === 1)).toBe(true); // no step ran twice
    const after = await runsOf(a, "runner-test-pair");
    for (const { id, result } of outcomes) {
      const n = byRun.get(id)!;
      const status = after.find((r) => r.id === id)!.status;
      if (result.outcome === "cancelled") {
        expect(status).toBe("CANCELLED");
        expect(bodies.has(`${n}:after`)).toBe(false);
      } else if (result.outcome === "cancelling") {
        expect(["CANCELLED", "COMPLETED"]).toContain(status);
      } else {
        expect(result).toEqual({ outcome: "already-ended", status: "COMPLETED" });
      }
    }
    for (const r of after.filter((_, i) => i % 2 === 1)) expect(r.status).toBe("COMPLETED");
    expect(outcomes.filter((o) => o.result.outcome === "cancelled").length).toBeGreaterThan(0);
  });
});
