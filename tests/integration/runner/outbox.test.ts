/**
 * Events are stored with the transaction that causes them (the outbox), so a crash right after
 * the commit loses none: the embedded runner starts the run once; with an Inngest server, the
 * forwarder sends the event again until Inngest takes it, always under the same id (Inngest's
 * idempotency key), so it counts once there too.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEventForwarder } from "../../../inngest/event-forwarder";
import { createManualClock } from "../../../inngest/runner/clock";
import { getDb } from "../../../server/db/client";
import { runInScope } from "../../../server/db/run-in-scope";
import { sendEvent } from "../../../server/job/send-event";
import { closeRunners, makeRunner, runsOf, testClient } from "./helpers";

afterEach(closeRunners);

let tenantId = "";
beforeAll(async () => {
  tenantId = (await getDb().tenant.create({ data: { name: "Outbox Clinic", slug: "outbox-clinic" } })).id;
});

/** Runs send-then-crash.ts; resolves with the signal that ended it (SIGKILL when it crashed). */
async function sendFromAnotherProcess(eventName: string, env: Record<string, string>): Promise<string | null> {
  const child = spawn("node_modules/.bin/tsx", ["tests/integration/runner/send-then-crash.ts"], {
    env: { ...process.env, TENANT_ID: tenantId, EVENT_NAME: eventName, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const [code, signal] = (await once(child, "exit")) as [number | null, string | null];
  // tsx runs the script in a child of its own and passes its end on as exit code 128 + 9.
  const crashed = signal === "SIGKILL" || code === 137;
  if (!crashed) expect(code).toBe(0);
  return crashed ? "SIGKILL" : null;
}

const stored = (name: string) =>
  getDb().$queryRaw<{ id: string; delivered: boolean }[]>`
    SELECT id, "fannedOutAt" IS NOT NULL AS delivered FROM "JobEvent" WHERE name = ${name}`;

describe("an event committed just before a crash (embedded runner)", () => {
  it("starts its run exactly once", async () => {
    const got: unknown[] = [];
    const fn = testClient.createFunction(
      { id: "outbox-fax-queued", triggers: { event: "test/outbox.queued" } },
      async ({ event }) => {
        got.push(event.data);
      },
    );
    expect(await sendFromAnotherProcess("test/outbox.queued", { CRASH: "1" })).toBe("SIGKILL");
    const runner = makeRunner([fn], createManualClock("2026-11-23T10:00:00Z"));
    await runner.drain();
    await runner.drain();
    expect(got).toEqual([{ fax: "queued" }]);
    expect(await runsOf(runner, "runner-test-outbox-fax-queued")).toMatchObject([{ status: "COMPLETED" }]);
    expect(await stored("test/outbox.queued")).toMatchObject([{ delivered: true }]);
  });

  it("a rolled-back organisation transaction stores no event", async () => {
    await expect(
      runInScope({ scope: { kind: "tenant", tenantId }, actor: null }, async (ctx) => {
        await sendEvent(ctx, { name: "test/outbox.rolled-back" });
        throw new Error("fax number not assigned");
      }),
    ).rejects.toThrow("fax number not assigned");
    expect(await stored("test/outbox.rolled-back")).toEqual([]);
  });
});

describe("with an Inngest server", () => {
  /** Inngest's event API as far as sending goes: records every event id it is sent. */
  const requests: string[][] = [];
  let failing = 0;
  const api = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const events = JSON.parse(body) as { id: string }[];
    requests.push(events.map((e) => e.id));
    res.setHeader("content-type", "application/json");
    if (failing > 0) {
      failing--;
      res.statusCode = 500;
      res.end(JSON.stringify({ ids: [], status: 500, error: "unavailable" }));
      return;
    }
    res.end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
  });
  let baseUrl = "";
  const inngestEnv = () => ({
    INNGEST_SIGNING_KEY: "signkey-test-0123456789abcdef",
    INNGEST_EVENT_KEY: "test-event-key",
    INNGEST_BASE_URL: baseUrl,
  });

  beforeAll(async () => {
    api.listen(0, "127.0.0.1");
    await once(api, "listening");
    baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/`;
  });
  afterAll(() => api.close());
  afterEach(() => {
    requests.length = 0;
    failing = 0;
  });

  const forwarder = () => {
    const client = new Inngest({ id: "outbox-test", eventKey: "test-event-key", baseUrl });
    return createEventForwarder({
      databaseUrl: process.env.DATABASE_URL!,
      graceMs: 0,
      deliver: (events) => client.send(events),
    });
  };

  it("forwards the event right after the commit", async () => {
    await sendFromAnotherProcess("test/outbox.forwarded", inngestEnv());
    const [event] = await stored("test/outbox.forwarded");
    expect(event).toEqual({ id: expect.any(String), delivered: true });
    expect(requests).toEqual([[event!.id]]);
    const sweeper = forwarder();
    expect(await sweeper.sweep()).toBe(0); // nothing left to send
    await sweeper.stop();
  });

  it("a crash after the commit: the forwarder sends it until Inngest takes it, always as one event", async () => {
    expect(await sendFromAnotherProcess("test/outbox.crashed", { ...inngestEnv(), CRASH: "1" })).toBe("SIGKILL");
    expect(requests).toEqual([]);
    const [event] = await stored("test/outbox.crashed");
    expect(event).toMatchObject({ delivered: false });

    const sweeper = forwarder();
    failing = 5; // Inngest unavailable for every attempt the SDK makes in one send
    await expect(sweeper.sweep()).rejects.toThrow();
    expect(await stored("test/outbox.crashed")).toMatchObject([{ delivered: false }]);
    expect(await sweeper.sweep()).toBe(1);
    expect(await sweeper.sweep()).toBe(0);
    await sweeper.stop();

    expect(await stored("test/outbox.crashed")).toMatchObject([{ delivered: true }]);
    // Sent six times, always under the event's own id: Inngest keeps one event.
    expect(requests).toHaveLength(6);
    expect(new Set(requests.flat())).toEqual(new Set([event!.id]));
  });
});
