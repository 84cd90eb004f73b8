/**
 * The transmission report: the send job (embedded runner, loopback network with real T.30) makes a
 * PDF when a fax ends — delivered or failed — with the call's facts and a reduced first page,
 * stored as ciphertext whose key only the sender and the organisation can open. Opened here the way
 * a browser does (the sender's private key; the organisation key for an admin), read with pdftotext
 * and pdfimages. Platform admins and other users of the organisation are refused.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendFaxFunction } from "@/inngest/functions/send-fax";
import { createManualClock, type ManualClock } from "@/inngest/runner/clock";
import { createRunner, type Runner } from "@/inngest/runner/runner";
import { decryptContent, fromBase64, type KeyPair, loadSodium, openDocumentKey, toBase64 } from "@/lib/crypto";
import { setSendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { GatewayRegistry } from "@/server/gateway/gateway-registry";
import { createLocalStorage } from "@/server/storage/local-storage";
import { getDb } from "../../server/db/client";
import { filesUnder, secretForms } from "../support/canary";
import { prepareFaxDocument, testGatewayKeyRing } from "../support/fax-document";
import { callerFor, makePlatformAdmin, makeTenant, makeUser } from "../support/fixtures";
import { testTempDir } from "../support/temp-dir";
import { requireNativeFaxCall } from "../unit/gateway/support/native-addon";

const MINUTE = 60_000;
const CANARY = "Canaryreport7Q2";
let acme: Awaited<ReturnType<typeof makeTenant>>;
let user: Awaited<ReturnType<typeof callerFor>>;
let admin: Awaited<ReturnType<typeof callerFor>>;
let keys: ReturnType<typeof testGatewayKeyRing>;
let userKeys: KeyPair;
let tenantKeys: KeyPair;
const storeDir = testTempDir("faxport-report-store-");
const storage = createLocalStorage(storeDir);
let clock: ManualClock;
let restore: (() => void) | null = null;
const runners: Runner[] = [];
const db = () => getDb();

function setUp() {
  const gateways = new GatewayRegistry({
    loopback: { timeScale: 0, engine: "spandsp" },
    freeswitch: null,
    httpApi: null,
  });
  restore?.();
  restore = setSendFaxRuntime({
    gateways,
    storage,
    gatewayKeys: keys,
    now: () => clock.now(),
    cancelPollMs: 20,
    trunkWaitMs: 5_000,
  });
  const runner = createRunner({
    functions: [sendFaxFunction],
    databaseUrl: process.env.DATABASE_URL!,
    clock,
    pollMs: 20,
    backoffMs: () => MINUTE,
  });
  runners.push(runner);
  return runner;
}

async function send(to: string, pages: number) {
  const doc = await prepareFaxDocument({
    tenantId: acme.tenant.id,
    ownerId: acme.user.id,
    pages,
    quality: "FINE",
    storage,
    gatewayKeys: keys,
    label: `${CANARY}-${pages}`,
  });
  const { jobIds } = await user.fax.send({
    titleCipher: await doc.titleCipher("Referral"),
    documentId: doc.document.id,
    destinations: [to],
    gatewaySealedKey: doc.gatewaySealedKey,
    quality: "FINE",
    attempts: 2,
    retryMinutes: 1,
  });
  return { id: jobIds[0]!, doc };
}

/** Opens the report as a browser would, writes the PDF, and reads its text and image list. */
async function openReport(report: { cipher: string; keyForMe: { via: string; sealedKey: string } | null }) {
  expect(report.keyForMe).not.toBeNull();
  const sealed = await fromBase64(report.keyForMe!.sealedKey);
  const key = await openDocumentKey(sealed, report.keyForMe!.via === "owner" ? userKeys : tenantKeys);
  const parts: Uint8Array[] = [];
  for await (const piece of decryptContent(key, [await fromBase64(report.cipher)])) parts.push(piece);
  const pdf = Buffer.concat(parts);
  // The decrypted report shows a fax page: read it, then remove it.
  const dir = mkdtempSync(path.join(tmpdir(), "faxport-report-"));
  try {
    const file = path.join(dir, "report.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
    return { pdf, text, images };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  requireNativeFaxCall();
  keys = testGatewayKeyRing();
  const sodium = await loadSodium();
  userKeys = sodium.crypto_box_keypair();
  tenantKeys = sodium.crypto_box_keypair();
  acme = await makeTenant("Acme", "acme.localhost");
  await db().user.update({ where: { id: acme.user.id }, data: { publicKey: await toBase64(userKeys.publicKey) } });
  await db().tenant.update({
    where: { id: acme.tenant.id },
    data: { publicKey: await toBase64(tenantKeys.publicKey) },
  });
  user = await callerFor(acme.user.id, acme.hostname);
  admin = await callerFor(acme.admin.id, acme.hostname);
  await db().did.create({ data: { number: "+12125550170", tenantId: acme.tenant.id, userId: acme.user.id } });
  await db().trunk.create({ data: { name: "Loopback", host: "loopback.invalid", driver: "LOOPBACK", maxChannels: 4 } });
}, 180_000);

afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop().catch(() => {});
});

