/**
 * A fax with a cover page (issue 17), through the real send job on the loopback trunk: the cover page
 * the browser made (a one-page PDF, encrypted under the document's pages key) arrives at the far fax
 * machine before the document's pages, counted in the fax's pages; the cover's words are nowhere in
 * plain text in the database, and a resend carries the cover page again.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendFaxFunction } from "@/inngest/functions/send-fax";
import { sendFaxCancelledFunction } from "@/inngest/functions/send-fax-cancelled";
import { createManualClock } from "@/inngest/runner/clock";
import { createRunner, type Runner } from "@/inngest/runner/runner";
import { encryptCoverPage } from "@/lib/documents/encrypt-cover-page";
import { coverPagePdf } from "@/lib/fax-cover-page";
import { setSendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { GatewayRegistry } from "@/server/gateway/gateway-registry";
import type { LoopbackGateway } from "@/server/gateway/loopback/loopback-gateway";
import { createLocalStorage } from "@/server/storage/local-storage";
import { getDb } from "../../server/db/client";
import { secretForms } from "../support/canary";
import { prepareFaxDocument, testGatewayKeyRing } from "../support/fax-document";
import { callerFor, makeTenant } from "../support/fixtures";
import { testTempDir } from "../support/temp-dir";
import { requireNativeFaxCall } from "../unit/gateway/support/native-addon";
import { decodeTiffPages, splitHeader } from "../unit/gateway/support/tiff-pages";

const TO = "Dr Chiamaka Eze, Lagoon Cardiology";
const NOTE = "Echo report for Mr Tobenna Obi attached; call me about the valve.";
const db = () => getDb();
let acme: Awaited<ReturnType<typeof makeTenant>>;
let user: Awaited<ReturnType<typeof callerFor>>;
let keys: ReturnType<typeof testGatewayKeyRing>;
let restore: (() => void) | null = null;
const runners: Runner[] = [];
const storage = createLocalStorage(testTempDir("faxport-store-"));

beforeAll(async () => {
  requireNativeFaxCall();
  keys = testGatewayKeyRing();
  acme = await makeTenant("Acme", "acme.localhost");
  user = await callerFor(acme.user.id, acme.hostname);
  await db().did.create({ data: { number: "+12125550170", tenantId: acme.tenant.id, userId: acme.user.id } });
  await db().trunk.create({ data: { name: "Loopback", host: "loopback.invalid", driver: "LOOPBACK", maxChannels: 4 } });
}, 180_000);

afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop().catch(() => {});
});
afterAll(() => restore?.());

/** As the browser does it: the cover page made, then encrypted under the document's pages key. */
function coverCipher(documentKey: Uint8Array, pages: number): Promise<string> {
  const pdf = coverPagePdf({
    cover: { to: TO, from: "Ada Obi, Acme", subject: "Echo report", note: NOTE },
    notice: null,
    pages,
    date: "23-Nov-2026 10:00",
  });
  return encryptCoverPage(pdf, documentKey);
}

