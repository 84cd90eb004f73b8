/**
 * Every job function served at /api/inngest and run the way an Inngest server runs it
 * (tests/support/inngest-server.ts): events sent to its event API, then signed requests step by
 * step, each step's result held by "Inngest" and sent back on the next request; a step that
 * throws is retried, sleeps end, and answers are lost on purpose after a step's work committed
 * (the process dying before its answer reached Inngest), so the same step is asked for again.
 * The faxes are real (loopback trunk, spandsp T.30); mail goes to a real SMTP server. Nothing is
 * dialled or mailed twice, and nothing an organisation would call content or a key reaches Inngest.
 */
import { randomBytes } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { secretForms } from "../../support/canary";
import { FakeInngest, type Op, type ReceivedEvent, type RunHooks } from "../../support/inngest-server";
import { testTempDir } from "../../support/temp-dir";

// Inngest mode, set before the app's modules (and so its Inngest client) load below.
const SIGNING_KEY = `signkey-test-${randomBytes(32).toString("hex")}`;
process.env.INNGEST_SIGNING_KEY = SIGNING_KEY;
process.env.INNGEST_EVENT_KEY = "test-event-key";
const inngestServer = new FakeInngest(SIGNING_KEY);
process.env.INNGEST_BASE_URL = await inngestServer.listen();

const received: { to: string; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (c: Buffer) => (raw += c.toString()));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;

const { POST } = await import("@/app/api/inngest/route");
const { makeTenantKeys } = await import("@/lib/auth/tenant-access");
const { fromBase64 } = await import("@/lib/crypto");
const { getDb } = await import("@/server/db/client");
const { setSendFaxRuntime } = await import("@/server/fax/send-fax-runtime");
const { queueFaxResultMail } = await import("@/server/fax/fax-result-email");
const { GatewayRegistry } = await import("@/server/gateway/gateway-registry");
const { createLocalStorage } = await import("@/server/storage/local-storage");
const { prepareFaxDocument, testGatewayKeyRing } = await import("../../support/fax-document");
const { callerFor, makeTenant } = await import("../../support/fixtures");
const { textPdf } = await import("../../support/text-pdf");
const { unlock, uploadAsBrowser } = await import("../../support/upload-as-browser");
const { requireNativeFaxCall } = await import("../../unit/gateway/support/native-addon");
type LoopbackGateway = import("@/server/gateway/loopback/loopback-gateway").LoopbackGateway;

const post = POST as (request: Request) => Promise<Response>;
const storage = createLocalStorage(testTempDir("faxport-store-"));
const db = () => getDb();
let keys: ReturnType<typeof testGatewayKeyRing>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let user: Awaited<ReturnType<typeof callerFor>>;
let gateway: LoopbackGateway;
let restore: (() => void) | null = null;

/** A loopback network of its own (so dials are counted per test) and the real clock. */
function useRuntime(parts: { storage?: typeof storage } = {}) {
  const gateways = new GatewayRegistry({
    loopback: { timeScale: 0, engine: "spandsp" },
    freeswitch: null,
    httpApi: null,
  });
  gateway = gateways.forTrunk({ driver: "LOOPBACK" }) as LoopbackGateway;
  restore?.();
  restore = setSendFaxRuntime({
    gateways,
    storage: parts.storage ?? storage,
    gatewayKeys: keys,
    now: () => new Date(),
    cancelPollMs: 20,
    trunkWaitMs: 5_000,
  });
}

beforeAll(async () => {
  requireNativeFaxCall();
  keys = testGatewayKeyRing();
  acme = await makeTenant("Acme", "acme.localhost");
  user = await callerFor(acme.user.id, acme.hostname);
  await user.fax.setResultEmail({ faxResultEmail: "ALWAYS" });
  await db().did.create({ data: { number: "+12125550170", tenantId: acme.tenant.id, userId: acme.user.id } });
  await db().trunk.create({ data: { name: "Loopback", host: "loopback.invalid", driver: "LOOPBACK", maxChannels: 4 } });
}, 180_000);

beforeEach(() => useRuntime());

