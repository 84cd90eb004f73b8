import pg from "pg";
import { describe, expect, it } from "vitest";
import { makeTenantKeys, recoverTenantKey, sealTenantKeyTo } from "@/lib/auth/tenant-access";
import { fromBase64, openDocumentKey, regrantDocumentKey, toBase64 } from "@/lib/crypto";
import { safetyCode, sameSafetyCode } from "@/lib/crypto/safety-code";
import { makeFaxReport } from "@/server/fax/make-fax-report";
import { setSendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { createLocalStorage } from "@/server/storage/local-storage";
import { issueResetToken } from "../../server/auth/password-reset";
import { getDb } from "../../server/db/client";
import { changePasswordInput, createUserInput, resetInput, setPasswordInput } from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant, makeUser, PASSWORD } from "../support/fixtures";
import { setUpOrganisation, tenantKeyOf, unlockWith } from "../support/organisation-keys";
import { testTempDir } from "../support/temp-dir";

type Caller = Awaited<ReturnType<typeof callerFor>>;

describe("the organisation key", () => {
  it("is made once by the first admin's browser, who can open it; nobody else holds a copy", async () => {
    const { t, admin, tenantPublicKey } = await setUpOrganisation();
    const tenant = await tenantKeyOf(admin, PASSWORD);
    expect(Buffer.from(tenant.publicKey).toString("base64url")).toBe(tenantPublicKey);
    const again = await makeTenantKeys(await unlockWith(admin, PASSWORD));
    const { recoveryCode: _c, ...second } = again;
    await expect(admin.tenantKeys.setUp(second)).rejects.toThrow("already has its keys");
    // A plain user and a platform admin get no copy and cannot make one.
    const user = await callerFor(t.user.id, t.hostname);
    expect(await user.tenantKeys.state()).toMatchObject({ mySealedKey: null, canSetUp: false });
    const root = await callerFor((await makePlatformAdmin(`root-${t.tenant.slug}`)).id, "localhost");
    expect(await root.tenantKeys.state()).toMatchObject({ tenantPublicKey: null, mySealedKey: null });
    await expect(root.tenantKeys.setUp(second)).rejects.toThrow("Only an organisation's own admins");
    await expect(root.tenantKeys.recoveryBox()).rejects.toThrow("Only an organisation's own admins");
    expect(await getDb().tenantKeyGrant.count({ where: { tenantId: t.tenant.id } })).toBe(1);
  });

  it("an admin-set password leaves the person waiting until an admin grants access", async () => {
    const { t, admin } = await setUpOrganisation();
    await admin.user.setPassword(await setPasswordInput(admin, t.user.id, "Set-By-Admin-2026", false));
    // The policy has them choose their own password first; that keeps the fresh key pair.
    const typed = await callerFor(t.user.id, t.hostname);
    await typed.auth.changePassword(await changePasswordInput(typed, "Set-By-Admin-2026", "Own-Choice-2026x"));
    const user = await callerFor(t.user.id, t.hostname);
    expect((await user.tenantKeys.state()).waitingForAccess).toBe(true);
    const waiting = await admin.tenantKeys.waiting();
    expect(waiting.map((p) => p.username)).toEqual([t.user.username]);
    await admin.tenantKeys.grant({ userId: t.user.id, forPublicKey: waiting[0]!.publicKey });
    expect((await user.tenantKeys.state()).waitingForAccess).toBe(false);
    expect(await admin.tenantKeys.waiting()).toEqual([]);
  });

  it("a second admin waits until granted, then opens the same key; a stale grant is refused", async () => {
    const { t, admin } = await setUpOrganisation();
    const second = await makeUser(t.tenant.id, `second-${t.tenant.slug}`, "TENANT_ADMIN");
    const other = await callerFor(second.id, t.hostname);
    expect((await other.tenantKeys.state()).waitingForAccess).toBe(true);
    await expect(other.tenantKeys.grant({ userId: t.user.id, forPublicKey: "A".repeat(43) })).rejects.toThrow(
      "waiting for access yourself",
    );
    const [person] = await admin.tenantKeys.waiting();
    const tenant = await tenantKeyOf(admin, PASSWORD);
    await expect(
      admin.tenantKeys.grant({
        userId: second.id,
        forPublicKey: "B".repeat(43),
        sealedKey: await sealTenantKeyTo(tenant, person!.publicKey),
      }),
    ).rejects.toThrow("keys changed meanwhile");
    await admin.tenantKeys.grant({
      userId: second.id,
      forPublicKey: person!.publicKey,
      sealedKey: await sealTenantKeyTo(tenant, person!.publicKey),
    });
    const theirs = await tenantKeyOf(other, PASSWORD);
    expect(Buffer.from(theirs.privateKey)).toEqual(Buffer.from(tenant.privateKey));
  });

  it("the recovery code restores the only admin after they reset their password", async () => {
    const { t, recoveryCode } = await setUpOrganisation();
    const before = await tenantKeyOf(await callerFor(t.admin.id, t.hostname), PASSWORD);
    const token = await issueResetToken(getDb(), { userId: t.admin.id, tenantId: t.tenant.id, minutes: 30 });
    const anon = await callerFor(null, t.hostname);
    await anon.auth.resetPassword(await resetInput(anon, token, "Lost-And-Found-2026"));
    const admin = await callerFor(t.admin.id, t.hostname);
    expect(await admin.tenantKeys.state()).toMatchObject({ waitingForAccess: true, mySealedKey: null });
    const me = await unlockWith(admin, "Lost-And-Found-2026");
    const box = await admin.tenantKeys.recoveryBox();
    await expect(recoverTenantKey("0000-0000-0000-0000-0000-0000-0000-0000", box, me)).rejects.toThrow();
    await admin.tenantKeys.recover({ sealedForMe: await recoverTenantKey(recoveryCode.toLowerCase(), box, me) });
    expect((await admin.tenantKeys.state()).waitingForAccess).toBe(false);
    const after = await tenantKeyOf(admin, "Lost-And-Found-2026");
    expect(Buffer.from(after.privateKey)).toEqual(Buffer.from(before.privateKey));
  });
});

