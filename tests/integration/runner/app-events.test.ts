/**
 * App code sends events after commit (sendEvent + runInScope); from a process without a runner
 * (the Next.js server) they are stored and a runner worker starts their runs. The app's own
 * functions run on the runner, the daily clean-up on its cron.
 */
import { afterEach, describe, expect, it } from "vitest";
import { functions } from "../../../inngest/functions";
import { createManualClock } from "../../../inngest/runner/clock";
import { getDb } from "../../../server/db/client";
import { runInScope } from "../../../server/db/run-in-scope";
import { sendEvent } from "../../../server/job/send-event";
import { closeRunners, makeRunner, runsOf, testClient } from "./helpers";

afterEach(closeRunners);

describe("sending events from app code", () => {
  it("sends nothing when the transaction rolls back, and starts the run after a commit", async () => {
    const got: unknown[] = [];
    const fn = testClient.createFunction(
      { id: "on-fax-queued", triggers: { event: "test/fax.queued" } },
      async ({ event }) => {
        got.push(event.data);
      },
    );
    await expect(
      runInScope({ scope: { kind: "platform" }, actor: null }, async (ctx) => {
        await sendEvent(ctx, { name: "test/fax.queued", data: { fax: "rolled-back" } });
        throw new Error("validation failed");
      }),
    ).rejects.toThrow("validation failed");
    await runInScope({ scope: { kind: "platform" }, actor: null }, async (ctx) => {
      await sendEvent(ctx, { name: "test/fax.queued", data: { fax: "committed" } });
    });
    const stored = await getDb().$queryRaw<{ data: unknown; fannedOutAt: Date | null }[]>`
      SELECT data, "fannedOutAt" FROM "JobEvent" WHERE name = 'test/fax.queued'`;
    expect(stored).toEqual([{ data: { fax: "committed" }, fannedOutAt: null }]);

    const runner = makeRunner([fn], createManualClock("2026-11-23T10:00:00Z"));
    await runner.drain();
    expect(got).toEqual([{ fax: "committed" }]);
    expect(await runsOf(runner, "runner-test-on-fax-queued")).toMatchObject([{ status: "COMPLETED" }]);
  });
});

describe("the app's functions on the runner", () => {
  it("prunes old sign-in records on the daily cron at 03:17 UTC", async () => {
    const db = getDb();
    await db.loginAttempt.createMany({
      data: [
        { username: "ancient", ip: "1.1.1.1", success: false, createdAt: new Date(Date.now() - 48 * 3_600_000) },
        { username: "fresh", ip: "1.1.1.1", success: false },
      ],
    });
    const clock = createManualClock("2026-11-23T03:00:00Z");
    const runner = makeRunner(functions, clock);
    await runner.drain();
    expect(await db.loginAttempt.count({ where: { username: "ancient" } })).toBe(1);
    clock.set("2026-11-23T03:17:00Z");
    await runner.drain();
    expect(await db.loginAttempt.findMany({ select: { username: true } })).toEqual([{ username: "fresh" }]);
    expect(await runsOf(runner, "faxport-prune-auth-records")).toMatchObject([{ status: "COMPLETED" }]);
  });
});
