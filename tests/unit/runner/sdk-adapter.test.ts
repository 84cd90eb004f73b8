/**
 * The contract between the embedded runner and the Inngest SDK's insides (sdk-adapter.ts), run
 * against real SDK functions of the pinned version. When this file fails after an `inngest`
 * upgrade, the SDK changed something the runner relies on: fix sdk-adapter.ts, not the runner.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Inngest, NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import {
  clientFetch,
  DEFAULT_RETRIES,
  executeStepwise,
  functionId,
  functionOptions,
  INVOKE_TIMEOUT_ERROR,
  type MemoizedStep,
  PINNED_SDK_VERSION,
  readSentEvents,
  SDK_EVENTS,
  type SentEvent,
  type StepwiseInput,
  type StepwiseResult,
  sentEventsResponse,
  serializeError,
} from "../../../inngest/runner/sdk-adapter";

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** Answers the client's send request the way the runner's event route does, and keeps what it got. */
const sent: SentEvent[] = [];
const fetchEvents: typeof fetch = async (input, init) => {
  const events = readSentEvents(String(input), init);
  if (!events) throw new Error(`unexpected request to ${String(input)}`);
  sent.push(...events);
  return sentEventsResponse(events.map((_, i) => `id-${sent.length - events.length + i}`));
};
const client = new Inngest({ id: "contract", logger: quiet, eventKey: "test-key", fetch: fetchEvents });

const trigger = { id: "evt-1", name: "test/go", data: { fax: "f1" }, ts: 1_700_000_000_000 };
const triggers = [{ event: "test/go" }];

function execute(fn: StepwiseInput["fn"], extra: Partial<StepwiseInput> = {}): Promise<StepwiseResult> {
  return executeStepwise({
    fn,
    kind: "main",
    runId: "run-1",
    event: trigger,
    attempt: 0,
    maxAttempts: 4,
    steps: [],
    ...extra,
  });
}

/** Executes `fn` as the runner does — memoizing each result and re-executing — until it asks for something else. */
async function executeUntilStopped(fn: StepwiseInput["fn"], steps: MemoizedStep[] = []) {
  for (;;) {
    const result = await execute(fn, { steps });
    if (result.kind !== "step-done") return { result, steps };
    steps = [...steps, { id: result.step.id, data: result.data }];
  }
}

describe("the Inngest SDK the runner's adapter was written against", () => {
  it("is the pinned version", () => {
    const installed = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "../../../node_modules/inngest/package.json"), "utf8"),
    ).version;
    expect(
      installed,
      `inngest is now ${installed}: re-check inngest/runner/sdk-adapter.ts against it (run this file), then update PINNED_SDK_VERSION`,
    ).toBe(PINNED_SDK_VERSION);
  });
});

describe("sdk-adapter: function objects", () => {
  it("reads a function's Inngest id, its client's fetch and the default retries", () => {
    const fn = client.createFunction({ id: "named", triggers }, async () => "ok");
    expect(functionId(fn)).toBe("contract-named");
    expect(clientFetch(fn)).toBe(fetchEvents);
    expect(DEFAULT_RETRIES).toBe(3);
  });

  it("keeps the options the function registry reads as they were given", () => {
    const onFailure = async () => {};
    const fn = client.createFunction(
      {
        id: "opts",
        triggers: [{ event: "test/go", if: "event.data.fax == 'f1'" }, { cron: "TZ=UTC 0 3 * * *" }],
        retries: 7,
        cancelOn: [{ event: "test/stop", match: "data.fax", timeout: "1h" }],
        concurrency: { limit: 2, key: "event.data.fax" },
        onFailure,
      },
      async () => "ok",
    );
    const opts = functionOptions(fn);
    expect(opts).toMatchObject({
      triggers: [{ event: "test/go", if: "event.data.fax == 'f1'" }, { cron: "TZ=UTC 0 3 * * *" }],
      retries: 7,
      cancelOn: [{ event: "test/stop", match: "data.fax", timeout: "1h" }],
      concurrency: { limit: 2, key: "event.data.fax" },
    });
    expect(opts.onFailure).toBe(onFailure);
  });
});