afterAll(async () => {
  restore?.();
  await inngestServer.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function sendFax(to: string, title = "Referral", over: Record<string, unknown> = {}) {
  const doc = await prepareFaxDocument({
    tenantId: acme.tenant.id,
    ownerId: acme.user.id,
    pages: 1,
    quality: "FINE",
    storage,
    gatewayKeys: keys,
  });
  const titleCipher = await doc.titleCipher(title);
  const { jobIds } = await user.fax.send({
    titleCipher,
    documentId: doc.document.id,
    destinations: [to],
    gatewaySealedKey: doc.gatewaySealedKey,
    quality: doc.document.quality,
    ...over,
  });
  return { id: jobIds[0]!, doc, titleCipher };
}

/** The event the app sent to Inngest's event API (after its transaction committed). */
async function eventFor(name: string, key: string, value: string): Promise<ReceivedEvent> {
  const find = () => inngestServer.events.find((e) => e.name === name && e.data[key] === value);
  await expect.poll(() => !!find()).toBe(true);
  return find()!;
}

/** Loses the first answer that reports each of these steps run, as a crash right after its commit would. */
function loseFirstAnswerOf(...names: string[]): RunHooks & { lost: string[] } {
  const lost: string[] = [];
  return {
    lost,
    onAnswer: (ops: Op[]) => {
      const ran = ops.find((o) => o.op === "StepRun" && names.includes(o.displayName ?? ""))?.displayName;
      if (!ran || lost.includes(ran)) return "keep";
      lost.push(ran);
      return "lose";
    },
  };
}

/** Key bytes as JSON could carry them: base64, base64url, hex, or a Uint8Array's numbers. */
function bytesForms(bytes: Uint8Array): Buffer[] {
  const b = Buffer.from(bytes);
  return [
    Buffer.from(b.toString("base64").slice(0, 16)),
    Buffer.from(b.toString("base64url").slice(0, 16)),
    Buffer.from(b.toString("hex").slice(0, 24)),
    Buffer.from(b.toString("hex").slice(0, 24).toUpperCase()),
    Buffer.from(Array.from(b.subarray(0, 8)).join(",")),
  ];
}

// Mail bodies are quoted-printable: undo soft line breaks before looking for the fax's link.
const unfold = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
const mailsAbout = (faxJobId: string) => received.filter((m) => unfold(m.raw).includes(`/send/${faxJobId}`));
const job = (id: string) => db().faxJob.findUniqueOrThrow({ where: { id } });
const attempts = (id: string) =>
  db().faxAttempt.findMany({ where: { faxJobId: id }, orderBy: { attemptNumber: "asc" } });

describe("send-fax served to Inngest", () => {
  it("delivers a fax step by step: dialled once and mailed once, though its steps' answers were lost after they committed", async () => {
    const to = "+13125550123";
    const { id } = await sendFax(to);
    const event = await eventFor("fax/send.requested", "faxJobId", id);
    const hooks = loseFirstAnswerOf("attempt 1: take a trunk", "attempt 1: call", "email the result");
    const outcome = await inngestServer.run(post, "send-fax", event, hooks);

    expect(hooks.lost).toEqual(["attempt 1: take a trunk", "attempt 1: call", "email the result"]);
    expect(outcome).toMatchObject({ status: "completed", result: { status: "SENT" } });
    expect(outcome.steps["attempt 1: call"]).toEqual({ kind: "ended", status: "SENT" });
    expect(gateway.dialCount(to)).toBe(1);
    const [attempt, ...more] = await attempts(id);
    expect(more).toEqual([]);
    expect(attempt).toMatchObject({ status: "SENT", pagesSent: 1, resultCode: "0" });
    expect(await job(id)).toMatchObject({ status: "SENT", attemptsMade: 1, gatewaySealedKey: null });
    expect((await job(id)).reportKey).toMatch(/\.report$/);
    expect(mailsAbout(id)).toHaveLength(1);
  }, 60_000);

  it("sends a result mail that a dying server had queued but not sent when the step runs again, once", async () => {
    const to = "+13125550131";
    const { id } = await sendFax(to);
    const event = await eventFor("fax/send.requested", "faxJobId", id);
    let crashed = false;
    const outcome = await inngestServer.run(post, "send-fax", event, {
      onAnswer: async (ops): Promise<"keep"> => {
        if (!ops.some((o) => o.displayName === "attempt 1: call")) return "keep";
        // Next comes the mail step. A server ran it up to its commit (the mail queued, the fax marked
        // mailed) and died before sending and answering; Inngest then asks for the step again.
        expect(await queueFaxResultMail(id)).toMatchObject({ mailId: expect.any(String) });
        crashed = true;
        return "keep";
      },
    });
    expect(crashed).toBe(true);
    expect(outcome).toMatchObject({ status: "completed", result: { status: "SENT" } });
    expect(outcome.steps["email the result"]).toBe("mailed");
    expect(mailsAbout(id)).toHaveLength(1);
    expect(await db().mailMessage.findMany({ where: { text: { contains: `/send/${id}` } } })).toMatchObject([
      { status: "sent", transport: "smtp" },
    ]);
  }, 60_000);

  it("retries a step that threw (the store was unreachable) and dials once when it succeeds", async () => {
    let failures = 1;
    useRuntime({
      storage: {
        ...storage,
        get: (key: string) => (failures-- > 0 ? Promise.reject(new Error("storage is unreachable")) : storage.get(key)),
      },
    });
    const to = "+13125550124";
    const { id } = await sendFax(to);
    const outcome = await inngestServer.run(post, "send-fax", await eventFor("fax/send.requested", "faxJobId", id));

    expect(outcome).toMatchObject({ status: "completed", result: { status: "SENT" } });
    expect(outcome.retries).toEqual({ "attempt 1: call": 1 });
    expect(gateway.dialCount(to)).toBe(1);
    expect(await attempts(id)).toHaveLength(1);
    expect(await job(id)).toMatchObject({ status: "SENT" });
    expect(mailsAbout(id)).toHaveLength(1);
  }, 60_000);

  it("sleeps between attempts on a busy number and dials each attempt once, though an attempt's answer was lost", async () => {
    const to = "+13125550486";
    const { id } = await sendFax(to, "Referral", { attempts: 2, retryMinutes: 5 });
    const hooks = loseFirstAnswerOf("attempt 1: call", "attempt 2: call");
    const outcome = await inngestServer.run(
      post,
      "send-fax",
      await eventFor("fax/send.requested", "faxJobId", id),
      hooks,
    );

    expect(hooks.lost).toHaveLength(2);
    expect(outcome).toMatchObject({ status: "completed", result: { status: "FAILED" } });
    expect(outcome.steps).toHaveProperty(["attempt 1: wait before retrying"], null);
    expect(gateway.dialCount(to)).toBe(2);
    expect((await attempts(id)).map((a) => [a.status, a.failureReason])).toEqual([
      ["FAILED", "BUSY"],
      ["FAILED", "BUSY"],
    ]);
    expect(await job(id)).toMatchObject({ status: "FAILED", failureReason: "BUSY", attemptsMade: 2 });
    expect(mailsAbout(id)).toHaveLength(1);
  }, 60_000);

  it("a run that gives up: Inngest calls send-fax's onFailure, which fails the fax, makes its report and mails once", async () => {
    useRuntime({ storage: { ...storage, get: () => Promise.reject(new Error("storage is unreachable")) } });
    const to = "+13125550125";
    const { id } = await sendFax(to);
    const event = await eventFor("fax/send.requested", "faxJobId", id);
    const outcome = await inngestServer.run(post, "send-fax", event, { maxAttempts: 3 });
    expect(outcome.status).toBe("failed");
    expect(outcome.retries).toEqual({ "attempt 1: call": 2 });

    const failed: ReceivedEvent = {
      id: `failed-${id}`,
      name: "inngest/function.failed",
      data: { function_id: "faxport-send-fax", run_id: "01JFAILEDRUN", error: outcome.result, event },
      ts: Date.now(),
    };
    const hooks = loseFirstAnswerOf("transmission report", "email the result");
    const handled = await inngestServer.run(post, "send-fax-failure", failed, hooks);
    expect(hooks.lost).toHaveLength(2);
    expect(handled.status).toBe("completed");
    expect(await job(id)).toMatchObject({ status: "FAILED", failureReason: "GENERAL_ERROR", gatewaySealedKey: null });
    expect((await job(id)).reportKey).toMatch(/\.report$/);
    expect(gateway.dialCount(to)).toBe(0);
    expect(mailsAbout(id)).toHaveLength(1);
  }, 60_000);
});

describe("send-fax-cancelled served to Inngest", () => {
  it("ends a waiting fax as Cancelled, with its report, once", async () => {
    const { id } = await sendFax("+13125550127");
    const event = await eventFor("fax/send.requested", "faxJobId", id);
    const cancelled: ReceivedEvent = {
      id: `cancelled-${id}`,
      name: "inngest/function.cancelled",
      data: { function_id: "faxport-send-fax", run_id: "01JCANCELLEDRUN", event },
      ts: Date.now(),
    };
    const hooks = loseFirstAnswerOf("end the fax as cancelled", "transmission report");
    const outcome = await inngestServer.run(post, "send-fax-cancelled", cancelled, hooks);
    expect(hooks.lost).toHaveLength(2);
    expect(outcome).toMatchObject({ status: "completed", result: { status: "CANCELLED" } });
    expect(await job(id)).toMatchObject({ status: "CANCELLED", gatewaySealedKey: null });
    expect((await job(id)).reportKey).toMatch(/\.report$/);
    expect(gateway.dialCount()).toBe(0);
    expect(mailsAbout(id)).toHaveLength(0); // result emails are for delivered and failed faxes
  }, 60_000);
});

describe("convert-document and convert-document-cancelled served to Inngest", () => {
  async function upload(name: string) {
    const admin = await callerFor(acme.admin.id, acme.hostname);
    if (!(await db().tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } })).publicKey) {
      const { recoveryCode: _code, ...stored } = await makeTenantKeys(await unlock(admin));
      await admin.tenantKeys.setUp(stored);
    }
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } });
    return uploadAsBrowser({
      caller: user,
      actorId: acme.user.id,
      tenantId: acme.tenant.id,
      keys: await unlock(user),
      tenantPublicKey: await fromBase64(tenant.publicKey!),
      gatewayKeys: keys,
      file: textPdf(name, 2),
      kind: "pdf",
      name: `${name}.pdf`,
    });
  }

  it("converts an uploaded document, though the answer of its step was lost", async () => {
    const { id } = await upload("Discharge letter");
    const event = await eventFor("document/uploaded", "documentId", id);
    const hooks = loseFirstAnswerOf("convert");
    const outcome = await inngestServer.run(post, "convert-document", event, hooks);
    expect(hooks.lost).toEqual(["convert"]);
    expect(outcome.status).toBe("completed");
    expect(await db().document.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "READY",
      pageCount: 2,
      gatewaySealedKey: null,
    });
  }, 120_000);

  it("a cancelled conversion leaves its document Invalid", async () => {
    const { id } = await upload("Lab results");
    const event = await eventFor("document/uploaded", "documentId", id);
    const cancelled: ReceivedEvent = {
      id: `cancelled-${id}`,
      name: "inngest/function.cancelled",
      data: { function_id: "faxport-convert-document", run_id: "01JCANCELLEDCONVERSION", event },
      ts: Date.now(),
    };
    const outcome = await inngestServer.run(post, "convert-document-cancelled", cancelled);
    expect(outcome).toMatchObject({ status: "completed", result: { ended: 1 } });
    expect(await db().document.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "INVALID",
      gatewaySealedKey: null,
    });
  }, 60_000);
});

