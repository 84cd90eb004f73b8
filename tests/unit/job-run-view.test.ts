/** How the Jobs page names a run's and a step's state from the stored rows. */
import { describe, expect, it } from "vitest";
import { runState, toStepView } from "../../server/job/job-run-view";

const run = { status: "QUEUED", attempt: 0, cancelRequestedAt: null, waiting: false };
const step = {
  id: "h1",
  name: "dial",
  op: "StepRun",
  done: true,
  attempts: 1,
  startedAt: new Date("2026-11-23T10:00:00Z"),
  createdAt: new Date("2026-11-23T10:00:02Z"),
  wakeAt: null,
  waitEvent: null,
  errorName: null,
  errorMessage: null,
  outputBytes: 12,
};

describe("job run view", () => {
  it("tells a run waiting to retry from a new one, and a run being cancelled from a running one", () => {
    expect(runState(run)).toBe("queued");
    expect(runState({ ...run, attempt: 2 })).toBe("retrying");
    expect(runState({ ...run, status: "RUNNING" })).toBe("running");
    expect(runState({ ...run, status: "RUNNING", cancelRequestedAt: new Date() })).toBe("cancelling");
    expect(runState({ ...run, status: "SLEEPING" })).toBe("sleeping");
    expect(runState({ ...run, status: "SLEEPING", waiting: true })).toBe("waiting");
    expect(runState({ ...run, status: "CANCELLED" })).toBe("cancelled");
  });

  it("gives each step its kind, state and times; a sleep ends at its wake-up time", () => {
    expect(toStepView(step, false)).toMatchObject({
      kind: "run",
      state: "completed",
      startedAt: step.startedAt,
      endedAt: step.createdAt,
      outputBytes: 12,
      error: null,
    });
    expect(toStepView({ ...step, errorMessage: "busy" }, true)).toMatchObject({
      state: "failed",
      error: { name: "Error", message: "busy" },
    });
    const wakeAt = new Date("2026-11-24T10:00:00Z");
    const sleep = { ...step, op: "Sleep", done: false, wakeAt, outputBytes: null };
    expect(toStepView(sleep, false)).toMatchObject({
      kind: "sleep",
      state: "sleeping",
      sleepsUntil: wakeAt,
      endedAt: null,
    });
    expect(toStepView(sleep, true).state).toBe("stopped");
    expect(toStepView({ ...sleep, done: true }, false)).toMatchObject({ state: "completed", endedAt: wakeAt });
    const wait = { ...step, op: "WaitForEvent", done: false, waitEvent: "fax/delivered" };
    expect(toStepView(wait, false)).toMatchObject({ kind: "wait", state: "waiting", waitsFor: "fax/delivered" });
    expect(toStepView({ ...step, op: "SendEvent" }, false).kind).toBe("sendEvent");
    expect(toStepView({ ...step, op: "InvokeFunction", done: false }, false).kind).toBe("invoke");
  });
});
