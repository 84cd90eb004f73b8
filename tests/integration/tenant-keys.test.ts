/**
 * The organisation key and the lifecycle around it (issue 7, §2): made by the first admin's browser
 * with a recovery code; an admin-set or reset password leaves the person waiting for access until an
 * admin grants it; the recovery code restores an admin who lost access; a platform admin never holds
 * it. Each "browser" step runs the same code the pages run.
 */
import { describe, expect, it } from "vitest";
import { openStoredKeys } from "@/lib/auth/account-keys";
import { deriveCredentials } from "@/lib/auth/credentials";
import { makeTenantKeys, openMyTenantKey, recoverTenantKey, sealTenantKeyTo } from "@/lib/auth/tenant-access";
import { issueResetToken } from "../../server/auth/password-reset";
import { getDb } from "../../server/db/client";
import { changePasswordInput, resetInput, setPasswordInput } from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant, makeUser, PASSWORD } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function unlockWith(caller: Caller, password: string) {
  const params = await caller.auth.myPasswordParams();
  const stored = await caller.keys.mine();
  if (!params.current || !stored) throw new Error("no keys");
  const { unlockKey } = await deriveCredentials(password, params.current);
  return openStoredKeys(stored, unlockKey);
}

/** The organisation key as this admin's browser opens it. */
async function tenantKeyOf(caller: Caller, password: string) {
  const state = await caller.tenantKeys.state();
  if (!state.tenantPublicKey || !state.mySealedKey) throw new Error("no copy");
  return openMyTenantKey(
    { tenantPublicKey: state.tenantPublicKey, sealedKey: state.mySealedKey },
    await unlockWith(caller, password),
  );
}

async function setUpOrganisation() {
  const t = await makeTenant(
    `Org ${Math.random().toString(36).slice(2, 8)}`,
    `org${Date.now()}${Math.floor(Math.random() * 1e4)}.localhost`,
  );
  const admin = await callerFor(t.admin.id, t.hostname);
  expect(await admin.tenantKeys.state()).toMatchObject({ canSetUp: true, waitingForAccess: false });
  const made = await makeTenantKeys(await unlockWith(admin, PASSWORD));
  const { recoveryCode, ...stored } = made;
  await admin.tenantKeys.setUp(stored);
  return { t, admin, recoveryCode, tenantPublicKey: stored.publicKey };
}

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
