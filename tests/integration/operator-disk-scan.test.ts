/**
 * Whoever holds the disks or backups (issue 16, DESIGN.md attacker 2). Documents are uploaded,
 * converted and faxed through the real services and the real send job; the jobs end and clear the
 * gateway's grants — but "set to NULL" leaves the old row versions in PostgreSQL's WAL and table files.
 * The scan takes every gateway key on disk and opens every grant any file still holds:
 *  - while the keys live, it does find grants that open the fax pages (the scan works: a copy kept);
 *  - once the retired keys are destroyed, nothing on disk opens a document's key, name or page, and
 *    neither the text, the name nor the fax rendering's bytes are anywhere in plain form.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeTenantKeys } from "@/lib/auth/tenant-access";
import {
  decryptContent,
  encryptFaxTitle,
  fromBase64,
  type KeyPair,
  pagesKey,
  sealGatewayGrant,
  toBase64,
} from "@/lib/crypto";
import { sendFaxFunction } from "../../inngest/functions/send-fax";
import { createManualClock, type ManualClock } from "../../inngest/runner/clock";
import { createRunner, type Runner } from "../../inngest/runner/runner";
import { getDb } from "../../server/db/client";
import { convertStoredDocument } from "../../server/document/convert-stored-document";
import { documentPartKey } from "../../server/document/document-storage-keys";
import { sendFaxRuntime, setSendFaxRuntime } from "../../server/fax/send-fax-runtime";
import { destroyRetiredGatewayKeys } from "../../server/gateway/destroy-retired-gateway-keys";
import { GATEWAY_KEY_TIMING } from "../../server/gateway/gateway-key-ring";
import { GatewayRegistry } from "../../server/gateway/gateway-registry";
import { createLocalStorage } from "../../server/storage/local-storage";
import { secretForms } from "../support/canary";
import { filesChangedSince, filesContaining, keysOnDisk, openGrantsIn } from "../support/disk-scan";
import { testGatewayKeyRing } from "../support/fax-document";
import { callerFor, makeTenant } from "../support/fixtures";
import { textPdf } from "../support/text-pdf";
import { collect, unlock, uploadAsBrowser } from "../support/upload-as-browser";
import { requireNativeFaxCall } from "../unit/gateway/support/native-addon";

const MARKER = `CANARY-${Math.random().toString(36).slice(2, 10).toUpperCase()}-DISK`;
const NAME = `Discharge summary ${MARKER}-NAME.pdf`;
const TITLE = `Discharge of ${MARKER}-TITLE`;
const started = Date.now() - 1_000;
const scratch = mkdtempSync(path.join(tmpdir(), "faxport-operator-scan-"));
const storageDir = path.join(scratch, "objects");
let clock: ManualClock;
let ring: ReturnType<typeof testGatewayKeyRing>;
let runner: Runner;
let restore: () => void;
let pgDirs: string[];

afterAll(async () => {
  await runner?.stop().catch(() => {});
  restore?.();
  rmSync(scratch, { recursive: true, force: true });
});

beforeAll(async () => {
  requireNativeFaxCall();
  clock = createManualClock("2026-12-06T09:00:00Z");
  ring = testGatewayKeyRing({ now: () => clock.now() });
  restore = setSendFaxRuntime({
    storage: createLocalStorage(storageDir),
    gatewayKeys: ring,
    gateways: new GatewayRegistry({
      loopback: { timeScale: 0, engine: "spandsp" },
      freeswitch: null,
      httpApi: null,
    }),
    now: () => clock.now(),
    cancelPollMs: 20,
  });
  runner = createRunner({
    functions: [sendFaxFunction],
    databaseUrl: process.env.DATABASE_URL!,
    clock,
    pollMs: 20,
    backoffMs: () => 60_000,
  });
  // Where this database's files are: the cluster's WAL and this database's own directory.
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  const dataDir = (await admin.query<{ data_directory: string }>("SHOW data_directory")).rows[0]!.data_directory;
  const dbName = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const { oid } = (await admin.query<{ oid: number }>("SELECT oid FROM pg_database WHERE datname = $1", [dbName]))
    .rows[0]!;
  await admin.end();
  pgDirs = [path.join(dataDir, "pg_wal"), path.join(dataDir, "base", String(oid))];
}, 120_000);

/** A checkpoint writes the table files too, so their dead row versions are on disk as well as in WAL. */
async function checkpoint() {
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  await admin.query("CHECKPOINT");
  await admin.end();
}

