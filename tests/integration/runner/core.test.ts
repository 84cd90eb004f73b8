/** The embedded runner drives real Inngest function objects with state in PostgreSQL. */
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../../inngest/runner/clock";
import { closeRunners, event, makeRunner, runsOf, testClient } from "./helpers";

afterEach(closeRunners);

describe("embedded runner: steps", () => {
  it("runs each step once, replays completed steps from the database, and returns the output", async () => {
    const calls: string[] = [];
    const fn = testClient.createFunction(
      { id: "three-steps", triggers: { event: "test/three" } },
      async ({ event, step }) => {
        const a = await step.run("a", () => {
          calls.push("a");
          return (event.data as { n: number }).n + 1;
        });
        const b = await step.run("b", () => {
          calls.push("b");
          return a * 10;
        });
        const c = await step.run("c", () => {
          calls.push("c");
          return `${b}!`;
        });
        return { c };
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/three", { n: 4 }));
    await runner.drain();
    expect(calls).toEqual(["a", "b", "c"]);
    const [run] = await runsOf(runner, "runner-test-three-steps");
    expect(run).toMatchObject({ status: "COMPLETED", output: { c: "50!" } });
    const { rows } = await runner.pool.query(`SELECT name, data FROM "JobStep" WHERE "runId" = $1 ORDER BY position`, [
      run!.id,
    ]);
    expect(rows).toEqual([
      { name: "a", data: 5 },
      { name: "b", data: 50 },
      { name: "c", data: "50!" },
    ]);
  });

  it("fans an event out to every function it triggers, and step.sendEvent starts the functions it triggers", async () => {
    const seen: string[] = [];
    const first = testClient.createFunction({ id: "fan-one", triggers: { event: "test/fan" } }, async ({ step }) => {
      await step.run("note", () => seen.push("one"));
      await step.sendEvent("follow-up", { name: "test/follow", data: { from: "one" } });
    });
    const second = testClient.createFunction({ id: "fan-two", triggers: { event: "test/fan" } }, async ({ step }) => {
      await step.run("note", () => seen.push("two"));
    });
    const follower = testClient.createFunction(
      { id: "follower", triggers: { event: "test/follow" } },
      async ({ event, step }) => {
        await step.run("note", () => seen.push(`follow:${(event.data as { from: string }).from}`));
      },
    );
    const runner = makeRunner([first, second, follower], createManualClock("2026-11-23T10:00:00Z"));
    await runner.send(event("test/fan"));
    await runner.drain();
    expect(seen.sort()).toEqual(["follow:one", "one", "two"]);
    expect((await runsOf(runner, "runner-test-follower")).map((r) => r.status)).toEqual(["COMPLETED"]);
  });

  it("keeps a step's events with its result: inngest.send from inside a step is stored once with it", async () => {
    let bodies = 0;
    const sender = testClient.createFunction(
      { id: "send-in-step", triggers: { event: "test/send-in-step" } },
      async ({ step }) => {
        await step.run("send", async () => {
          bodies++;
          await testClient.send({ name: "test/sent-from-step", data: {} });
        });
      },
    );
    const receiver = testClient.createFunction(
      { id: "receiver", triggers: { event: "test/sent-from-step" } },
      async () => "got it",
    );
    const runner = makeRunner([sender, receiver], createManualClock("2026-11-23T10:00:00Z"));
    await runner.send(event("test/send-in-step"));
    await runner.drain();
    expect(bodies).toBe(1);
    expect(await runsOf(runner, "runner-test-receiver")).toMatchObject([{ status: "COMPLETED", output: "got it" }]);
  });

  it("stores an event id once: sending the same event twice starts one run", async () => {
    const fn = testClient.createFunction({ id: "dedupe", triggers: { event: "test/dedupe" } }, async () => "ok");
    const runner = makeRunner([fn], createManualClock("2026-11-23T10:00:00Z"));
    const e = event("test/dedupe");
    await runner.send(e);
    await runner.send(e);
    await runner.drain();
    expect(await runsOf(runner, "runner-test-dedupe")).toHaveLength(1);
  });
});

describe("embedded runner: sleeps", () => {
  it("ends a sleep at its original time, across a restart of the runner", async () => {
    const calls: string[] = [];
    const fn = testClient.createFunction({ id: "sleeper", triggers: { event: "test/sleep" } }, async ({ step }) => {
      await step.run("before", () => calls.push("before"));
      await step.sleep("nap", "1h");
      await step.run("after", () => calls.push("after"));
      await step.sleepUntil("until", new Date("2026-11-24T00:00:00Z"));
      await step.run("last", () => calls.push("last"));
    });
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const first = makeRunner([fn], clock);
    await first.send(event("test/sleep"));
    await first.drain();
    expect(calls).toEqual(["before"]);
    const [sleeping] = await runsOf(first, "runner-test-sleeper");
    expect(sleeping).toMatchObject({ status: "SLEEPING", runAt: new Date("2026-11-23T11:00:00Z") });
    await first.stop();

    // A new runner (a restart) 59 minutes later: the sleep is not over; it does not start again either.
    clock.set("2026-11-23T10:59:00Z");
    const second = makeRunner([fn], clock);
    await second.drain();
    expect(calls).toEqual(["before"]);
    clock.set("2026-11-23T11:00:00Z");
    await second.drain();
    expect(calls).toEqual(["before", "after"]);
    expect((await runsOf(second, "runner-test-sleeper"))[0]).toMatchObject({
      status: "SLEEPING",
      runAt: new Date("2026-11-24T00:00:00Z"),
    });
    clock.set("2026-11-24T00:00:00Z");
    await second.drain();
    expect(calls).toEqual(["before", "after", "last"]);
    expect((await runsOf(second, "runner-test-sleeper"))[0]!.status).toBe("COMPLETED");
  });
});