/** How the grant screen reads: the waiting person's row. */
async function waitingRow(admin: Caller, userId: string) {
  const row = (await admin.tenantKeys.waiting()).find((w) => w.id === userId);
  if (!row) throw new Error("not waiting");
  return row;
}

/** A second admin granted the organisation key, so they can grant and set passwords too. */
async function grantedSecondAdmin(t: Awaited<ReturnType<typeof setUpOrganisation>>["t"], admin: Caller) {
  const second = await makeUser(t.tenant.id, `second-${t.tenant.slug}`, "TENANT_ADMIN");
  const tenant = await tenantKeyOf(admin, PASSWORD);
  const row = await waitingRow(admin, second.id);
  await admin.tenantKeys.grant({
    userId: second.id,
    forPublicKey: row.publicKey,
    sealedKey: await sealTenantKeyTo(tenant, row.publicKey),
  });
  return { second, caller: await callerFor(second.id, t.hostname) };
}

describe("issue 16: who holds the organisation key", () => {
  it("only the admin named at creation sets it up; an admin added before waits, then is granted", async () => {
    const t = await makeTenant(`Named ${Date.now()}`, `named${Date.now()}.localhost`);
    const early = await makeUser(t.tenant.id, `early-${t.tenant.slug}`, "TENANT_ADMIN");
    const earlyCaller = await callerFor(early.id, t.hostname);
    expect(await earlyCaller.tenantKeys.state()).toMatchObject({ canSetUp: false, waitingForSetUp: true });
    const made = await makeTenantKeys(await unlockWith(earlyCaller, PASSWORD));
    const { recoveryCode: _code, ...stored } = made;
    await expect(earlyCaller.tenantKeys.setUp(stored)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/Only the admin named when your organisation was created/),
    });
    expect((await getDb().tenant.findUniqueOrThrow({ where: { id: t.tenant.id } })).publicKey).toBeNull();

    const first = await callerFor(t.admin.id, t.hostname);
    expect(await first.tenantKeys.state()).toMatchObject({ canSetUp: true, waitingForSetUp: false });
    const own = await makeTenantKeys(await unlockWith(first, PASSWORD));
    const { recoveryCode: _c, ...ownStored } = own;
    await first.tenantKeys.setUp(ownStored);
    // Now the early admin waits for a grant like any new admin.
    expect(await earlyCaller.tenantKeys.state()).toMatchObject({ waitingForAccess: true, waitingForSetUp: false });
    expect((await waitingRow(first, early.id)).origin).toEqual({ kind: "new-admin" });
  });

  it("Grant shows who created each person, how they came to wait, and a safety code of their new key", async () => {
    const { t, admin } = await setUpOrganisation();
    const { second, caller: secondAdmin } = await grantedSecondAdmin(t, admin);
    // One person created by the first admin resets their own password by a mailed link…
    const created = await admin.user.create(
      await createUserInput(admin, {
        tenantId: t.tenant.id,
        email: `self-${t.tenant.slug}@people.test`,
        useEmailAsUsername: true,
        roles: { user: true, tenant: false, admin: false },
        password: "First-Chosen-2026",
        mustChangePassword: false,
      }),
    );
    const token = await issueResetToken(getDb(), { userId: created.id, tenantId: t.tenant.id, minutes: 30 });
    const anon = await callerFor(null, t.hostname);
    const beforeReset = new Date();
    await anon.auth.resetPassword(await resetInput(anon, token, "Own-Reset-2026x"));
    // …another has their password set by the second admin.
    const beforeSet = new Date();
    await secondAdmin.user.setPassword(await setPasswordInput(secondAdmin, t.user.id, "Set-By-Second-2026", false));

    const selfRow = await waitingRow(admin, created.id);
    expect(selfRow.createdBy).toEqual({ name: t.admin.username, platformAdmin: false });
    expect(selfRow.origin).toMatchObject({ kind: "self-reset" });
    expect(new Date((selfRow.origin as { at: Date }).at).getTime()).toBeGreaterThanOrEqual(beforeReset.getTime() - 5);
    const setRow = await waitingRow(admin, t.user.id);
    expect(setRow.origin).toMatchObject({ kind: "set-by-admin", by: second.username });
    expect(new Date((setRow.origin as { at: Date }).at).getTime()).toBeGreaterThanOrEqual(beforeSet.getTime() - 5);

    // The code on the admin's screen is the one the person's own browser shows from the key it unlocked.
    const person = await callerFor(created.id, t.hostname);
    const theirKeys = await unlockWith(person, "Own-Reset-2026x");
    const state = await person.tenantKeys.state();
    expect(state.waitingForAccess).toBe(true);
    expect(state.myPublicKey).toBe(Buffer.from(theirKeys.publicKey).toString("base64url"));
    const shown = await safetyCode(selfRow.publicKey);
    expect(shown).toMatch(/^\d{4} \d{4}$/);
    expect(await safetyCode(state.myPublicKey!)).toBe(shown);
    expect(await safetyCode(setRow.publicKey)).not.toBe(shown);
    expect(sameSafetyCode(shown.replace(" ", "-"), shown)).toBe(true);
  });

  it("an admin cannot replace another admin's working copy of the organisation key", async () => {
    const { t, admin } = await setUpOrganisation();
    const { second } = await grantedSecondAdmin(t, admin);
    const before = await getDb().tenantKeyGrant.findUniqueOrThrow({
      where: { tenantId_userId: { tenantId: t.tenant.id, userId: second.id } },
    });
    const planted = await makeTenantKeys(await unlockWith(admin, PASSWORD));
    await expect(
      admin.tenantKeys.grant({ userId: second.id, forPublicKey: second.publicKey!, sealedKey: planted.sealedForMe }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already holds the organisation key/) });
    // A plain user who is not waiting is not "granted" again either.
    await expect(admin.tenantKeys.grant({ userId: t.user.id, forPublicKey: t.user.publicKey! })).rejects.toThrow(
      /not waiting for access/,
    );
    const after = await getDb().tenantKeyGrant.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.sealedKey).toBe(before.sealedKey);
  });

  it("mails every organisation admin when someone is granted access or becomes an admin", async () => {
    const { t, admin } = await setUpOrganisation();
    const { second } = await grantedSecondAdmin(t, admin);
    const admins = [t.admin.email, second.email].sort();
    const mailed = async (subject: RegExp) =>
      (await getDb().mailMessage.findMany({ where: { tenantId: t.tenant.id } }))
        .filter((m) => subject.test(m.subject))
        .map((m) => m.to)
        .sort();
    // The grant just made (to the second admin) was told to both admins.
    expect(await mailed(/was granted access/)).toEqual(admins);

    const promoted = await makeUser(t.tenant.id, `promoted-${t.tenant.slug}`);
    await admin.user.update({
      id: promoted.id,
      email: promoted.email,
      firstName: "Pro",
      lastName: "Moted",
      phone: null,
      roles: { user: true, tenant: true, admin: false },
      permissions: [],
    });
    const now = [...admins, promoted.email].sort();
    expect(await mailed(/is now an organisation admin/)).toEqual(now);
    const mail = (await getDb().mailMessage.findFirstOrThrow({ where: { subject: { contains: "Pro Moted" } } })).text;
    expect(mail).toContain(`${t.admin.username} made Pro Moted (${promoted.username}) an organisation admin`);

    await admin.user.create(
      await createUserInput(admin, {
        tenantId: t.tenant.id,
        email: `new-admin-${t.tenant.slug}@people.test`,
        useEmailAsUsername: true,
        roles: { user: true, tenant: true, admin: false },
        password: "New-Admin-Chosen-2026",
        mustChangePassword: false,
      }),
    );
    const newAdminMails = await mailed(/new-admin-.* is now an organisation admin/);
    expect(newAdminMails).toEqual([...now, `new-admin-${t.tenant.slug}@people.test`].sort());
  });
});