describe("the disks after the jobs ended", () => {
  it("hold no gateway grant anyone can open once the retired keys are destroyed", async () => {
    const t = await makeTenant("Disk Clinic", "disk.localhost");
    const admin = await callerFor(t.admin.id, t.hostname);
    const { recoveryCode: _code, ...stored } = await makeTenantKeys(await unlock(admin));
    await admin.tenantKeys.setUp(stored);
    const owner = await callerFor(t.user.id, t.hostname);
    const ownerKeys: KeyPair = await unlock(owner);
    const db = getDb();
    await db.did.create({ data: { number: "+12125550171", tenantId: t.tenant.id, userId: t.user.id } });
    await db.trunk.create({ data: { name: "Loopback", host: "loopback.invalid", driver: "LOOPBACK", maxChannels: 2 } });

    // Two documents uploaded, converted and faxed, as a browser and the jobs do it.
    const documents: { id: string; K: Uint8Array }[] = [];
    for (const n of [1, 2]) {
      const uploaded = await uploadAsBrowser({
        caller: owner,
        actorId: t.user.id,
        tenantId: t.tenant.id,
        keys: ownerKeys,
        tenantPublicKey: await fromBase64(stored.publicKey),
        gatewayKeys: ring,
        file: textPdf(`${MARKER} document ${n}`, 2),
        kind: "pdf",
        name: `${n} ${NAME}`,
      });
      expect(await convertStoredDocument(uploaded.id, sendFaxRuntime())).toEqual({ status: "READY", pages: 2 });
      documents.push(uploaded);
      const { jobIds } = await owner.fax.send({
        titleCipher: await toBase64(await encryptFaxTitle(TITLE, uploaded.K)),
        documentId: uploaded.id,
        destinations: [`+1312555014${n}`],
        gatewaySealedKey: await toBase64(await sealGatewayGrant(uploaded.K, "send", await ring.current())),
        quality: "FINE",
      });
      await runner.drain();
      expect(await db.faxJob.findUniqueOrThrow({ where: { id: jobIds[0]! } })).toMatchObject({
        status: "SENT",
        gatewaySealedKey: null,
      });
    }
    expect(await db.document.count({ where: { gatewaySealedKey: { not: null } } })).toBe(0);
    await checkpoint();

    // While the keys live, the dead row versions still open: the scan sees what a thief would.
    const keyDir = ring.dir;
    const before = await openGrantsIn(filesChangedSince(pgDirs, started), await keysOnDisk(keyDir));
    expect(before.length).toBeGreaterThanOrEqual(4); // two conversion grants, two send grants
    // ...and what they open is a page: the fax rendering decrypts with the stolen pages key.
    const renderings = await Promise.all(
      documents.map(async (d) => {
        const { storageKey } = await db.document.findUniqueOrThrow({ where: { id: d.id } });
        return collect(await sendFaxRuntime().storage.get(documentPartKey({ storageKey }, "fax-fine.tif")));
      }),
    );
    const stolen = before.find((g) => g.purpose === "send")!.keys.pagesKey;
    const pages = await Promise.any(renderings.map((cipher) => collect(decryptContent(stolen, [cipher]))));
    expect(pages.subarray(0, 4).toString("latin1")).toBe("II*\0");
    // The rendering's own bytes (G4 strips from the middle of the file) stand in for the page itself.
    const pageBytes = await Promise.all(
      documents.map(async (d, i) => collect(decryptContent(await pagesKey(d.K), [renderings[i]!]))),
    );
    const pageSlices = pageBytes.flatMap((tiff) =>
      [0.3, 0.5, 0.7].map((at) => tiff.subarray(Math.floor(tiff.length * at), Math.floor(tiff.length * at) + 48)),
    );

    // The keys retire, a newer one is current (a live system always has one), the cron destroys the rest.
    clock.advance(GATEWAY_KEY_TIMING.rotateMs + GATEWAY_KEY_TIMING.acceptMs + 2 * 60_000);
    await ring.current();
    expect((await destroyRetiredGatewayKeys({ ring })).destroyed).toBeGreaterThanOrEqual(1);
    await checkpoint();

    const files = [...filesChangedSince(pgDirs, started), ...filesChangedSince([storageDir, keyDir], 0)];
    expect(await openGrantsIn(files, await keysOnDisk(keyDir))).toEqual([]);
    // Nor is anything there in plain form: the text, the names and titles, the fax rendering.
    expect(
      filesContaining(files, [...secretForms(MARKER), ...secretForms(NAME), ...secretForms(TITLE), ...pageSlices]),
    ).toEqual([]);
  }, 120_000);
});