describe("the crons served to Inngest", () => {
  const tick = (cron: string): ReceivedEvent => ({
    id: `tick-${cron}`,
    name: "inngest/scheduled.timer",
    data: { cron },
    ts: Date.now(),
  });

  it("prune-auth-records and destroy-gateway-keys each run their one step", async () => {
    await db().loginAttempt.create({
      data: { username: "old-one", ip: "1.1.1.1", success: false, createdAt: new Date(Date.now() - 48 * 3_600_000) },
    });
    const pruned = await inngestServer.run(post, "prune-auth-records", tick("TZ=UTC 17 3 * * *"));
    expect(pruned).toMatchObject({ status: "completed", result: { loginAttempts: 1 } });
    const destroyed = await inngestServer.run(post, "destroy-gateway-keys", tick("TZ=UTC */5 * * * *"));
    expect(destroyed).toMatchObject({ status: "completed", result: { destroyed: 0 } });
  });
});

describe("what Inngest holds", () => {
  it("event data, step results and errors of a whole send carry ids and statuses only: no key, grant, title or number", async () => {
    const from = inngestServer.exchanges.length;
    const title = `Referral ${randomBytes(6).toString("hex")}`;
    const to = "+13125550199";
    const { id, doc, titleCipher } = await sendFax(to, title);
    const hooks = loseFirstAnswerOf("attempt 1: call");
    const outcome = await inngestServer.run(
      post,
      "send-fax",
      await eventFor("fax/send.requested", "faxJobId", id),
      hooks,
    );
    expect(outcome.result).toEqual({ status: "SENT" });

    const held = Buffer.from(
      inngestServer.exchanges
        .slice(from)
        .map((x) => `${x.request}\n${x.response}`)
        .join("\n"),
    );
    expect(held.includes(Buffer.from(id))).toBe(true); // the search does see what is there
    const gatewayKey = await keys.open((await keys.current()).keyId);
    const secrets: [string, Buffer[]][] = [
      ["the document key", bytesForms(doc.documentKey)],
      ["the gateway's grant", secretForms(doc.gatewaySealedKey)],
      ["the gateway's private key", bytesForms(gatewayKey!.privateKey)],
      ["the title", secretForms(title)],
      ["the title's cipher", secretForms(titleCipher)],
      ["the fax number", [...secretForms(to.slice(1)), ...secretForms("312 555 0199"), ...secretForms("312-555-0199")]],
    ];
    for (const [what, forms] of secrets) {
      for (const form of forms) expect(held.includes(form), `${what} reached Inngest`).toBe(false);
    }
  }, 60_000);
});
