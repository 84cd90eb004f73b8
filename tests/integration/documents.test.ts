/**
 * The document library end to end on the server side, with the real envelope: the "browser" (the
 * same lib/ code the pages run) makes K, encrypts the name and the file and seals K to the owner,
 * the organisation and the gateway; the upload streams ciphertext to storage; the gateway's
 * conversion job makes the viewable PDF and fax pages; only the owner and the organisation's admins
 * can open any of it, and nothing stored — rows or objects — holds the plaintext.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStoredKeys } from "@/lib/auth/account-keys";
import { deriveCredentials } from "@/lib/auth/credentials";
import { makeTenantKeys, openMyTenantKey } from "@/lib/auth/tenant-access";
import {
  decryptContent,
  decryptName,
  encryptName,
  fromBase64,
  type KeyPair,
  openDocumentKey,
  pagesKey,
  toBase64,
} from "@/lib/crypto";
import { getDb } from "../../server/db/client";
import { runInScope } from "../../server/db/run-in-scope";
import { convertStoredDocument } from "../../server/document/convert-stored-document";
import { findDocumentPartKey, openDocumentPart } from "../../server/document/read-document-part";
import { storeUploadedContent } from "../../server/document/store-uploaded-content";
import { sendFaxRuntime, setSendFaxRuntime } from "../../server/fax/send-fax-runtime";
import { createLocalStorage } from "../../server/storage/local-storage";
import { filesUnder, secretForms } from "../support/canary";
import { testGatewayKeyRing } from "../support/fax-document";
import { callerFor, makePlatformAdmin, makeTenant, makeUser } from "../support/fixtures";
import { testTempDir } from "../support/temp-dir";
import { textPdf } from "../support/text-pdf";
import { actorOf, collect, inScopeOf, unlock, uploadAsBrowser } from "../support/upload-as-browser";

type Caller = Awaited<ReturnType<typeof callerFor>>;

const MARKER = `CANARY-${Math.random().toString(36).slice(2, 10).toUpperCase()}-7731`;
const NAME = `Referral for ${MARKER}-NAME.pdf`;

let storageDir: string;
let restore: () => void;
let gateway: ReturnType<typeof testGatewayKeyRing>;
let t: Awaited<ReturnType<typeof makeTenant>>;
let admin: Caller;
let owner: Caller;
let ownerKeys: KeyPair;
let tenantPublicKey: Uint8Array;

beforeAll(async () => {
  storageDir = testTempDir("faxport-documents-");
  gateway = testGatewayKeyRing();
  restore = setSendFaxRuntime({ storage: createLocalStorage(storageDir), gatewayKeys: gateway });
  t = await makeTenant("Docs Clinic", "docs.localhost");
  admin = await callerFor(t.admin.id, t.hostname);
  const made = await makeTenantKeys(await unlock(admin));
  const { recoveryCode: _code, ...stored } = made;
  await admin.tenantKeys.setUp(stored);
  tenantPublicKey = await fromBase64(stored.publicKey);
  owner = await callerFor(t.user.id, t.hostname);
  ownerKeys = await unlock(owner);
});

afterAll(() => restore());

/** What the Documents page does for one file (tests/support/upload-as-browser.ts). */
async function upload(caller: Caller, actorId: string, keys: KeyPair, file: Buffer, kind: "pdf" | "txt", name = NAME) {
  const uploaded = await uploadAsBrowser({
    caller,
    actorId,
    tenantId: t.tenant.id,
    keys,
    tenantPublicKey,
    gatewayKeys: gateway,
    file,
    kind,
    name,
  });
  expect(uploaded.uploadUrl).toBe(`/api/documents/${uploaded.id}/content`);
  return uploaded;
}

async function part(actorId: string, id: string, name: Parameters<typeof findDocumentPartKey>[2], K: Uint8Array) {
  const actor = await actorOf(actorId);
  const key = await runInScope({ scope: { kind: "tenant", tenantId: t.tenant.id }, actor }, (ctx) =>
    findDocumentPartKey(ctx as Parameters<typeof findDocumentPartKey>[0], id, name),
  );
  // The fax renderings are under the pages key P (what a send hands the gateway), the rest under K.
  return collect(decryptContent(name.startsWith("fax-") ? await pagesKey(K) : K, await openDocumentPart(key)));
}

