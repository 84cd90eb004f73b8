/** step.waitForEvent (match and timeout) and cancelOn, as Inngest documents them. */
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../../inngest/runner/clock";
import { closeRunners, event, makeRunner, runsOf, testClient } from "./helpers";

afterEach(closeRunners);

describe("embedded runner: waitForEvent", () => {
  it("resumes with the matching event, ignoring events for other runs", async () => {
    const fn = testClient.createFunction(
      { id: "await-receipt", triggers: { event: "test/fax.sent" } },
      async ({ step }) => {
        const receipt = await step.waitForEvent("receipt", {
          event: "test/fax.receipt",
          match: "data.faxId",
          timeout: "1h",
        });
        return { pages: (receipt?.data as { pages?: number } | undefined)?.pages ?? null };
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send([event("test/fax.sent", { faxId: "f1" }), event("test/fax.sent", { faxId: "f2" })]);
    await runner.drain();
    expect((await runsOf(runner, "runner-test-await-receipt")).map((r) => r.status)).toEqual(["SLEEPING", "SLEEPING"]);

    clock.advance(60_000);
    await runner.send(event("test/fax.receipt", { faxId: "f2", pages: 3 }));
    await runner.drain();
    const runs = await runsOf(runner, "runner-test-await-receipt");
    const byFax = Object.fromEntries(
      await Promise.all(
        runs.map(async (r) => {
          const { rows } = await runner.pool.query(
            `SELECT event->'data'->>'faxId' AS fax FROM "JobRun" WHERE id = $1`,
            [r.id],
          );
          return [rows[0].fax, r] as const;
        }),
      ),
    );
    expect(byFax.f2).toMatchObject({ status: "COMPLETED", output: { pages: 3 } });
    expect(byFax.f1).toMatchObject({ status: "SLEEPING", runAt: new Date("2026-11-23T11:00:00Z") });
  });

  it("resumes with null when the timeout passes first, and a late event changes nothing", async () => {
    const fn = testClient.createFunction(
      { id: "await-timeout", triggers: { event: "test/wait-timeout" } },
      async ({ step }) => {
        const got = await step.waitForEvent("approval", { event: "test/approved", timeout: "30m" });
        return { approved: got !== null };
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send(event("test/wait-timeout"));
    await runner.drain();
    clock.set("2026-11-23T10:30:00Z");
    await runner.drain();
    expect((await runsOf(runner, "runner-test-await-timeout"))[0]).toMatchObject({
      status: "COMPLETED",
      output: { approved: false },
    });
    await runner.send(event("test/approved"));
    await runner.drain();
    expect((await runsOf(runner, "runner-test-await-timeout"))[0]).toMatchObject({ output: { approved: false } });
  });
});

describe("embedded runner: cancelOn", () => {
  it("cancels the runs whose trigger matches the cancelling event, and only those", async () => {
    const after: string[] = [];
    const fn = testClient.createFunction(
      {
        id: "reminder",
        cancelOn: [{ event: "test/campaign.cancelled", match: "data.campaignId" }],
        triggers: { event: "test/campaign.started" },
      },
      async ({ event, step }) => {
        await step.sleep("wait-a-day", "1d");
        await step.run("remind", () => after.push((event.data as { campaignId: string }).campaignId));
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([fn], clock);
    await runner.send([
      event("test/campaign.started", { campaignId: "c1" }),
      event("test/campaign.started", { campaignId: "c2" }),
    ]);
    await runner.drain();
    await runner.send(event("test/campaign.cancelled", { campaignId: "c1" }));
    clock.advance(86_400_000);
    await runner.drain();
    expect(after).toEqual(["c2"]);
    expect((await runsOf(runner, "runner-test-reminder")).map((r) => r.status).sort()).toEqual([
      "CANCELLED",
      "COMPLETED",
    ]);
  });
});

describe("embedded runner: invoke", () => {
  it("runs the invoked function with the payload and resumes with its result or its error", async () => {
    const render = testClient.createFunction(
      { id: "render-cover", retries: 0, triggers: [] },
      async ({ event, step }) => {
        const pages = (event.data as { pages: number }).pages;
        if (pages < 0) throw new Error("no such page count");
        return step.run("render", () => ({ rendered: pages + 1 }));
      },
    );
    const send = testClient.createFunction(
      { id: "send-fax", triggers: { event: "test/send-fax" } },
      async ({ event, step }) => {
        const pages = (event.data as { pages: number }).pages;
        try {
          const cover = await step.invoke("cover", { function: render, data: { pages } });
          return { cover };
        } catch (error) {
          return { failed: (error as Error).message };
        }
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([render, send], clock);
    await runner.send([event("test/send-fax", { pages: 2 }), event("test/send-fax", { pages: -1 })]);
    await runner.drain();
    const outputs = (await runsOf(runner, "runner-test-send-fax")).map((r) => r.output);
    expect(outputs).toContainEqual({ cover: { rendered: 3 } });
    expect(outputs).toContainEqual({ failed: expect.stringMatching(/no such page count/) });
    expect((await runsOf(runner, "runner-test-render-cover")).map((r) => r.status).sort()).toEqual([
      "COMPLETED",
      "FAILED",
    ]);
  });

  it("throws in the invoking function when the invoked one outlasts the timeout", async () => {
    const slow = testClient.createFunction({ id: "slow-child", triggers: [] }, async ({ step }) => {
      await step.sleep("long", "2h");
    });
    const parent = testClient.createFunction(
      { id: "impatient", triggers: { event: "test/impatient" } },
      async ({ step }) => {
        try {
          await step.invoke("child", { function: slow, data: {}, timeout: "1h" });
          return "finished";
        } catch (error) {
          return (error as Error).message;
        }
      },
    );
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = makeRunner([slow, parent], clock);
    await runner.send(event("test/impatient"));
    await runner.drain();
    clock.set("2026-11-23T11:00:00Z");
    await runner.drain();
    expect((await runsOf(runner, "runner-test-impatient"))[0]!.output).toMatch(/Timed out/);
  });
});
