/**
 * The person's key pair (issue 7, §1–2): made in the browser, stored with its private half sealed
 * by the unlock key, re-sealed — not replaced — when they change their own password, and fresh
 * after a reset. Helpers derive and seal exactly as the pages do.
 */
import { describe, expect, it } from "vitest";
import { openStoredKeys } from "@/lib/auth/account-keys";
import { deriveCredentials } from "@/lib/auth/credentials";
import { issueResetToken } from "../../server/auth/password-reset";
import { getDb } from "../../server/db/client";
import { changePasswordInput, resetInput } from "../support/credentials";
import { callerFor, makeTenant, makeUser, PASSWORD } from "../support/fixtures";

/** Opens the caller's own stored pair with `password`, as the unlock prompt does. */
async function unlockWith(caller: Awaited<ReturnType<typeof callerFor>>, password: string) {
  const params = await caller.auth.myPasswordParams();
  const stored = await caller.keys.mine();
  if (!params.current || !stored) throw new Error("no keys");
  const { unlockKey } = await deriveCredentials(password, params.current);
  return openStoredKeys(stored, unlockKey);
}

describe("a person's key pair", () => {
  it("survives their own password change: same public key, opened only by the new password", async () => {
    const t = await makeTenant("Keys Co", "keys.localhost");
    const me = await callerFor(t.user.id, t.hostname);
    const before = await me.keys.mine();
    const opened = await unlockWith(me, PASSWORD);
    await me.auth.changePassword(await changePasswordInput(me, PASSWORD, "Keys-Changed-2026"));

    const after = await me.keys.mine();
    expect(after!.publicKey).toBe(before!.publicKey);
    expect(after!.sealedPrivateKey).not.toBe(before!.sealedPrivateKey);
    const reopened = await unlockWith(me, "Keys-Changed-2026");
    expect(Buffer.from(reopened.privateKey)).toEqual(Buffer.from(opened.privateKey));
    await expect(unlockWith(me, PASSWORD)).rejects.toThrow("The password does not unlock this account's keys.");
  });

  it("refuses a change that would swap the key pair instead of re-sealing it", async () => {
    const t = await makeTenant("Swap Co", "swap.localhost");
    const me = await callerFor(t.user.id, t.hostname);
    const input = await changePasswordInput(me, PASSWORD, "Swapped-Keys-2026");
    const other = await changePasswordInput(await callerFor(t.admin.id, t.hostname), PASSWORD, "Swapped-Keys-2026");
    await expect(
      me.auth.changePassword({ ...input, credentials: { ...input.credentials, keys: other.credentials.keys } }),
    ).rejects.toThrow(/could not be re-sealed/);
  });

  it("is fresh after a forgotten-password reset (the old one cannot be opened without the password)", async () => {
    const t = await makeTenant("Fresh Co", "fresh.localhost");
    const before = await (await callerFor(t.user.id, t.hostname)).keys.mine();
    const token = await issueResetToken(getDb(), { userId: t.user.id, tenantId: t.tenant.id, minutes: 30 });
    const anon = await callerFor(null, t.hostname);
    await anon.auth.resetPassword(await resetInput(anon, token, "After-Reset-2026"));
    const me = await callerFor(t.user.id, t.hostname);
    expect((await me.keys.mine())!.publicKey).not.toBe(before!.publicKey);
    await expect(unlockWith(me, "After-Reset-2026")).resolves.toBeTruthy();
  });

  it("is set up once for an account without keys, and never replaced that way", async () => {
    const t = await makeTenant("Setup Co", "setup.localhost");
    const u = await makeUser(t.tenant.id, "no-keys-yet");
    await getDb().user.update({ where: { id: u.id }, data: { publicKey: null, sealedPrivateKey: null } });
    const me = await callerFor(u.id, t.hostname);
    expect(await me.keys.mine()).toBeNull();
    const keys = (await changePasswordInput(me, PASSWORD, "Whatever-Pass-2026")).credentials.keys;
    await me.keys.setUp(keys);
    expect(await me.keys.mine()).toEqual(keys);
    const another = (await changePasswordInput(me, PASSWORD, "Whatever-Pass-2027")).credentials.keys;
    await expect(me.keys.setUp(another)).rejects.toThrow("This account already has keys.");
    expect(await me.keys.mine()).toEqual(keys);
  });
});