describe("a document", () => {
  it("uploads as ciphertext, converts on the gateway side, and opens only with the owner's or the organisation's key", async () => {
    const file = textPdf(MARKER, 3);
    expect(file.includes(MARKER)).toBe(true);
    const { id, K } = await upload(owner, t.user.id, ownerKeys, file, "pdf");
    expect((await owner.document.get({ id })).status).toBe("PROCESSING");
    expect(await convertStoredDocument(id, sendFaxRuntime())).toEqual({ status: "READY", pages: 3 });

    const [row] = (await owner.document.list({ view: "mine" })).items;
    expect(row).toMatchObject({
      id,
      kind: "pdf",
      status: "READY",
      pageCount: 3,
      quality: "FINE",
      sizeBytes: file.length,
    });
    expect(row?.keyForMe?.via).toBe("owner");
    const openedK = await openDocumentKey(await fromBase64(row!.keyForMe!.sealedKey), ownerKeys);
    expect(await decryptName(await fromBase64(row!.nameCipher), openedK)).toBe(NAME);

    // The original comes back byte for byte; the view is a PDF; the fax pages a G4 TIFF and its PDF.
    expect(Buffer.compare(await part(t.user.id, id, "original", K), file)).toBe(0);
    expect((await part(t.user.id, id, "view.pdf", K)).subarray(0, 5).toString()).toBe("%PDF-");
    for (const quality of ["standard", "fine", "superfine"] as const) {
      const tiff = await part(t.user.id, id, `fax-${quality}.tif`, K);
      expect(["II*\0", "MM\0*"]).toContain(tiff.subarray(0, 4).toString("latin1"));
      expect((await part(t.user.id, id, `fax-${quality}.pdf`, K)).subarray(0, 5).toString()).toBe("%PDF-");
    }
    // The gateway's copy of K is gone once the conversion ended.
    expect((await getDb().document.findUniqueOrThrow({ where: { id } })).gatewaySealedKey).toBeNull();

    // The organisation's admin opens it through the organisation key.
    const [seen] = (await admin.document.list({ view: "all" })).items.filter((d) => d.id === id);
    expect(seen?.keyForMe?.via).toBe("tenant");
    const state = await admin.tenantKeys.state();
    const tenantKey = await openMyTenantKey(
      { tenantPublicKey: state.tenantPublicKey!, sealedKey: state.mySealedKey! },
      await unlock(admin),
    );
    const viaTenant = await openDocumentKey(await fromBase64(seen!.keyForMe!.sealedKey), tenantKey);
    expect(await decryptName(await fromBase64(seen!.nameCipher), viaTenant)).toBe(NAME);

    // CANARY: neither the content's marker nor the name is in any stored object or any row of any table.
    const files = filesUnder(storageDir);
    expect(files.length).toBeGreaterThanOrEqual(8);
    const tables = await getDb().$queryRawUnsafe<{ tablename: string }[]>(
      "SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    const rows: Buffer[] = [];
    for (const { tablename } of tables) {
      const dump = await getDb().$queryRawUnsafe<{ r: string }[]>(
        `SELECT row_to_json(x)::text AS r FROM "${tablename}" x`,
      );
      rows.push(Buffer.from(dump.map((d) => d.r).join("\n")));
    }
    const haystacks = [...files.map((f) => readFileSync(f)), ...rows];
    for (const secret of [MARKER, `${MARKER}-NAME`, "Referral for"]) {
      for (const needle of secretForms(secret)) {
        for (const hay of haystacks) expect(hay.includes(needle)).toBe(false);
      }
    }
  }, 60_000);

  it("is invisible to another plain user of the organisation, and refused to platform admins and other organisations", async () => {
    const { id } = await upload(owner, t.user.id, ownerKeys, textPdf("private", 1), "pdf", "private.pdf");
    const other = await makeUser(t.tenant.id, `docs-other-${Date.now()}`);
    const someone = await callerFor(other.id, t.hostname);
    await expect(someone.document.get({ id })).rejects.toThrow(/not found/i);
    expect((await someone.document.list({ view: "all" })).items.map((d) => d.id)).not.toContain(id);
    await expect(someone.document.delete({ id })).rejects.toThrow(/not found/i);
    await expect(someone.document.rename({ id, nameCipher: "AQ".repeat(30) })).rejects.toThrow(/not found/i);
    const otherActor = await actorOf(other.id);
    await expect(
      runInScope({ scope: { kind: "tenant", tenantId: t.tenant.id }, actor: otherActor }, (ctx) =>
        findDocumentPartKey(ctx as Parameters<typeof findDocumentPartKey>[0], id, "original"),
      ),
    ).rejects.toThrow(/not found/i);

    const root = await callerFor((await makePlatformAdmin("docs-root")).id, "localhost");
    await expect(root.document.list({ view: "all" })).rejects.toThrow(/platform admins cannot open them/);
    await expect(root.document.get({ id })).rejects.toThrow(/platform admins cannot open them/);

    const elsewhere = await makeTenant("Docs Elsewhere", "docs-elsewhere.localhost");
    const stranger = await callerFor(elsewhere.admin.id, elsewhere.hostname);
    await expect(stranger.document.get({ id })).rejects.toThrow(/not found/i);
    expect((await stranger.document.list({ view: "all" })).items).toEqual([]);
  });

  it("that is not what its type claims ends Invalid with a reason, and keeps no key for the gateway", async () => {
    const { id } = await upload(
      owner,
      t.user.id,
      ownerKeys,
      Buffer.from("just some words, not a PDF at all\n"),
      "pdf",
      "fake.pdf",
    );
    const outcome = await convertStoredDocument(id, sendFaxRuntime());
    expect(outcome.status).toBe("INVALID");
    const row = await owner.document.get({ id });
    expect(row.status).toBe("INVALID");
    expect(row.invalidReason).toMatch(/PDF|plain text|named/i);
    expect((await getDb().document.findUniqueOrThrow({ where: { id } })).gatewaySealedKey).toBeNull();
  });

  it("is uploaded once, only by its owner, and not beyond the size limit", async () => {
    const { id } = await upload(owner, t.user.id, ownerKeys, textPdf("once", 1), "pdf", "once.pdf");
    const actor = await actorOf(t.user.id);
    await expect(
      storeUploadedContent({
        documentId: id,
        body: new Blob([Buffer.from("again")]).stream(),
        contentLength: 5,
        inScope: inScopeOf(t.tenant.id, actor),
      }),
    ).rejects.toThrow(/already been uploaded/);
    await expect(
      storeUploadedContent({
        documentId: id,
        body: null,
        contentLength: 200 * 1024 * 1024,
        inScope: inScopeOf(t.tenant.id, actor),
      }),
    ).rejects.toThrow(/larger than documents may be/);
  });

  it("is renamed and deleted with everything stored for it; a fax waiting to send it stops the delete", async () => {
    const { id, K } = await upload(owner, t.user.id, ownerKeys, textPdf("to delete", 2), "pdf", "old name.pdf");
    await convertStoredDocument(id, sendFaxRuntime());
    await owner.document.rename({ id, nameCipher: await toBase64(await encryptName("new name.pdf", K)) });
    expect(await decryptName(await fromBase64((await owner.document.get({ id })).nameCipher), K)).toBe("new name.pdf");

    const job = await getDb().faxJob.create({
      data: { tenantId: t.tenant.id, userId: t.user.id, documentId: id, toNumber: "+12125550100" },
    });
    await expect(owner.document.delete({ id })).rejects.toThrow(/still waiting to send this document/);
    await getDb().faxJob.update({ where: { id: job.id }, data: { status: "SENT" } });

    const before = filesUnder(storageDir).filter((f) => f.includes(id));
    expect(before.length).toBe(8);
    expect(await owner.document.delete({ id })).toEqual({ faxesKeepingTheirRecord: 1 });
    expect(filesUnder(storageDir).filter((f) => f.includes(id))).toEqual([]);
    expect((await getDb().faxJob.findUniqueOrThrow({ where: { id: job.id } })).documentId).toBeNull();
    await expect(owner.document.get({ id })).rejects.toThrow(/not found/i);
  });
});

describe("after a password reset", () => {
  it("the person's documents wait for access until an admin's Grant re-seals every one to their new key", async () => {
    const { issueResetToken } = await import("../../server/auth/password-reset");
    const { resetInput } = await import("../support/credentials");
    const { regrantDocumentKey } = await import("@/lib/crypto");
    const person = await makeUser(t.tenant.id, `docs-reset-${Date.now()}`);
    const theirs = await callerFor(person.id, t.hostname);
    const oldKeys = await unlock(theirs);
    const first = await upload(theirs, person.id, oldKeys, textPdf("first", 1), "pdf", "first.pdf");
    const second = await upload(theirs, person.id, oldKeys, textPdf("second", 1), "pdf", "second.pdf");

    const token = await issueResetToken(getDb(), { userId: person.id, tenantId: t.tenant.id, minutes: 30 });
    const anon = await callerFor(null, t.hostname);
    const NEW = "Fresh-Start-Reset-9";
    await anon.auth.resetPassword(await resetInput(anon, token, NEW));
    const after = await callerFor(person.id, t.hostname);
    const params = await after.auth.myPasswordParams();
    const newKeys = await openStoredKeys(
      (await after.keys.mine())!,
      (await deriveCredentials(NEW, params.current!)).unlockKey,
    );
    expect((await after.document.list({ view: "mine" })).items.map((d) => d.keyForMe)).toEqual([null, null]);

    // The admin's browser: the organisation key opens each document key; seal them to the new key.
    const state = await admin.tenantKeys.state();
    const tenantKey = await openMyTenantKey(
      { tenantPublicKey: state.tenantPublicKey!, sealedKey: state.mySealedKey! },
      await unlock(admin),
    );
    const [waiting] = (await admin.tenantKeys.waiting()).filter((w) => w.id === person.id);
    const todo = await admin.tenantKeys.documentsToRegrant({ userId: person.id });
    expect(todo.map((d) => d.id).sort()).toEqual([first.id, second.id].sort());
    const sealed = await Promise.all(
      todo.map(async (d) => ({
        documentId: d.id,
        sealedKey: await toBase64(
          await regrantDocumentKey(await fromBase64(d.tenantSealedKey), tenantKey, newKeys.publicKey),
        ),
      })),
    );
    await expect(
      admin.tenantKeys.grant({ userId: person.id, forPublicKey: waiting!.publicKey, documentKeys: sealed.slice(0, 1) }),
    ).rejects.toThrow(/1 of this person's documents were not re-sealed/);
    await admin.tenantKeys.grant({ userId: person.id, forPublicKey: waiting!.publicKey, documentKeys: sealed });

    const rows = (await after.document.list({ view: "mine" })).items;
    for (const row of rows) {
      expect(row.keyForMe?.via).toBe("owner");
      const K = await openDocumentKey(await fromBase64(row.keyForMe!.sealedKey), newKeys);
      expect(["first.pdf", "second.pdf"]).toContain(await decryptName(await fromBase64(row.nameCipher), K));
    }
    const K1 = await openDocumentKey(
      await fromBase64(rows.find((r) => r.id === first.id)!.keyForMe!.sealedKey),
      newKeys,
    );
    expect(Buffer.from(K1)).toEqual(Buffer.from(first.K));

    // Another organisation's admin cannot ask for them.
    const elsewhere = await makeTenant("Docs Regrant Elsewhere", "docs-regrant-elsewhere.localhost");
    const stranger = await callerFor(elsewhere.admin.id, elsewhere.hostname);
    expect(await stranger.tenantKeys.documentsToRegrant({ userId: person.id })).toEqual([]);
  }, 60_000);
});
