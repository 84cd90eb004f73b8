/**
 * The send-fax job on the embedded runner with a controlled clock and the loopback network running
 * real T.30 sessions (spandsp addon): delivery with the pages the far machine decoded equal to the
 * pages sent (each quality), retries spaced by the policy, cancel between attempts and during a
 * call, resend, and a worker dying mid-call never dialling the number again.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendFaxFunction } from "@/inngest/functions/send-fax";
import { createManualClock, type ManualClock } from "@/inngest/runner/clock";
import { createRunner, type Runner } from "@/inngest/runner/runner";
import { setSendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { GatewayRegistry } from "@/server/gateway/gateway-registry";
import type { LoopbackGateway, LoopbackSettings } from "@/server/gateway/loopback/loopback-gateway";
import type { FaxResolution } from "@/server/gateway/types";
import { createLocalStorage } from "@/server/storage/local-storage";
import { getDb } from "../../server/db/client";
import { installTestGatewayKey, prepareFaxDocument } from "../support/fax-document";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";
import { requireNativeFaxCall } from "../unit/gateway/support/native-addon";
import { decodeTiffPages } from "../unit/gateway/support/tiff-pages";

const MINUTE = 60_000;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let user: Awaited<ReturnType<typeof callerFor>>;
let key: Awaited<ReturnType<typeof installTestGatewayKey>>;
const storage = createLocalStorage(mkdtempSync(path.join(tmpdir(), "faxport-store-")));
let clock: ManualClock;
let restore: (() => void) | null = null;
const runners: Runner[] = [];
const db = () => getDb();

/** A loopback network of its own (its received faxes in a fresh directory) and a runner on the test clock. */
function setUp(loopback: LoopbackSettings = {}) {
  const receivedDir = mkdtempSync(path.join(tmpdir(), "faxport-received-"));
  const gateways = new GatewayRegistry({
    loopback: { timeScale: 0, receivedDir, engine: "spandsp", ...loopback },
    freeswitch: null,
    httpApi: null,
  });
  const gateway = gateways.forTrunk({ driver: "LOOPBACK" }) as LoopbackGateway;
  restore?.();
  restore = setSendFaxRuntime({
    gateways,
    storage,
    gatewayKey: async () => key,
    now: () => clock.now(),
    cancelPollMs: 20,
    trunkWaitMs: 5_000,
  });
  const runner = newRunner();
  return { runner, gateway, receivedDir };
}

function newRunner(workerId?: string, leaseMs?: number) {
  const runner = createRunner({
    functions: [sendFaxFunction],
    databaseUrl: process.env.DATABASE_URL!,
    clock,
    workerId,
    leaseMs,
    pollMs: 20,
    backoffMs: () => MINUTE,
  });
  runners.push(runner);
  return runner;
}

async function document(pages: number, quality: FaxResolution = "FINE") {
  return prepareFaxDocument({
    tenantId: acme.tenant.id,
    ownerId: acme.user.id,
    pages,
    quality,
    storage,
    gatewayPublicKey: key.publicKey,
  });
}

async function send(doc: Awaited<ReturnType<typeof document>>, to: string, over: Record<string, unknown> = {}) {
  const { jobIds } = await user.fax.send({
    title: "Referral",
    documentId: doc.document.id,
    destinations: [to],
    gatewaySealedKey: doc.gatewaySealedKey,
    quality: doc.document.quality,
    ...over,
  });
  return jobIds[0]!;
}

const job = (id: string) => db().faxJob.findUniqueOrThrow({ where: { id } });
const attempts = (id: string) =>
  db().faxAttempt.findMany({ where: { faxJobId: id }, orderBy: { attemptNumber: "asc" } });

beforeAll(async () => {
  requireNativeFaxCall();
  key = await installTestGatewayKey();
  acme = await makeTenant("Acme", "acme.localhost");
  user = await callerFor(acme.user.id, acme.hostname);
  await db().did.create({ data: { number: "+12125550170", tenantId: acme.tenant.id, userId: acme.user.id } });
  await db().trunk.create({ data: { name: "Loopback", host: "loopback.invalid", driver: "LOOPBACK", maxChannels: 4 } });
}, 180_000);

afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop().catch(() => {});
});

afterAll(() => restore?.());