describe("sdk-adapter: events the client sends", () => {
  it("reads inngest.send's request and answers it with the ids the client returns", async () => {
    sent.length = 0;
    const result = await client.send({ name: "test/sent", data: { fax: "f2" } });
    expect(sent).toEqual([expect.objectContaining({ name: "test/sent", data: { fax: "f2" } })]);
    expect(result.ids).toEqual(["id-0"]);
  });

  it("passes any other request by", () => {
    expect(readSentEvents("https://inn.gs/e/key", { method: "GET" })).toBeNull();
    expect(readSentEvents("https://api.inngest.com/fn/register", { method: "POST", body: "[]" })).toBeNull();
  });
});

describe("sdk-adapter: stepwise execution", () => {
  it("runs a step.run body, and completes with its memoized result without running it again", async () => {
    let bodies = 0;
    const fn = client.createFunction({ id: "add", triggers }, async ({ event, step }) => {
      const page = await step.run("count pages", () => {
        bodies++;
        return 2;
      });
      return { fax: (event.data as { fax: string }).fax, pages: page + 1 };
    });
    const first = await execute(fn);
    expect(first).toMatchObject({ kind: "step-done", step: { name: "count pages", op: "StepRun" }, data: 2 });
    if (first.kind !== "step-done") throw new Error("no step ran");
    const second = await execute(fn, { steps: [{ id: first.step.id, data: first.data }] });
    expect(second).toEqual({ kind: "complete", output: { fax: "f1", pages: 3 } });
    expect(bodies).toBe(1);
  });

  it("plans parallel steps, and runs the one it is asked for", async () => {
    const fn = client.createFunction({ id: "parallel", triggers }, async ({ step }) => {
      await Promise.all([step.run("left", () => "L"), step.run("right", () => "R")]);
    });
    const found = await execute(fn);
    expect(found).toMatchObject({
      kind: "steps-found",
      steps: [
        { kind: "planned", name: "left" },
        { kind: "planned", name: "right" },
      ],
    });
    if (found.kind !== "steps-found") throw new Error("nothing planned");
    const right = await execute(fn, { requestedStep: found.steps[1]!.id });
    expect(right).toMatchObject({ kind: "step-done", step: { name: "right" }, data: "R" });
  });

  it("reports a throwing step as retriable until its last attempt, then as failed, and replays it as thrown", async () => {
    const fn = client.createFunction({ id: "throws", retries: 2, triggers }, async ({ step }) => {
      try {
        await step.run("dial", () => {
          throw new Error("line busy");
        });
      } catch (error) {
        return `gave up: ${(error as Error).message}`;
      }
    });
    const first = await execute(fn, { attempt: 0, maxAttempts: 3 });
    expect(first).toMatchObject({ kind: "step-error", step: { name: "dial" }, error: { message: "line busy" } });
    expect(first).not.toHaveProperty("retryAfter");
    const last = await execute(fn, { attempt: 2, maxAttempts: 3 });
    expect(last).toMatchObject({ kind: "step-failed", error: { name: "Error", message: "line busy" } });
    if (last.kind !== "step-failed") throw new Error("the step did not fail");
    expect(await execute(fn, { steps: [{ id: last.step.id, error: last.error }] })).toEqual({
      kind: "complete",
      output: "gave up: line busy",
    });
  });

  it("fails a step at once on NonRetriableError", async () => {
    const fn = client.createFunction({ id: "non-retriable", triggers }, async ({ step }) => {
      await step.run("check", () => {
        throw new NonRetriableError("no such number");
      });
    });
    expect(await execute(fn, { attempt: 0 })).toMatchObject({
      kind: "step-failed",
      error: { name: "NonRetriableError", message: "no such number" },
    });
  });

  it("passes on the time a RetryAfterError asks for", async () => {
    const fn = client.createFunction({ id: "retry-after", triggers }, async ({ step }) => {
      await step.run("upload", () => {
        throw new RetryAfterError("rate limited", new Date("2026-12-01T00:00:00Z"));
      });
    });
    expect(await execute(fn)).toMatchObject({ kind: "step-error", retryAfter: "2026-12-01T00:00:00.000Z" });
  });

  it("reports an error thrown outside steps as retriable, and NonRetriableError as not", async () => {
    const plain = client.createFunction({ id: "rejects", triggers }, async () => {
      throw new Error("bad input");
    });
    expect(await execute(plain)).toMatchObject({ kind: "error", retriable: true, error: { message: "bad input" } });
    const final = client.createFunction({ id: "rejects-for-good", triggers }, async () => {
      throw new NonRetriableError("bad tenant");
    });
    expect(await execute(final)).toMatchObject({
      kind: "error",
      retriable: false,
      error: { name: "NonRetriableError", message: "bad tenant" },
    });
  });

  it("reports sleeps with their duration or end, and goes on once they are memoized as ended", async () => {
    const fn = client.createFunction({ id: "sleeps", triggers }, async ({ step }) => {
      await step.sleep("cool down", "90m");
      await step.sleepUntil("until", new Date("2026-12-01T00:00:00Z"));
      return "awake";
    });
    const nap = await execute(fn);
    expect(nap).toMatchObject({ kind: "steps-found", steps: [{ kind: "sleep", name: "cool down", until: "1h30m" }] });
    if (nap.kind !== "steps-found") throw new Error("no sleep");
    const until = await execute(fn, { steps: [{ id: nap.steps[0]!.id, data: null }] });
    expect(until).toMatchObject({
      kind: "steps-found",
      steps: [{ kind: "sleep", name: "until", until: "2026-12-01T00:00:00.000Z" }],
    });
    if (until.kind !== "steps-found") throw new Error("no sleep");
    const steps = [
      { id: nap.steps[0]!.id, data: null },
      { id: until.steps[0]!.id, data: null },
    ];
    expect(await execute(fn, { steps })).toEqual({ kind: "complete", output: "awake" });
  });

  it("reports a wait for an event with its match as an expression, and resumes with the event or null", async () => {
    const fn = client.createFunction({ id: "waits", triggers }, async ({ step }) => {
      const receipt = await step.waitForEvent("receipt", { event: "test/receipt", match: "data.fax", timeout: "2h" });
      return receipt ? receipt.data : "timed out";
    });
    const wait = await execute(fn);
    expect(wait).toMatchObject({
      kind: "steps-found",
      steps: [
        { kind: "wait", name: "receipt", event: "test/receipt", timeout: "2h", if: "event.data.fax == async.data.fax" },
      ],
    });
    if (wait.kind !== "steps-found") throw new Error("no wait");
    const id = wait.steps[0]!.id;
    const arrived = { name: "test/receipt", data: { fax: "f1", ok: true } };
    expect(await execute(fn, { steps: [{ id, data: arrived }] })).toEqual({
      kind: "complete",
      output: { fax: "f1", ok: true },
    });
    expect(await execute(fn, { steps: [{ id, data: null }] })).toEqual({ kind: "complete", output: "timed out" });
  });

  it("reports step.invoke with the target and payload, and resumes with its result or its timeout error", async () => {
    const child = client.createFunction({ id: "render", triggers: [{ event: "test/render" }] }, async () => "cover");
    const fn = client.createFunction({ id: "invokes", triggers }, async ({ step }) => {
      try {
        return await step.invoke("cover", { function: child, data: { pages: 3 }, timeout: "5m" });
      } catch (error) {
        return `failed: ${(error as Error).name}`;
      }
    });
    const invoke = await execute(fn);
    expect(invoke).toMatchObject({
      kind: "steps-found",
      steps: [{ kind: "invoke", name: "cover", functionId: "contract-render", data: { pages: 3 }, timeout: "5m" }],
    });
    if (invoke.kind !== "steps-found") throw new Error("no invoke");
    const id = invoke.steps[0]!.id;
    expect(await execute(fn, { steps: [{ id, data: "cover" }] })).toEqual({ kind: "complete", output: "cover" });
    expect(await execute(fn, { steps: [{ id, error: INVOKE_TIMEOUT_ERROR }] })).toEqual({
      kind: "complete",
      output: `failed: ${INVOKE_TIMEOUT_ERROR.name}`,
    });
  });

  it("runs step.sendEvent as a step of its own kind, sending through the client", async () => {
    sent.length = 0;
    const fn = client.createFunction({ id: "sends", triggers }, async ({ step }) => {
      await step.sendEvent("tell", { name: "test/told", data: { fax: "f1" } });
    });
    const { result, steps } = await executeUntilStopped(fn);
    expect(result).toMatchObject({ kind: "complete" });
    expect(steps).toHaveLength(1);
    expect(sent).toEqual([expect.objectContaining({ name: "test/told", data: { fax: "f1" } })]);
    const first = await execute(fn);
    expect(first).toMatchObject({ kind: "step-done", step: { name: "tell", op: "SendEvent" } });
  });

  it("refuses what the runner does not implement by name", async () => {
    const fn = client.createFunction({ id: "ai", triggers }, async ({ step }) => {
      await step.ai.infer("ask", {
        model: step.ai.models.openai({ model: "gpt-4o", apiKey: "unused" }),
        body: { messages: [{ role: "user", content: "hi" }] },
      });
    });
    expect(await execute(fn)).toMatchObject({
      kind: "steps-found",
      steps: [{ kind: "unsupported", what: "step.ai.infer" }],
    });
  });

  it("runs onFailure with the failed run's error and trigger event", async () => {
    let seen: unknown = null;
    const fn = client.createFunction(
      {
        id: "with-failure",
        triggers,
        onFailure: async ({ error, event }) => {
          seen = { message: error.message, original: event.data.event.data };
          return "cleaned up";
        },
      },
      async () => "ok",
    );
    const failed = {
      id: "evt-failed",
      name: SDK_EVENTS.functionFailed,
      data: {
        function_id: functionId(fn),
        run_id: "run-0",
        error: serializeError(new Error("line busy")),
        event: trigger,
      },
      ts: trigger.ts,
    };
    expect(await execute(fn, { kind: "failure", event: failed, maxAttempts: 2 })).toEqual({
      kind: "complete",
      output: "cleaned up",
    });
    expect(seen).toEqual({ message: "line busy", original: { fax: "f1" } });
  });

  it("runs a cancelled run's handler with the cancellation event as Inngest sends it", async () => {
    const cancelled = client.createFunction({ id: "cancellable", triggers }, async () => "ok");
    const handler = client.createFunction(
      { id: "on-cancelled", triggers: [{ event: SDK_EVENTS.functionCancelled }] },
      async ({ event }) => ({ fn: event.data.function_id, run: event.data.run_id, fax: event.data.event.data.fax }),
    );
    const event = {
      id: "evt-cancelled",
      name: SDK_EVENTS.functionCancelled,
      data: { function_id: functionId(cancelled), run_id: "run-0", event: trigger, error: { message: "cancelled" } },
      ts: trigger.ts,
    };
    expect(await execute(handler, { event })).toEqual({
      kind: "complete",
      output: { fn: "contract-cancellable", run: "run-0", fax: "f1" },
    });
  });

  it("serializes errors as the SDK stores them, keeping one already serialized", () => {
    const stored = serializeError(new TypeError("bad"));
    expect(stored).toMatchObject({ name: "TypeError", message: "bad" });
    expect(serializeError(stored)).toBe(stored);
  });
});
