/**
 * The send-fax job on the embedded runner with a controlled clock and the loopback network running
 * real T.30 sessions (spandsp addon): delivery with the pages the far machine decoded equal to the
 * pages sent (each quality), retries spaced by the policy, cancel between attempts and during a
 * call, resend, and a worker dying mid-call never dialling the number again.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { convertDocumentFunction } from "@/inngest/functions/convert-document";
import {
  CANCELLED_CONVERSION_REASON,
  convertDocumentCancelledFunction,
} from "@/inngest/functions/convert-document-cancelled";
import { sendFaxFunction } from "@/inngest/functions/send-fax";
import { sendFaxCancelledFunction } from "@/inngest/functions/send-fax-cancelled";
import { createManualClock, type ManualClock } from "@/inngest/runner/clock";
import { createRunner, type Runner } from "@/inngest/runner/runner";
import { documentUploadedEvent } from "@/server/document/document-uploaded-event";
import { setSendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { GatewayRegistry } from "@/server/gateway/gateway-registry";
import type { LoopbackGateway, LoopbackSettings } from "@/server/gateway/loopback/loopback-gateway";
import type { FaxResolution } from "@/server/gateway/types";
import { createLocalStorage } from "@/server/storage/local-storage";
import { getDb } from "../../server/db/client";
import { prepareFaxDocument, testGatewayKeyRing } from "../support/fax-document";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";
import { testTempDir } from "../support/temp-dir";
import { requireNativeFaxCall } from "../unit/gateway/support/native-addon";
import { decodeTiffPages, splitHeader } from "../unit/gateway/support/tiff-pages";

const MINUTE = 60_000;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let user: Awaited<ReturnType<typeof callerFor>>;
let keys: ReturnType<typeof testGatewayKeyRing>;
let platform: Awaited<ReturnType<typeof callerFor>>;
const storage = createLocalStorage(testTempDir("faxport-store-"));
let clock: ManualClock;
let restore: (() => void) | null = null;
const runners: Runner[] = [];
const db = () => getDb();

/** A loopback network of its own and a runner on the test clock. */
function setUp(loopback: LoopbackSettings = {}) {
  const gateways = new GatewayRegistry({
    loopback: { timeScale: 0, engine: "spandsp", ...loopback },
    freeswitch: null,
    httpApi: null,
  });
  const gateway = gateways.forTrunk({ driver: "LOOPBACK" }) as LoopbackGateway;
  restore?.();
  restore = setSendFaxRuntime({
    gateways,
    storage,
    gatewayKeys: keys,
    now: () => clock.now(),
    cancelPollMs: 20,
    trunkWaitMs: 5_000,
  });
  const runner = newRunner();
  return { runner, gateway };
}

function newRunner(workerId?: string, leaseMs?: number) {
  const runner = createRunner({
    functions: [sendFaxFunction, sendFaxCancelledFunction, convertDocumentFunction, convertDocumentCancelledFunction],
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
    gatewayKeys: keys,
    keepPages: true,
  });
}

async function send(doc: Awaited<ReturnType<typeof document>>, to: string, over: Record<string, unknown> = {}) {
  const { jobIds } = await user.fax.send({
    titleCipher: await doc.titleCipher("Referral"),
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
  keys = testGatewayKeyRing();
  acme = await makeTenant("Acme", "acme.localhost");
  user = await callerFor(acme.user.id, acme.hostname);
  platform = await callerFor((await makePlatformAdmin()).id, "localhost");
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
      const { runner, gateway } = setUp({ keepReceived: true });
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

      const receivedDir = (await gateway.receivedDir())!;
      const [received] = readdirSync(receivedDir);
      const got = decodeTiffPages(path.join(receivedDir, received!));
      await gateway.discardReceived();
      const sent = decodeTiffPages(doc.tiffPath!);
      expect(got).toHaveLength(3);
      // Every page arrives with the sender's header line added above it, and the page itself unchanged.
      const split = got.map((page, i) => splitHeader(page, sent[i]!));
      expect(split.map((s) => s.bodySha256)).toEqual(sent.map((p) => p.bitmapSha256));
      for (const s of split) {
        expect(s.headerRows).toBeGreaterThan(0);
        expect(s.headerBlackBits).toBeGreaterThan(200); // printed text, not a blank band
      }
    }, 120_000);
  }

  it("shows Attempt 1 of 4 — dialling, then — sending page k of n, then Delivered while it runs", async () => {
    clock = createManualClock("2026-11-23T11:00:00Z");
    const { runner } = setUp({ timeScale: 0.01 });
    const doc = await document(3);
    const id = await send(doc, "+13125550124");
    const seen = await labelsWhileRunning(id, runner);
    const sending = seen.filter((l) => l.includes("sending page"));
    expect(sending.length).toBeGreaterThan(0);
    for (const l of sending) expect(l).toMatch(/^Attempt 1 of 4 — sending page [123] of 3$/);
    expect(seen.at(-1)).toBe("Delivered");
    expect(seen.indexOf(sending[0]!)).toBeGreaterThan(seen.indexOf("Waiting to send"));
    expect(seen.indexOf(sending[0]!)).toBeGreaterThan(seen.indexOf("Attempt 1 of 4 — dialling"));
  }, 120_000);

  it("never says 'sending page' when a person answers: answered, then waiting to retry with the next try's time", async () => {
    clock = createManualClock("2026-11-23T11:30:00Z");
    const { runner } = setUp({ timeScale: 0.01 });
    const doc = await document(3);
    const id = await send(doc, "+13125550600");
    const seen = await labelsWhileRunning(id, runner);
    expect(seen.some((l) => /sending/i.test(l))).toBe(false);
    expect(seen).toContain("Attempt 1 of 4 — answered, waiting for fax tones");
    expect(seen.at(-1)).toMatch(/^Waiting to retry — next try /);
    // Not dialled again by a later test's runner.
    await user.fax.cancel({ id });
    await runner.drain();
  }, 120_000);
});