describe("issue 16: transmission reports", () => {
  it("are sealed to the key the sender had when they sent; a re-grant opens them for the new key", async () => {
    const { t, admin } = await setUpOrganisation();
    const storage = createLocalStorage(testTempDir("faxport-keys-report-"));
    const restore = setSendFaxRuntime({ storage });
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    try {
      const sender = await callerFor(t.user.id, t.hostname);
      const keysAtSend = await unlockWith(sender, PASSWORD);
      // As send-faxes stores it: the sender's public key when they pressed Send.
      const job = await getDb().faxJob.create({
        data: {
          tenantId: t.tenant.id,
          userId: t.user.id,
          toNumber: "+12125550199",
          senderPublicKey: t.user.publicKey,
        },
      });
      // Before the fax ends, someone sets the sender's password: a fresh key pair they know.
      await admin.user.setPassword(await setPasswordInput(admin, t.user.id, "Set-Meanwhile-2026", false));
      // (Their first change, which keeps this key pair, is not what this test is about.)
      await getDb().user.update({ where: { id: t.user.id }, data: { mustChangePassword: false } });
      const reset = await callerFor(t.user.id, t.hostname);
      const newKeys = await unlockWith(reset, "Set-Meanwhile-2026");
      await getDb().faxJob.update({ where: { id: job.id }, data: { status: "SENT", completedAt: new Date() } });
      const client = await pool.connect();
      try {
        expect(await makeFaxReport({ db: client, storage, faxJobId: job.id, firstPage: null, now: new Date() })).toBe(
          true,
        );
      } finally {
        client.release();
      }

      const row = await getDb().faxJob.findUniqueOrThrow({ where: { id: job.id } });
      const R = await openDocumentKey(new Uint8Array(row.reportSealedForUser!), keysAtSend);
      await expect(openDocumentKey(new Uint8Array(row.reportSealedForUser!), newKeys)).rejects.toThrow();
      // The new key gets no copy until a Grant; the organisation admin still opens the report.
      expect((await reset.fax.report({ id: job.id })).keyForMe).toBeNull();
      expect((await admin.fax.report({ id: job.id })).keyForMe?.via).toBe("tenant");

      const todo = await admin.tenantKeys.documentsToRegrant({ userId: t.user.id });
      expect(todo).toEqual([{ id: job.id, kind: "report", tenantSealedKey: expect.any(String) }]);
      const tenantKey = await tenantKeyOf(admin, PASSWORD);
      const row2 = await waitingRow(admin, t.user.id);
      await expect(admin.tenantKeys.grant({ userId: t.user.id, forPublicKey: row2.publicKey })).rejects.toThrow(
        /1 of their transmission reports were not re-sealed/,
      );
      const sealed = await regrantDocumentKey(await fromBase64(todo[0]!.tenantSealedKey), tenantKey, newKeys.publicKey);
      await admin.tenantKeys.grant({
        userId: t.user.id,
        forPublicKey: row2.publicKey,
        reportKeys: [{ faxJobId: job.id, sealedKey: await toBase64(sealed) }],
      });
      const mine = (await reset.fax.report({ id: job.id })).keyForMe;
      expect(mine?.via).toBe("owner");
      const reopened = await openDocumentKey(await fromBase64(mine!.sealedKey), newKeys);
      expect(Buffer.from(reopened)).toEqual(Buffer.from(R));
      expect(await admin.tenantKeys.documentsToRegrant({ userId: t.user.id })).toEqual([]);
    } finally {
      restore();
      await pool.end();
    }
  });
});
