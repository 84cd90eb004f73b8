/** A function using what the runner lacks is refused at start-up, with the function and feature named. */
import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { createRunner } from "../../../inngest/runner/runner";
import { testClient } from "./helpers";

const start = (fn: Parameters<typeof createRunner>[0]["functions"][number]) => () =>
  createRunner({ functions: [fn], databaseUrl: process.env.DATABASE_URL! });

describe("embedded runner: refusals", () => {
  it.each([
    ["idempotency", { idempotency: "event.data.id" }, /"idempotency" option/],
    ["priority", { priority: { run: "event.data.urgent ? 60 : 0" } }, /"priority" option/],
    ["cancelOn-if", { cancelOn: [{ event: "test/cancel", if: "async.data.n > 1" }] }, /cancelOn condition/],
    ["batchEvents", { batchEvents: { maxSize: 10, timeout: "5s" as const } }, /"batchEvents" option/],
  ])("refuses %s", (_name, extra, message) => {
    const fn = testClient.createFunction(
      { id: `uses-${_name}`, triggers: { event: "test/x" }, ...extra },
      async () => {},
    );
    expect(start(fn)).toThrow(message);
    expect(start(fn)).toThrow(/function "runner-test-uses-/);
  });

  it("refuses a trigger condition, a non-UTC cron and a key it cannot read", () => {
    const conditional = testClient.createFunction(
      { id: "conditional", triggers: { event: "test/x", if: "event.data.n > 1" } },
      async () => {},
    );
    expect(start(conditional)).toThrow(/trigger condition/);
    const berlin = testClient.createFunction(
      { id: "berlin", triggers: { cron: "TZ=Europe/Berlin 0 3 * * *" } },
      async () => {},
    );
    expect(start(berlin)).toThrow(/Only UTC cron schedules/);
    const clever = testClient.createFunction(
      { id: "clever", concurrency: { limit: 1, key: "event.data.a + event.data.b" }, triggers: { event: "test/x" } },
      async () => {},
    );
    expect(start(clever)).toThrow(/only keys like "event.data.tenantId"/);
  });

  it("refuses a function whose client would send its events elsewhere", () => {
    const other = new Inngest({ id: "elsewhere" });
    const fn = other.createFunction({ id: "lost-events", triggers: { event: "test/x" } }, async () => {});
    expect(start(fn)).toThrow(/create its Inngest client with embeddedClientOptions/);
  });
});
