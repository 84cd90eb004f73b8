/**
 * The Jobs page's router: platform admins see runs and their step timelines — metadata only, never
 * an event payload or a step output — and retry or cancel runs, audited; nobody else gets in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../inngest/runner/clock";
import type { Runner } from "../../inngest/runner/runner";
import { getDb } from "../../server/db/client";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";
import { closeRunners, event, makeRunner, testClient } from "./runner/helpers";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let platform: Caller;
let tenantAdmin: Caller;
let tenantUser: Caller;
let runner: Runner;
const clock = createManualClock(new Date(Date.now() - 60_000));

const SECRET_IN_EVENT = "Patient Jane Roe, DOB 1970-01-01";
const SECRET_IN_OUTPUT = "page 1 of the referral letter";
let lineDown = true;
const calls: string[] = [];

const convert = testClient.createFunction({ id: "convert", triggers: { event: "test/convert" } }, async ({ step }) => {
  await step.run("read-document", () => SECRET_IN_OUTPUT);
  await step.sendEvent("announce", { name: "test/converted", data: { note: SECRET_IN_OUTPUT } });
  return SECRET_IN_OUTPUT;
});
const dial = testClient.createFunction(
  { id: "dial", retries: 0, triggers: { event: "test/dial" } },
  async ({ step }) => {
    await step.run("prepare", () => calls.push("prepare"));
    await step.run("dial", () => {
      calls.push("dial");
      if (lineDown) throw new Error("the fax line is down");
    });
  },
);
const remind = testClient.createFunction({ id: "remind", triggers: { event: "test/remind" } }, async ({ step }) => {
  await step.run("first", () => calls.push("first"));
  await step.sleep("wait-a-day", "1d");
  await step.run("remind", () => calls.push("remind"));
});

beforeAll(async () => {
  const root = await makePlatformAdmin();
  const acme = await makeTenant("Acme", "acme.localhost");
  platform = await callerFor(root.id, "localhost");
  tenantAdmin = await callerFor(acme.admin.id, acme.hostname);
  tenantUser = await callerFor(acme.user.id, acme.hostname);
  runner = makeRunner([convert, dial, remind], clock);
  await runner.send([
    event("test/convert", { patient: SECRET_IN_EVENT }),
    event("test/dial", { patient: SECRET_IN_EVENT }),
    event("test/remind"),
  ]);
  await runner.drain();
});
afterAll(closeRunners);

const runOf = async (functionId: string) => {
  const page = await platform.job.list({ functionId: `runner-test-${functionId}`, page: 1, pageSize: 25 });
  expect(page.items).toHaveLength(1);
  return page.items[0]!;
};

describe("job router", () => {
  it("lists runs with their function, state, trigger, times, attempts and error, filtered and paged", async () => {
    const all = await platform.job.list({ page: 1, pageSize: 25 });
    expect(all.total).toBe(3);
    expect(all.functions).toEqual(["runner-test-convert", "runner-test-dial", "runner-test-remind"]);
    const failed = await platform.job.list({ status: "FAILED", page: 1, pageSize: 25 });
    expect(failed.items.map((r) => r.functionId)).toEqual(["runner-test-dial"]);
    expect(failed.items[0]).toMatchObject({
      state: "failed",
      trigger: { event: "test/dial", cron: null },
      attempt: 1,
      maxAttempts: 1,
      error: { message: "the fax line is down" },
    });
    expect(failed.items[0]!.endedAt).toBeInstanceOf(Date);
    expect(await runOf("remind")).toMatchObject({ state: "sleeping", endedAt: null, error: null });
    const paged = await platform.job.list({ page: 2, pageSize: 5 });
    expect(paged).toMatchObject({ total: 3, items: [] });
  });

  it("shows a run's step timeline with kinds, states and sizes — never payloads or outputs", async () => {
    const run = await platform.job.get({ id: (await runOf("convert")).id });
    expect(run.state).toBe("completed");
    expect(run.steps.map((s) => [s.name, s.kind, s.state, s.attempts])).toEqual([
      ["read-document", "run", "completed", 1],
      ["announce", "sendEvent", "completed", 1],
    ]);
    expect(run.steps[0]!.outputBytes).toBe(JSON.stringify(SECRET_IN_OUTPUT).length);
    expect(run.eventBytes).toBeGreaterThan(SECRET_IN_EVENT.length);
    expect(run.outputBytes).toBeGreaterThan(0);

    const sleeping = await platform.job.get({ id: (await runOf("remind")).id });
    expect(sleeping.steps.map((s) => [s.name, s.kind, s.state])).toEqual([
      ["first", "run", "completed"],
      ["wait-a-day", "sleep", "sleeping"],
    ]);
    expect(sleeping.steps[1]!.sleepsUntil).toEqual(new Date(clock.now().getTime() + 86_400_000));

    const everything = JSON.stringify([
      await platform.job.list({ page: 1, pageSize: 25 }),
      run,
      sleeping,
      await platform.job.get({ id: (await runOf("dial")).id }),
    ]);
    expect(everything).not.toContain(SECRET_IN_EVENT);
    expect(everything).not.toContain(SECRET_IN_OUTPUT);
  });

  it("retries a failed run from its failed step, audited; a completed run cannot be retried", async () => {
    const failed = await runOf("dial");
    const before = await platform.job.get({ id: failed.id });
    expect(before.steps.map((s) => [s.name, s.state])).toEqual([
      ["prepare", "completed"],
      ["dial", "failed"],
    ]);
    lineDown = false;
    expect(await platform.job.retry({ id: failed.id })).toEqual({ outcome: "restarted" });
    clock.set(new Date());
    await runner.drain();
    const after = await platform.job.get({ id: failed.id });
    expect(after.state).toBe("completed");
    expect(calls.filter((c) => c === "prepare")).toHaveLength(1);
    expect(calls.filter((c) => c === "dial")).toHaveLength(2);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "job.retry", entityId: failed.id } });
    expect(audit.details).toMatchObject({ function: "runner-test-dial", restarted: true });

    await expect(platform.job.retry({ id: failed.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This run is completed: only a failed run, or one waiting to retry, can be retried now.",
    });
  });

  it("cancels a sleeping run, audited; the steps after its sleep never run", async () => {
    const sleeping = await runOf("remind");
    expect(await platform.job.cancel({ id: sleeping.id })).toEqual({ outcome: "cancelled" });
    clock.advance(2 * 86_400_000);
    await runner.drain();
    const run = await platform.job.get({ id: sleeping.id });
    expect(run.state).toBe("cancelled");
    expect(run.steps.map((s) => [s.name, s.state])).toEqual([
      ["first", "completed"],
      ["wait-a-day", "stopped"],
    ]);
    expect(calls).not.toContain("remind");
    expect(await getDb().auditLog.count({ where: { action: "job.cancel", entityId: sleeping.id } })).toBe(1);
    await expect(platform.job.cancel({ id: sleeping.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses organisation admins and users", async () => {
    const id = (await runOf("convert")).id;
    for (const caller of [tenantAdmin, tenantUser]) {
      await expect(caller.job.list({ page: 1, pageSize: 25 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.job.get({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.job.retry({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.job.cancel({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
