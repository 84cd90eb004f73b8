import { InngestTestEngine } from "@inngest/test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { convertDocumentFunction } from "@/inngest/functions/convert-document";
import {
  CANCELLED_CONVERSION_REASON,
  convertDocumentCancelledFunction,
} from "@/inngest/functions/convert-document-cancelled";
import { destroyGatewayKeysFunction } from "@/inngest/functions/destroy-gateway-keys";
import { pruneAuthRecordsFunction } from "@/inngest/functions/prune-auth-records";
import { sendFaxFunction } from "@/inngest/functions/send-fax";
import { sendFaxCancelledFunction } from "@/inngest/functions/send-fax-cancelled";
import { makeTenantKeys } from "@/lib/auth/tenant-access";
import { fromBase64 } from "@/lib/crypto";
import { getDb } from "@/server/db/client";
import { documentUploadedEvent } from "@/server/document/document-uploaded-event";
import { sendFaxEvent } from "@/server/fax/send-fax-event";
import { setSendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { GatewayRegistry } from "@/server/gateway/gateway-registry";
import type { LoopbackGateway } from "@/server/gateway/loopback/loopback-gateway";
import { createLocalStorage } from "@/server/storage/local-storage";
import { prepareFaxDocument, testGatewayKeyRing } from "../../support/fax-document";
import { callerFor, makeTenant } from "../../support/fixtures";
import { testTempDir } from "../../support/temp-dir";
import { textPdf } from "../../support/text-pdf";
import { unlock, uploadAsBrowser } from "../../support/upload-as-browser";
import { requireNativeFaxCall } from "../../unit/gateway/support/native-addon";

const storage = createLocalStorage(testTempDir("faxport-store-"));
const db = () => getDb();
let keys: ReturnType<typeof testGatewayKeyRing>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let user: Awaited<ReturnType<typeof callerFor>>;
let gateway: LoopbackGateway;
let restore: (() => void) | null = null;

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

async function sendFax(to: string) {
  const doc = await prepareFaxDocument({
    tenantId: acme.tenant.id,
    ownerId: acme.user.id,
    pages: 1,
    quality: "FINE",
    storage,
    gatewayKeys: keys,
  });
  const { jobIds } = await user.fax.send({
    titleCipher: await doc.titleCipher("Referral"),
    documentId: doc.document.id,
    destinations: [to],
    gatewaySealedKey: doc.gatewaySealedKey,
    quality: doc.document.quality,
  });
  return jobIds[0]!;
}

const resultMails = (faxJobId: string) =>
  db().mailMessage.findMany({ where: { to: acme.user.email, text: { contains: `/send/${faxJobId}` } } });
const job = (id: string) => db().faxJob.findUniqueOrThrow({ where: { id } });

describe("send-fax under @inngest/test", () => {
  it("delivers the fax in its steps — take a trunk, call, email the result — dialling once and mailing once", async () => {
    const to = "+13125550123";
    const id = await sendFax(to);
    const t = new InngestTestEngine({ function: sendFaxFunction, events: [sendFaxEvent(id)] });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ status: "SENT" });
    const steps = ctx.step.run.mock.calls.map((c: unknown[]) => c[0]);
    expect(steps).toEqual(expect.arrayContaining(["attempt 1: take a trunk", "attempt 1: call", "email the result"]));
    expect(gateway.dialCount(to)).toBe(1);
    expect(await job(id)).toMatchObject({ status: "SENT", attemptsMade: 1, gatewaySealedKey: null });
    expect((await job(id)).reportKey).toMatch(/\.report$/);
    expect(await resultMails(id)).toHaveLength(1);
  }, 60_000);

  it("a call step that threw leaves nothing recorded; run again, it dials once", async () => {
    useRuntime({ storage: { ...storage, get: () => Promise.reject(new Error("storage is unreachable")) } });
    const to = "+13125550124";
    const id = await sendFax(to);
    const failed = await new InngestTestEngine({ function: sendFaxFunction, events: [sendFaxEvent(id)] }).execute();
    expect(failed.error).toMatchObject({ message: "storage is unreachable" });
    expect(gateway.dialCount(to)).toBe(0);
    expect(await db().faxAttempt.findMany({ where: { faxJobId: id } })).toMatchObject([
      { dialedAt: null, endedAt: null },
    ]);

    useRuntime();
    const again = await new InngestTestEngine({ function: sendFaxFunction, events: [sendFaxEvent(id)] }).execute();
    expect(again.result).toEqual({ status: "SENT" });
    expect(gateway.dialCount(to)).toBe(1);
    expect(await db().faxAttempt.count({ where: { faxJobId: id } })).toBe(1);
    expect(await resultMails(id)).toHaveLength(1);
  }, 60_000);
});