/** Every status label the fax page would show while the runner works, in order, without repeats. */
async function labelsWhileRunning(id: string, runner: { drain(): Promise<unknown> }): Promise<string[]> {
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
  return seen;
}

describe("retries", () => {
  it("a busy number is dialled 4 times, 5 minutes apart, then fails with Busy and its explanation", async () => {
    clock = createManualClock("2026-11-23T12:00:00Z");
    const dialLog = path.join(testTempDir("faxport-dials-"), "dials.log");
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
    expect((await user.fax.get({ id })).statusLabel).toMatch(/^Waiting to retry — next try .*12:05/);
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
    expect(detail.statusLabel).toBe("Failed — Busy");
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

describe("cancel from the Jobs page (a platform admin cancels the run)", () => {
  const runOf = async (runner: Runner, key: string, value: string) => {
    const { rows } = await runner.pool.query<{ id: string }>(
      `SELECT id FROM "JobRun" WHERE kind = 'main' AND event->'data'->>'${key}' = $1`,
      [value],
    );
    expect(rows).toHaveLength(1);
    return rows[0]!.id;
  };

  it("a fax waiting to retry ends Cancelled and forgets the gateway's key; nothing more is dialled", async () => {
    clock = createManualClock("2026-11-24T09:00:00Z");
    const { runner, gateway } = setUp();
    const id = await send(await document(1), "+13125550486");
    await runner.drain();
    expect(await job(id)).toMatchObject({ status: "QUEUED", callState: "RETRY_WAIT" });
    expect(await platform.job.cancel({ id: await runOf(runner, "faxJobId", id) })).toEqual({ outcome: "cancelled" });
    await runner.drain();
    clock.advance(10 * MINUTE);
    await runner.drain();
    expect(gateway.dialCount()).toBe(1);
    const done = await job(id);
    expect(done).toMatchObject({
      status: "CANCELLED",
      failureReason: "CANCELLED",
      callState: null,
      nextAttemptAt: null,
      gatewaySealedKey: null,
    });
    expect(done.cancelledAt).not.toBeNull();
    expect((await user.fax.get({ id })).statusLabel).toBe("Cancelled");
    expect(done.reportKey).not.toBeNull(); // its transmission report, as for any fax that ends
  }, 60_000);

  it("a fax on a call is hung up and ends Cancelled, its attempt closed", async () => {
    clock = createManualClock(new Date()); // the Jobs page judges the run's lease by the real time
    const { runner } = setUp({ timeScale: 1 }); // 480 rings for 55 s of real time unless cancelled
    const id = await send(await document(1), "+13125550480");
    const running = runner.drain();
    for (let i = 0; (await job(id)).callState !== "RINGING"; i++) {
      if (i > 2_000) throw new Error("the call never started ringing");
      await new Promise((r) => setTimeout(r, 10));
    }
    const started = Date.now();
    expect(await platform.job.cancel({ id: await runOf(runner, "faxJobId", id) })).toEqual({ outcome: "cancelling" });
    await runner.drain(); // the cancel handler asks the call to hang up while the run's call step goes on
    await running;
    expect(Date.now() - started).toBeLessThan(10_000);
    clock.advance(MINUTE);
    await runner.drain();
    expect(await job(id)).toMatchObject({ status: "CANCELLED", failureReason: "CANCELLED", gatewaySealedKey: null });
    expect(await attempts(id)).toMatchObject([{ status: "CANCELLED", endedAt: expect.any(Date) }]);
  }, 60_000);

  it("a document waiting for its conversion ends Invalid (cancelled) and forgets the gateway's key", async () => {
    clock = createManualClock("2026-11-24T11:00:00Z");
    const { runner } = setUp();
    const doc = await db().document.create({
      data: {
        tenantId: acme.tenant.id,
        ownerId: acme.user.id,
        nameCipher: new Uint8Array([1]),
        kind: "pdf",
        sizeBytes: 100,
        status: "PROCESSING",
        storageKey: `documents/${acme.tenant.id}/cancelled`,
        ownerSealedKey: new Uint8Array([1]),
        ownerKeyFor: "x",
        tenantSealedKey: new Uint8Array([1]),
        gatewaySealedKey: new Uint8Array([1, 2, 3]),
      },
    });
    await runner.send({ id: `upload-${doc.id}`, ts: clock.now().getTime(), ...documentUploadedEvent(doc.id) });
    expect(await platform.job.cancel({ id: await runOf(runner, "documentId", doc.id) })).toEqual({
      outcome: "cancelled",
    });
    await runner.drain();
    expect(await db().document.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({
      status: "INVALID",
      invalidReason: CANCELLED_CONVERSION_REASON,
      gatewaySealedKey: null,
    });
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
      gatewayKeys: keys,
    });
    await runner.drain();
    for (let i = 0; i < 6; i++) {
      clock.advance(MINUTE);
      await runner.drain();
    }
    expect(await job(id)).toMatchObject({ status: "FAILED", failureReason: "GENERAL_ERROR", gatewaySealedKey: null });
    expect((await user.fax.get({ id })).statusLabel).toBe("Failed — General error");
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
