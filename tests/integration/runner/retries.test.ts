/** Retries with backoff per the function's `retries`, then onFailure; a failed step can be caught. */
import { NonRetriableError } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../../inngest/runner/clock";
import { closeRunners, event, makeRunner, runsOf, testClient } from "./helpers";

afterEach(closeRunners);

describe("embedded runner: retries", () => {
  it("retries a failing step after its backoff, keeping the steps that already succeeded", async () => {
    const calls: string[] = [];
    let flaky = 0;
    const fn = testClient.createFunction(
      { id: "flaky", retries: 3, triggers: { event: "test/flaky" } },
      async ({ step }) => {
        await step.run("first", () => calls.push("first"));
        await step.run("flaky", () => {
          calls.push("flaky");
          if (++flaky < 3) throw new Error(`not yet (${flaky})`);
          return "finally";
        });
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock); // backoff: attempt × 1 minute
    await runner.send(event("test/flaky"));
    await runner.drain();
    let [run] = await runsOf(runner, "runner-test-flaky");
    expect(run).toMatchObject({ status: "QUEUED", attempt: 1, runAt: new Date("2026-11-23T10:01:00Z") });
    expect(run!.error?.message).toBe("not yet (1)");

    clock.set("2026-11-23T10:00:59Z");
    await runner.drain();
    expect(calls).toEqual(["first", "flaky"]); // not due yet
    clock.set("2026-11-23T10:01:00Z");
    await runner.drain();
    [run] = await runsOf(runner, "runner-test-flaky");
    expect(run).toMatchObject({ status: "QUEUED", attempt: 2, runAt: new Date("2026-11-23T10:03:00Z") });
    clock.set("2026-11-23T10:03:00Z");
    await runner.drain();
    expect(calls).toEqual(["first", "flaky", "flaky", "flaky"]);
    expect((await runsOf(runner, "runner-test-flaky"))[0]).toMatchObject({ status: "COMPLETED", attempt: 0 });
  });

  it("gives up after `retries`, fails the run and runs onFailure with the error and the event", async () => {
    let attempts = 0;
    const failures: { message: string; original: unknown }[] = [];
    const fn = testClient.createFunction(
      {
        id: "doomed",
        retries: 2,
        triggers: { event: "test/doomed" },
        onFailure: async ({ error, event, step }) => {
          await step.run("record", () =>
            failures.push({
              message: error.message,
              original: (event.data as { event: { data: unknown } }).event.data,
            }),
          );
        },
      },
      async ({ step }) => {
        await step.run("always-fails", () => {
          attempts++;
          throw new Error("the fax line is down");
        });
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/doomed", { faxId: "f1" }));
    for (let i = 0; i < 5; i++) {
      await runner.drain();
      clock.advance(10 * 60_000);
    }
    expect(attempts).toBe(3); // the first try and 2 retries
    const runs = await runsOf(runner, "runner-test-doomed");
    expect(runs.map((r) => [r.kind, r.status])).toEqual([
      ["main", "FAILED"],
      ["failure", "COMPLETED"],
    ]);
    expect(runs[0]!.error?.message).toMatch(/the fax line is down/);
    expect(failures).toEqual([{ message: expect.stringMatching(/the fax line is down/), original: { faxId: "f1" } }]);
  });

  it("does not retry a NonRetriableError, and a failed step can be caught by the function", async () => {
    let tries = 0;
    const fn = testClient.createFunction(
      { id: "caught", retries: 5, triggers: { event: "test/caught" } },
      async ({ step }) => {
        try {
          await step.run("refused", () => {
            tries++;
            throw new NonRetriableError("number is blocked");
          });
        } catch (error) {
          return { handled: (error as Error).message };
        }
      },
    );
    const runner = makeRunner([fn], createManualClock("2026-11-23T10:00:00Z"));
    await runner.send(event("test/caught"));
    await runner.drain();
    expect(tries).toBe(1);
    expect((await runsOf(runner, "runner-test-caught"))[0]).toMatchObject({
      status: "COMPLETED",
      output: { handled: expect.stringMatching(/number is blocked/) },
    });
  });
});