describe("send-fax-cancelled under @inngest/test", () => {
  it("ends a waiting fax as Cancelled with its report, and forgets the gateway's key", async () => {
    const id = await sendFax("+13125550127");
    const t = new InngestTestEngine({
      function: sendFaxCancelledFunction,
      events: [
        {
          name: "inngest/function.cancelled",
          data: { function_id: "faxport-send-fax", run_id: "01JCANCELLED", event: sendFaxEvent(id) },
        },
      ],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ status: "CANCELLED" });
    expect(await job(id)).toMatchObject({ status: "CANCELLED", gatewaySealedKey: null });
    expect((await job(id)).reportKey).toMatch(/\.report$/);
    expect(gateway.dialCount()).toBe(0);
  }, 60_000);
});

describe("convert-document and convert-document-cancelled under @inngest/test", () => {
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

  it("converts an uploaded document to Ready", async () => {
    const { id } = await upload("Discharge letter");
    const t = new InngestTestEngine({ function: convertDocumentFunction, events: [documentUploadedEvent(id)] });
    const { result } = await t.execute();
    expect(result).toEqual({ status: "READY", pages: 2 });
    expect(await db().document.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "READY", pageCount: 2 });
  }, 120_000);

  it("a cancelled conversion leaves its document Invalid, saying so", async () => {
    const { id } = await upload("Lab results");
    const t = new InngestTestEngine({
      function: convertDocumentCancelledFunction,
      events: [
        {
          name: "inngest/function.cancelled",
          data: { function_id: "faxport-convert-document", run_id: "01JCANCELLED", event: documentUploadedEvent(id) },
        },
      ],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ ended: 1 });
    expect(await db().document.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "INVALID",
      invalidReason: CANCELLED_CONVERSION_REASON,
      gatewaySealedKey: null,
    });
  }, 60_000);
});

describe("the crons under @inngest/test", () => {
  it("destroy-gateway-keys keeps the key a waiting fax still needs", async () => {
    await sendFax("+13125550128");
    const { result } = await new InngestTestEngine({ function: destroyGatewayKeysFunction }).execute();
    expect(result).toEqual({ destroyed: 0 });
    expect(keys.ids()).toHaveLength(1);
  });

  it("prune-auth-records deletes old sign-in records, and step outcomes kept for Inngest after 30 days", async () => {
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    await db().loginAttempt.create({
      data: { username: "old-one", ip: "1.1.1.1", success: false, createdAt: daysAgo(2) },
    });
    await db().jobStepOutcome.createMany({
      data: [
        { runId: "01JOLDRUN", stepId: "attempt 1: call", result: { kind: "ended" }, createdAt: daysAgo(31) },
        { runId: "01JNEWRUN", stepId: "attempt 1: call", result: { kind: "ended" }, createdAt: daysAgo(29) },
      ],
    });
    const { result } = await new InngestTestEngine({ function: pruneAuthRecordsFunction }).execute();
    expect(result).toMatchObject({ loginAttempts: 1 });
    expect(
      await db().jobStepOutcome.findMany({ select: { runId: true }, where: { runId: { endsWith: "RUN" } } }),
    ).toEqual([{ runId: "01JNEWRUN" }]);
  });
});