describe("a multi-page fax on the loopback trunk", () => {
  for (const quality of ["STANDARD", "FINE", "SUPERFINE"] as const) {
    it(`reaches Delivered with its page count, and the far machine decoded exactly the pages sent (${quality})`, async () => {
      clock = createManualClock("2026-11-23T10:00:00Z");
      const { runner, receivedDir } = setUp();
      const doc = await document(3, quality);
      const id = await send(doc, "+1 312 555 0123");
      await runner.drain();
      const done = await job(id);
      expect(done).toMatchObject({
        status: "SENT",
        pages: 3,
        attemptsMade: 1,
        failureReason: null,
        gatewaySealedKey: null,
      });
      expect((await user.fax.get({ id })).statusLabel).toBe("Delivered");
      const [attempt, ...more] = await attempts(id);
      expect(more).toEqual([]);
      expect(attempt).toMatchObject({
        status: "SENT",
        pagesSent: 3,
        totalPages: 3,
        toNumber: "+13125550123",
        callerId: "+12125550170",
        resultCode: "0",
      });
      // CDR facts: start, answer, end, line-time duration, rate, trunk.
      expect(attempt!.trunkId).not.toBeNull();
      expect(attempt!.answeredAt).not.toBeNull();
      expect(attempt!.endedAt).not.toBeNull();
      expect(attempt!.durationMs).toBeGreaterThan(20_000);
      expect(attempt!.bitRate).toBeGreaterThanOrEqual(9_600);

      const [received] = readdirSync(receivedDir);
      const got = decodeTiffPages(path.join(receivedDir, received!));
      const sent = decodeTiffPages(doc.tiffPath);
      expect(got).toHaveLength(3);
      expect(got.map((p) => p.bitmapSha256)).toEqual(sent.map((p) => p.bitmapSha256));
      expect(got.map((p) => p.length)).toEqual(sent.map((p) => p.length));
    }, 120_000);
  }

  it("shows Dialling, then Sending page k of n, then Delivered while it runs", async () => {
    clock = createManualClock("2026-11-23T11:00:00Z");
    const { runner } = setUp({ timeScale: 0.01 });
    const doc = await document(3);
    const id = await send(doc, "+13125550124");
    const seen: string[] = [];
    let running = true;
    const watch = (async () => {
      while (running) {
        const label = (await user.fax.get({ id })).statusLabel;
        if (seen.at(-1) !== label) seen.push(label);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await runner.drain();
    running = false;
    await watch;
    const label = (await user.fax.get({ id })).statusLabel;
    if (seen.at(-1) !== label) seen.push(label);
    const sending = seen.filter((l) => l.startsWith("Sending page"));
    expect(sending.length).toBeGreaterThan(0);
    for (const l of sending) expect(l).toMatch(/^Sending page [123] of 3$/);
    expect(seen.at(-1)).toBe("Delivered");
    expect(seen.indexOf(sending[0]!)).toBeGreaterThan(seen.indexOf("Queued"));
  }, 120_000);
});

describe("retries", () => {
  it("a busy number is dialled 4 times, 5 minutes apart, then fails with Busy and its explanation", async () => {
    clock = createManualClock("2026-11-23T12:00:00Z");
    const dialLog = path.join(mkdtempSync(path.join(tmpdir(), "faxport-dials-")), "dials.log");
    const { runner, gateway } = setUp({ dialLog });
    const doc = await document(1);
    const id = await send(doc, "+13125550486");
    await runner.drain();
    expect(await job(id)).toMatchObject({
      status: "QUEUED",
      callState: "RETRY_WAIT",
      attemptsMade: 1,
      failureReason: "BUSY",
    });
    expect((await user.fax.get({ id })).statusLabel).toBe("Waiting to retry (last: Busy)");
    clock.advance(4 * MINUTE);
    await runner.drain();
    expect(gateway.dialCount("+13125550486")).toBe(1); // not yet: spacing is 5 minutes
    for (let n = 2; n <= 4; n++) {
      clock.advance(MINUTE + (n > 2 ? 4 * MINUTE : 0));
      await runner.drain();
      expect(gateway.dialCount("+13125550486")).toBe(n);
    }
    clock.advance(60 * MINUTE);
    await runner.drain();
    expect(gateway.dialCount("+13125550486")).toBe(4);
    expect(readFileSync(dialLog, "utf8")).toBe("+13125550486\n".repeat(4)); // the record that outlives a crash
    const detail = await user.fax.get({ id });
    expect(detail.statusLabel).toBe("Failed: Busy");
    expect(detail.failure).toEqual({
      label: "Busy",
      explanation: "The line was busy. Someone was on the phone or the fax machine was already in a call.",
    });
    expect(detail.attempts.map((a) => [a.attemptNumber, a.outcome?.label])).toEqual([
      [1, "Busy"],
      [2, "Busy"],
      [3, "Busy"],
      [4, "Busy"],
    ]);
    const starts = detail.attempts.map((a) => a.startedAt.getTime());
    expect(starts.slice(1).map((t, i) => t - starts[i]!)).toEqual([5 * MINUTE, 5 * MINUTE, 5 * MINUTE]);
    expect((await job(id)).gatewaySealedKey).toBeNull();
  }, 120_000);

  it("a number that is not worth redialling fails at once", async () => {
    clock = createManualClock("2026-11-23T13:00:00Z");
    const { runner, gateway } = setUp();
    const id = await send(await document(1), "+13125550404");
    await runner.drain();
    expect(await job(id)).toMatchObject({ status: "FAILED", failureReason: "INVALID_NUMBER", attemptsMade: 1 });
    expect(gateway.dialCount()).toBe(1);
  }, 60_000);
});

describe("cancel and resend", () => {
  it("cancel between attempts: no further dial, the run ends", async () => {
    clock = createManualClock("2026-11-23T14:00:00Z");
    const { runner, gateway } = setUp();
    const id = await send(await document(1), "+13125550486");
    await runner.drain();
    expect(await user.fax.cancel({ id })).toEqual({ result: "cancelled" });
    clock.advance(5 * MINUTE);
    await runner.drain();
    expect(gateway.dialCount()).toBe(1);
    expect(await job(id)).toMatchObject({ status: "CANCELLED", attemptsMade: 1 });
    const { rows } = await runner.pool.query(`SELECT status FROM "JobRun" WHERE event->'data'->>'faxJobId' = $1`, [id]);
    expect(rows.map((r) => r.status)).toEqual(["COMPLETED"]);
  }, 60_000);

  it("cancel during a call: the gateway hangs up and the fax ends Cancelled", async () => {
    clock = createManualClock("2026-11-23T15:00:00Z");
    const { runner } = setUp({ timeScale: 1 }); // 480 rings for 55 s of real time unless cancelled
    const id = await send(await document(1), "+13125550480");
    const running = runner.drain();
    for (let i = 0; (await job(id)).callState !== "RINGING"; i++) {
      if (i > 2_000) throw new Error("the call never started ringing");
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await user.fax.cancel({ id })).toEqual({ result: "requested" });
    const started = Date.now();
    await running;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await job(id)).toMatchObject({ status: "CANCELLED", failureReason: "CANCELLED", gatewaySealedKey: null });
    expect(await attempts(id)).toMatchObject([
      { status: "CANCELLED", failureReason: "CANCELLED", hangupCause: "ORIGINATOR_CANCEL" },
    ]);
  }, 60_000);

  it("resend to a new number is a new job that is delivered; the failed one stays as it was", async () => {
    clock = createManualClock("2026-11-23T16:00:00Z");
    const { runner } = setUp();
    const doc = await document(2);
    const failed = await send(doc, "+13125550404");
    await runner.drain();
    const { jobId } = await user.fax.resend({
      id: failed,
      toNumber: "+13125550125",
      gatewaySealedKey: await doc.sealAgain(),
    });
    await runner.drain();
    expect(await job(jobId)).toMatchObject({
      status: "SENT",
      pages: 2,
      resentFromId: failed,
      toNumber: "+13125550125",
    });
    expect(await job(failed)).toMatchObject({ status: "FAILED", failureReason: "INVALID_NUMBER" });
  }, 60_000);
});

describe("a run that keeps failing", () => {
  it("retries its step, then marks the fax failed and forgets the key — without ever dialling", async () => {
    clock = createManualClock("2026-11-23T18:00:00Z");
    const { runner, gateway } = setUp();
    const id = await send(await document(1), "+13125550126");
    restore?.();
    restore = setSendFaxRuntime({
      storage: { ...storage, get: async () => Promise.reject(new Error("storage is unreachable")) },
    });
    await runner.drain();
    for (let i = 0; i < 6; i++) {
      clock.advance(MINUTE);
      await runner.drain();
    }
    expect(await job(id)).toMatchObject({ status: "FAILED", failureReason: "GENERAL_ERROR", gatewaySealedKey: null });
    expect((await user.fax.get({ id })).statusLabel).toBe("Failed: General error");
    expect(gateway.dialCount()).toBe(0);
    expect((await attempts(id))[0]?.dialedAt).toBeNull();
    // A run that gave up still leaves its transmission report (without a page image).
    expect((await job(id)).reportKey).toMatch(/\.report$/);
  }, 60_000);
});

describe("a worker dying mid-call", () => {
  it("never dials the number again for that attempt: the attempt is recorded as interrupted and retried by the policy", async () => {
    clock = createManualClock("2026-11-23T17:00:00Z");
    const { gateway } = setUp({ timeScale: 1 });
    const id = await send(await document(1), "+13125550480", { attempts: 2, retryMinutes: 5 });
    // A long lease: the abandoned worker's heartbeat (every third of it, in real time) must not
    // renew it after the clock has moved past it, as a dead process's would not.
    const dying = newRunner("dying", 600_000);
    dying.start();
    for (let i = 0; gateway.dialCount("+13125550480") === 0; i++) {
      if (i > 2_000) throw new Error("never dialled");
      await new Promise((r) => setTimeout(r, 10));
    }
    await dying.stop({ abandon: true });
    expect((await attempts(id))[0]?.dialedAt).not.toBeNull();
    clock.advance(601_000); // the dead worker's lease runs out
    const live = newRunner("live");
    await live.drain();
    expect(gateway.dialCount("+13125550480")).toBe(1);
    const [first] = await attempts(id);
    expect(first).toMatchObject({ status: "FAILED", failureReason: "GENERAL_ERROR" });
    expect(first!.resultText).toMatch(/not dialled again/);
    expect(await job(id)).toMatchObject({ status: "QUEUED", callState: "RETRY_WAIT", attemptsMade: 1 });
    // Stop the abandoned call so it does not ring on after the test.
    await db().faxJob.update({ where: { id }, data: { status: "CANCELLED" } });
  }, 60_000);
});

describe("result emails, as the sender chose", () => {
  const mailsTo = (email: string) =>
    db().mailMessage.findMany({
      where: { to: email, subject: { startsWith: "Fax to" } },
      orderBy: { createdAt: "asc" },
    });

  it("failures only: a failed fax is mailed once with its result and a link, a delivered one is not", async () => {
    clock = createManualClock("2026-11-23T16:00:00Z");
    const { runner } = setUp();
    expect(await user.fax.resultEmail()).toEqual({ faxResultEmail: "NEVER" });
    await user.fax.setResultEmail({ faxResultEmail: "FAILED" });
    const before = (await mailsTo(acme.user.email)).length;
    const delivered = await send(await document(1), "+13125550123");
    const failed = await send(await document(1), "+13125550404");
    await runner.drain();
    expect((await job(delivered)).status).toBe("SENT");
    expect((await job(failed)).status).toBe("FAILED");
    const mails = (await mailsTo(acme.user.email)).slice(before);
    expect(mails.map((m) => m.subject)).toEqual(["Fax to +1 312 555 0404 failed: Invalid fax number"]);
    expect(mails[0]!.text).toContain("Result: Invalid fax number.");
    expect(mails[0]!.text).toContain("Pages sent: 0 of 1.");
    expect(mails[0]!.text).toContain(`/send/${failed}`);
    expect(mails[0]!.status).toBe("sent");
    // Marked mailed in the same transaction: asking again (a re-run after a crash) mails nothing.
    const { mailFaxResult } = await import("@/server/fax/fax-result-email");
    expect(await mailFaxResult(failed)).toBe("already");
    expect(await mailFaxResult(delivered)).toBe("not asked");
    expect((await mailsTo(acme.user.email)).length).toBe(before + 1);
  }, 60_000);

  it("every fax: a delivered fax is mailed too; never: nothing; platform admins have no such setting", async () => {
    clock = createManualClock("2026-11-23T17:00:00Z");
    const { runner } = setUp();
    await user.fax.setResultEmail({ faxResultEmail: "ALWAYS" });
    const before = (await mailsTo(acme.user.email)).length;
    const delivered = await send(await document(2), "+13125550125");
    await runner.drain();
    const mails = (await mailsTo(acme.user.email)).slice(before);
    expect(mails.map((m) => m.subject)).toEqual(["Fax to +1 312 555 0125 delivered"]);
    expect(mails[0]!.text).toContain("Pages sent: 2 of 2.");
    expect(mails[0]!.text).toContain(`/send/${delivered}`);

    await user.fax.setResultEmail({ faxResultEmail: "NEVER" });
    await send(await document(1), "+13125550404");
    await runner.drain();
    expect((await mailsTo(acme.user.email)).length).toBe(before + 1);
    await expect(user.fax.setResultEmail({ faxResultEmail: "SOMETIMES" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const root = await makePlatformAdmin("result-mail-root");
    const platform = await callerFor(root.id, "localhost");
    await expect(platform.fax.setResultEmail({ faxResultEmail: "ALWAYS" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  }, 60_000);
});
