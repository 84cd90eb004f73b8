/**
 * Self-service password change: minimum age, history, and admin-forced changes. The server never
 * sees the passwords; history still holds because an account keeps its salt (same password → same
 * auth key).
 */
import { describe, expect, it } from "vitest";
import { setPassword } from "../../server/auth/set-password";
import { getDb } from "../../server/db/client";
import { withScope } from "../../server/db/scope";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { changePasswordInput, credentialsForUser, signInWith } from "../support/credentials";
import { callerFor, makeTenant, PASSWORD } from "../support/fixtures";

let n = 0;
const tenant = async () => {
  n += 1;
  return makeTenant(`Change ${n}`, `change${n}.localhost`);
};

describe("minimum password age", () => {
  it("stops a person changing their own password again too soon, but never blocks a reset", async () => {
    const t = await tenant();
    const db = getDb();
    await db.securityPolicy.update({ where: { tenantId: t.tenant.id }, data: { minAgeDays: 2 } });
    await db.user.update({
      where: { id: t.user.id },
      data: { passwordChangedAt: new Date(Date.now() - 10 * 86_400_000) },
    });
    const me = await callerFor(t.user.id, t.hostname);
    await me.auth.changePassword(await changePasswordInput(me, PASSWORD, "First-Change-2026"));
    await expect(
      me.auth.changePassword(await changePasswordInput(me, "First-Change-2026", "Second-Change-2026")),
    ).rejects.toThrow(/changed less than 2 days ago/);
    const scope = { kind: "tenant", tenantId: t.tenant.id } as const;
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    const second = await credentialsForUser(t.user.id, "Second-Change-2026");
    await withScope(scope, (tx) =>
      setPassword(tx, {
        userId: t.user.id,
        credentials: second,
        byAdmin: false,
        enforceMinimumAge: true,
        now: inThreeDays,
      }),
    );
    // A forgotten-password reset (no minimum age) goes through at once.
    const reset = await credentialsForUser(t.user.id, "Reset-Right-Away-1");
    await withScope(scope, (tx) =>
      setPassword(tx, {
        userId: t.user.id,
        credentials: reset,
        byAdmin: false,
      }),
    );
  });

  it("must be shorter than the expiry", async () => {
    const t = await tenant();
    const admin = await callerFor(t.admin.id, t.hostname);
    const current = await admin.securityPolicy.get({});
    const {
      tenantId: _t,
      id: _i,
      updatedAt: _u,
      ...fields
    } = current as typeof current & { id: string; updatedAt: Date };
    await expect(admin.securityPolicy.update({ ...fields, maxAgeDays: 30, minAgeDays: 30 })).rejects.toThrow(
      "The minimum password age must be shorter than the expiry",
    );
  });
});

describe("password history and the current password, without the server seeing either", () => {
  it("refuses the last N passwords and a wrong current password; the new one signs in", async () => {
    const t = await tenant(); // policy: history of 3
    const me = await callerFor(t.user.id, t.hostname);
    await expect(
      me.auth.changePassword(await changePasswordInput(me, "Not-The-Password-1", "Fresh-Choice-2026")),
    ).rejects.toThrow("Your current password is not correct.");
    await expect(me.auth.changePassword(await changePasswordInput(me, PASSWORD, PASSWORD))).rejects.toThrow(
      /not used recently/,
    );
    await me.auth.changePassword(await changePasswordInput(me, PASSWORD, "Second-Choice-2026"));
    await expect(me.auth.changePassword(await changePasswordInput(me, "Second-Choice-2026", PASSWORD))).rejects.toThrow(
      /not used recently/,
    );
    const host = await resolveHost(t.hostname);
    expect((await signInWith({ username: t.user.username, password: "Second-Choice-2026", host, ip: null })).ok).toBe(
      true,
    );
    expect((await signInWith({ username: t.user.username, password: PASSWORD, host, ip: null })).ok).toBe(false);
  });
});

describe("admin-forced password change", () => {
  it("sends one user to change their password before anything else", async () => {
    const t = await tenant();
    const admin = await callerFor(t.admin.id, t.hostname);
    await admin.user.requirePasswordChange({ id: t.user.id });
    const user = await callerFor(t.user.id, t.hostname);
    await expect(user.dashboard.overview()).rejects.toThrow("Change your password to continue.");
    await user.auth.changePassword(await changePasswordInput(user, PASSWORD, "Fresh-Choice-2026"));
    const after = await callerFor(t.user.id, t.hostname);
    await expect(after.dashboard.overview()).resolves.toBeTruthy();
  });

  it("can require everyone in the tenant but the admin asking, and touches no other tenant", async () => {
    const t = await tenant();
    const other = await tenant();
    const admin = await callerFor(t.admin.id, t.hostname);
    expect(await admin.securityPolicy.requirePasswordChangeForAll({})).toEqual({ users: 1 });
    const db = getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: t.user.id } })).mustChangePassword).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: t.admin.id } })).mustChangePassword).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.user.id } })).mustChangePassword).toBe(false);
    await expect(admin.securityPolicy.requirePasswordChangeForAll({ tenantId: other.tenant.id })).rejects.toThrow(
      "You can only change your own organisation.",
    );
  });
});
