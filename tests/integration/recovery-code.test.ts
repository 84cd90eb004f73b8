/**
 * Issue 17, keys and recovery on a new organisation's first day: the recovery step stays due until
 * the admin types part of the code back; an admin holding the key can make a new code, after which
 * the old one restores nothing; someone who starts waiting for access is mailed to the other admins
 * once, and is told whom to ask. Each "browser" step runs the same code the pages run.
 */
import { describe, expect, it } from "vitest";
import { newRecoveryCode, recoverTenantKey } from "@/lib/auth/tenant-access";
import { issueResetToken } from "../../server/auth/password-reset";
import { getDb } from "../../server/db/client";
import { resetInput, setPasswordInput } from "../support/credentials";
import { callerFor, makeTenant, PASSWORD } from "../support/fixtures";
import { setUpOrganisation, tenantKeyOf, unlockWith } from "../support/organisation-keys";

type T = Awaited<ReturnType<typeof makeTenant>>;

async function resetByLink(t: T, userId: string, password: string) {
  const token = await issueResetToken(getDb(), { userId, tenantId: t.tenant.id, minutes: 30 });
  const anon = await callerFor(null, t.hostname);
  await anon.auth.resetPassword(await resetInput(anon, token, password));
}

describe("the recovery step", () => {
  it("is due for the first admin until they confirm the code, and for nobody else", async () => {
    const { t, admin } = await setUpOrganisation();
    expect((await admin.tenantKeys.state()).recoveryStepDue).toBe(true);
    const user = await callerFor(t.user.id, t.hostname);
    expect((await user.tenantKeys.state()).recoveryStepDue).toBe(false);
    await expect(user.tenantKeys.confirmRecoveryCode()).rejects.toThrow(/do not have access/);
    await admin.tenantKeys.confirmRecoveryCode();
    expect((await admin.tenantKeys.state()).recoveryStepDue).toBe(false);
    await expect(admin.tenantKeys.confirmRecoveryCode()).rejects.toThrow(/no recovery code of yours/);
    expect(
      await getDb().auditLog.count({ where: { tenantId: t.tenant.id, action: "tenant.recovery-code-confirmed" } }),
    ).toBe(1);
  });

  it("is due for the first admin of an organisation without a key yet", async () => {
    const t = await makeTenant("Keyless", `keyless${Date.now()}.localhost`);
    const admin = await callerFor(t.admin.id, t.hostname);
    expect(await admin.tenantKeys.state()).toMatchObject({ canSetUp: true, recoveryStepDue: true });
  });
});

describe("a new recovery code", () => {
  it("replaces the old one: the old code no longer restores access, the new one does", async () => {
    const { t, admin, recoveryCode: oldCode } = await setUpOrganisation();
    await admin.tenantKeys.confirmRecoveryCode();
    const before = await tenantKeyOf(admin, PASSWORD);
    const made = await newRecoveryCode(before);
    expect(made.recoveryCode).not.toBe(oldCode);
    await admin.tenantKeys.replaceRecoveryCode({ recoverySealedKey: made.recoverySealedKey });
    // The new code waits for its confirmation like the first one did.
    expect((await admin.tenantKeys.state()).recoveryStepDue).toBe(true);
    await admin.tenantKeys.confirmRecoveryCode();
    expect(
      await getDb().auditLog.count({ where: { tenantId: t.tenant.id, action: "tenant.recovery-code-replaced" } }),
    ).toBe(1);

    // The only admin loses their password: only a recovery code can bring the key back.
    await resetByLink(t, t.admin.id, "Lost-And-Found-2026");
    const again = await callerFor(t.admin.id, t.hostname);
    const me = await unlockWith(again, "Lost-And-Found-2026");
    const box = await again.tenantKeys.recoveryBox();
    await expect(recoverTenantKey(oldCode, box, me)).rejects.toThrow();
    await again.tenantKeys.recover({ sealedForMe: await recoverTenantKey(made.recoveryCode, box, me) });
    const after = await tenantKeyOf(again, "Lost-And-Found-2026");
    expect(Buffer.from(after.privateKey)).toEqual(Buffer.from(before.privateKey));
  });

  it("is refused to a user and to an admin who does not hold the key", async () => {
    const { t, admin, recoveryCode } = await setUpOrganisation();
    const made = await newRecoveryCode(await tenantKeyOf(admin, PASSWORD));
    const user = await callerFor(t.user.id, t.hostname);
    await expect(user.tenantKeys.replaceRecoveryCode({ recoverySealedKey: made.recoverySealedKey })).rejects.toThrow(
      /do not have access/,
    );
    await resetByLink(t, t.admin.id, "Harbour-Fog-2027");
    const waiting = await callerFor(t.admin.id, t.hostname);
    await expect(waiting.tenantKeys.replaceRecoveryCode({ recoverySealedKey: made.recoverySealedKey })).rejects.toThrow(
      /holds its key/,
    );
    // The old copy is untouched: the first code still restores.
    const me = await unlockWith(waiting, "Harbour-Fog-2027");
    await expect(recoverTenantKey(recoveryCode, await waiting.tenantKeys.recoveryBox(), me)).resolves.toBeTruthy();
  });
});

describe("someone waiting for access", () => {
  it("is mailed to the organisation's admins once per event, and told whom to ask", async () => {
    const { t, admin } = await setUpOrganisation();
    const waitingMails = async () =>
      (await getDb().mailMessage.findMany({ where: { tenantId: t.tenant.id } })).filter((m) =>
        /is waiting for access/.test(m.subject),
      );
    expect(await waitingMails()).toHaveLength(0);
    await resetByLink(t, t.user.id, "Reset-By-Me-2026");
    const [mail, ...more] = await waitingMails();
    expect(more).toHaveLength(0);
    expect(mail!.to).toBe(t.admin.email);
    expect(mail!.text).toContain("reset their password with an emailed link");
    expect(mail!.text).toMatch(new RegExp(`http://${t.hostname}:\\d+/admin/users`));
    // Told whom to ask: the admins who hold the key, by name and email.
    const user = await callerFor(t.user.id, t.hostname);
    const state = await user.tenantKeys.state();
    expect(state.waitingForAccess).toBe(true);
    expect(state.askAdmins).toEqual([expect.stringContaining(t.admin.email)]);

    // A second event (an admin sets their password) is a second mail, naming who set it.
    await admin.user.setPassword(await setPasswordInput(admin, t.user.id, "Set-By-Admin-2026", false));
    const all = await waitingMails();
    expect(all).toHaveLength(2);
    expect(all.some((m) => m.text.includes(`given a new password by ${t.admin.username}`))).toBe(true);
    // A change of one's own password keeps the key pair: nobody waits, nobody is mailed.
    expect(await waitingMails()).toHaveLength(2);
  });
});