describe("a cover page", () => {
  it("reaches the far fax machine first, counted in the fax's pages, and is stored only encrypted", async () => {
    const clock = createManualClock("2026-11-23T10:00:00Z");
    const gateways = new GatewayRegistry({
      loopback: { timeScale: 0, engine: "spandsp", keepReceived: true },
      freeswitch: null,
      httpApi: null,
    });
    const gateway = gateways.forTrunk({ driver: "LOOPBACK" }) as LoopbackGateway;
    restore = setSendFaxRuntime({
      gateways,
      storage,
      gatewayKeys: keys,
      now: () => clock.now(),
      cancelPollMs: 20,
      trunkWaitMs: 5_000,
    });
    const runner = createRunner({
      functions: [sendFaxFunction, sendFaxCancelledFunction],
      databaseUrl: process.env.DATABASE_URL!,
      clock,
      pollMs: 20,
      backoffMs: () => 60_000,
    });
    runners.push(runner);
    const doc = await prepareFaxDocument({
      tenantId: acme.tenant.id,
      ownerId: acme.user.id,
      pages: 2,
      quality: "FINE",
      storage,
      gatewayKeys: keys,
      keepPages: true,
    });
    const { jobIds } = await user.fax.send({
      documentId: doc.document.id,
      destinations: ["+1 312 555 0123"],
      gatewaySealedKey: doc.gatewaySealedKey,
      quality: "FINE",
      coverCipher: await coverCipher(doc.documentKey, 3),
    });
    const id = jobIds[0]!;
    await runner.drain();
    expect(await db().faxJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", pages: 3 });
    const attempt = await db().faxAttempt.findFirstOrThrow({ where: { faxJobId: id } });
    expect(attempt).toMatchObject({ status: "SENT", pagesSent: 3, totalPages: 3 });

    // What the far machine printed: the cover page, then the document's pages unchanged.
    const receivedDir = (await gateway.receivedDir())!;
    const [received] = readdirSync(receivedDir);
    const got = decodeTiffPages(path.join(receivedDir, received!));
    await gateway.discardReceived();
    const sent = decodeTiffPages(doc.tiffPath!);
    expect(got).toHaveLength(3);
    expect(got.slice(1).map((page, i) => splitHeader(page, sent[i]!).bodySha256)).toEqual(
      sent.map((p) => p.bitmapSha256),
    );
    expect(got[0]!.bitmapSha256).not.toBe(got[1]!.bitmapSha256);
    expect(got[0]!.blackBits).toBeGreaterThan(5_000); // printed words, not a blank page

    // The cover's words as the far end gets them: the PDF the browser made, read back as text.
    const dir = testTempDir("faxport-cover-");
    const pdfPath = path.join(dir, "cover.pdf");
    writeFileSync(
      pdfPath,
      coverPagePdf({ cover: { to: TO, from: "Ada", subject: "", note: NOTE }, notice: null, pages: 3, date: "x" }),
    );
    const text = execFileSync("pdftotext", [pdfPath, "-"], { encoding: "utf8" });
    expect(text).toContain(TO);
    expect(text).toContain("CONFIDENTIALITY NOTICE");

    // No table holds the cover's words in plain text (only the ciphertext under P).
    const tables = await db().$queryRawUnsafe<{ tablename: string }[]>(
      "SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    for (const { tablename } of tables) {
      const dump = await db().$queryRawUnsafe<{ r: string }[]>(
        `SELECT row_to_json(x)::text AS r FROM "${tablename}" x`,
      );
      const hay = Buffer.from(dump.map((d) => d.r).join("\n"));
      for (const secret of [TO, NOTE])
        for (const needle of secretForms(secret))
          expect(hay.includes(needle), `${tablename} holds cover text`).toBe(false);
    }

    // A resend carries the same cover page (same document, same pages key).
    const { jobId } = await user.fax.resend({ id, gatewaySealedKey: await doc.sealAgain() });
    const resent = await db().faxJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(resent.pages).toBe(3);
    expect(
      Buffer.from(resent.coverCipher!).equals(
        Buffer.from((await db().faxJob.findUniqueOrThrow({ where: { id } })).coverCipher!),
      ),
    ).toBe(true);
  }, 180_000);

  it("is refused when its bytes are not an encrypted cover page, creating nothing", async () => {
    const doc = await prepareFaxDocument({
      tenantId: acme.tenant.id,
      ownerId: acme.user.id,
      pages: 1,
      quality: "FINE",
      storage,
      gatewayKeys: keys,
    });
    const before = await db().faxJob.count();
    await expect(
      user.fax.send({
        documentId: doc.document.id,
        destinations: ["+1 312 555 0124"],
        gatewaySealedKey: doc.gatewaySealedKey,
        coverCipher: Buffer.from("To: Dr Eze — plain words, not a cover page's ciphertext").toString("base64url"),
      }),
    ).rejects.toMatchObject({ message: "The encrypted cover page could not be read. Reload the page and send again." });
    expect(await db().faxJob.count()).toBe(before);
  }, 120_000);
});