afterAll(() => restore?.());

describe("the transmission report", () => {
  it("a delivered fax: the facts, its explanation and a reduced first page, for the sender and the organisation", async () => {
    clock = createManualClock("2026-11-23T10:00:00Z");
    const runner = setUp();
    const { id } = await send("+1 312 555 0123", 2);
    expect(await user.fax.report({ id }).catch((e: Error) => e.message)).toMatch(/no transmission report yet/);
    await runner.drain();
    const job = await db().faxJob.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe("SENT");
    expect(job.reportKey).toBe(`documents/${acme.tenant.id}/fax-${id}.report`);
    const attempt = await db().faxAttempt.findFirstOrThrow({ where: { faxJobId: id } });

    const mine = await user.fax.report({ id });
    expect(mine.keyForMe?.via).toBe("owner");
    const { text, images } = await openReport(mine);
    expect(text).toContain("Fax transmission report");
    expect(text).toContain("Destination: +13125550123");
    expect(text).toContain("Caller ID: +12125550170");
    expect(text).toContain("Pages sent: 2 of 2");
    expect(text).toContain(`Bit rate: ${attempt.bitRate} bit/s`);
    expect(text).toContain(`Duration: ${(attempt.durationMs! / 1000).toFixed(1)} s`);
    expect(text).toMatch(/Remote station ID: \S+/);
    expect(text).toContain("Result: Delivered");
    expect(text).toMatch(/Date and time: .*2026.*UTC/);
    expect(text).toContain("Sender: acme-user");
    expect(text).toContain("Every page was delivered.");
    expect(text).toContain("First page (reduced)");
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/image\s+496\s+702\s+gray/);

    // An organisation admin opens the organisation's copy; the same PDF.
    const theirs = await admin.fax.report({ id });
    expect(theirs.keyForMe?.via).toBe("tenant");
    expect((await openReport(theirs)).text).toBe(text);

    // The stored ciphertext holds nothing of the document nor of the report in the clear.
    const stored = readFileSync(path.join(storeDir, ...job.reportKey!.split("/")));
    for (const form of [...secretForms(CANARY), ...secretForms("Fax transmission report")]) {
      expect(stored.includes(form)).toBe(false);
    }
    expect(filesUnder(storeDir).some((f) => f.endsWith(`fax-${id}.report`))).toBe(true);
  }, 120_000);

  it("a busy number: the report says it failed, why, and 0 of n pages — after the last attempt only", async () => {
    clock = createManualClock("2026-11-23T12:00:00Z");
    const runner = setUp();
    const { id } = await send("+13125550486", 1);
    await runner.drain();
    expect((await db().faxJob.findUniqueOrThrow({ where: { id } })).reportKey).toBeNull(); // waiting to retry
    clock.advance(2 * MINUTE);
    await runner.drain();
    const job = await db().faxJob.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe("FAILED");
    const { text, images } = await openReport(await user.fax.report({ id }));
    expect(text).toContain("Result: Busy");
    expect(text).toContain("The line was busy.");
    expect(text).toContain("Pages sent: 0 of 1");
    expect(text).toContain("Attempts: 2");
    expect(images).toHaveLength(1);
  }, 120_000);

  it("a fax cancelled before it was dialled still gets a report, without a page image", async () => {
    clock = createManualClock("2026-11-23T13:00:00Z");
    const runner = setUp();
    const { id } = await send("+13125550125", 1);
    await user.fax.cancel({ id });
    await runner.drain();
    const { text, images } = await openReport(await user.fax.report({ id }));
    expect(text).toContain("Result: Job cancelled");
    expect(text).toContain("Pages sent: 0 of");
    expect(text).toContain("never dialled");
    expect(images).toHaveLength(0);
  }, 120_000);

  it("platform admins and other users of the organisation are refused", async () => {
    const [job] = await db().faxJob.findMany({ where: { tenantId: acme.tenant.id, reportKey: { not: null } } });
    const id = job!.id;
    const root = await callerFor((await makePlatformAdmin("report-root")).id, "localhost");
    await expect(root.fax.report({ id })).rejects.toThrow(/platform admins cannot open them/);
    const other = await callerFor((await makeUser(acme.tenant.id, "report-other")).id, acme.hostname);
    await expect(other.fax.report({ id })).rejects.toThrow(/not found/i);
  });
});
