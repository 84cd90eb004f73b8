/** Signing in: lockout, admin lock, rate limits, portals, sessions — with a clock the test controls. */
import { beforeEach, describe, expect, it } from "vitest";
import { createSession, revokeUserSessions, validateSession } from "../../server/auth/sessions";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "../../server/auth/verify-credentials";
import { getDb } from "../../server/db/client";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { signInWith } from "../support/credentials";
import { makePlatformAdmin, makeTenant, PASSWORD } from "../support/fixtures";

let t: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

beforeEach(async () => {
  n += 1;
  t = await makeTenant(`Signin ${n}`, `signin${n}.localhost`);
});

const signIn = async (
  username: string,
  password: string,
  opts: { host?: string; ip?: string | null; now?: Date } = {},
) =>
  signInWith({
    username,
    password,
    host: await resolveHost(opts.host ?? t.hostname),
    ip: opts.ip === undefined ? `10.1.${n}.1` : opts.ip,
    now: opts.now,
  });

describe("verifyCredentials", () => {
  it("accepts the right password by username or by email", async () => {
    expect((await signIn(t.admin.username, PASSWORD)).ok).toBe(true);
    expect((await signIn(t.admin.email.toUpperCase(), PASSWORD)).ok).toBe(true);
  });

  it("gives one message for an unknown user and a wrong password", async () => {
    const unknown = await signIn("nobody-here", PASSWORD);
    const wrong = await signIn(t.user.username, "wrong-password");
    expect(unknown).toEqual({ ok: false, reason: "invalid", message: "Wrong username or password." });
    expect(wrong).toEqual(unknown);
  });

  it("locks the account after the policy's number of failures, for the policy's minutes", async () => {
    const start = new Date("2026-11-23T10:00:00Z");
    // The fixture policy: 3 failures → 15 minutes.
    await signIn(t.user.username, "bad-1", { now: start });
    await signIn(t.user.username, "bad-2", { now: start });
    const third = await signIn(t.user.username, "bad-3", { now: start });
    expect(third).toMatchObject({ ok: false, reason: "locked-out" });
    expect(third.ok ? "" : third.message).toBe("Too many failed attempts. This account is locked for 15 minutes.");
    // Even the right password is refused while locked out (in words, not "minute(s)")…
    const during = await signIn(t.user.username, PASSWORD, { now: new Date(start.getTime() + 14 * 60_000) });
    expect(during).toMatchObject({ ok: false, reason: "locked-out" });
    expect(during.ok ? "" : during.message).toBe("Too many failed attempts. This account is locked for 1 more minute.");
    // …and accepted once the lockout is over.
    const after = await signIn(t.user.username, PASSWORD, {
      now: new Date(start.getTime() + 16 * 60_000),
      ip: "10.9.9.9",
    });
    expect(after.ok).toBe(true);
    expect(await getDb().auditLog.count({ where: { action: "user.lockout", entityId: t.user.id } })).toBe(1);
  });

  it("refuses a user an administrator locked, even with the right password", async () => {
    await getDb().user.update({ where: { id: t.user.id }, data: { locked: true } });
    expect(await signIn(t.user.username, PASSWORD)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("limits failures per account across unknown origins, and per address", async () => {
    // Distributed guessing: one wrong password from each of many addresses.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await signIn(t.admin.username, `wrong-${i}`, { ip: `10.5.${i}.1` });
    }
    expect(await signIn(t.admin.username, PASSWORD, { ip: "10.6.6.6" })).toMatchObject({ reason: "rate-limited" });
    // One address trying many logins.
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await signIn(`x${i}`, "wrong", { ip: "10.7.7.7" });
    expect(await signIn(t.user.username, PASSWORD, { ip: "10.7.7.7" })).toMatchObject({ reason: "rate-limited" });
    expect((await signIn(t.user.username, PASSWORD, { ip: "10.8.8.8" })).ok).toBe(true);
  }, 60_000);

  it("signs in only the host's own people, and says nothing about anyone else's", async () => {
    const root = await makePlatformAdmin(`root${n}`);
    const invalid = { ok: false, reason: "invalid", message: "Wrong username or password." };
    expect(await signIn(t.user.username, PASSWORD, { host: "localhost" })).toEqual(invalid);
    expect(await signIn(root.username, PASSWORD)).toEqual(invalid);
    expect((await signIn(root.username, PASSWORD, { host: "localhost" })).ok).toBe(true);
    const other = await makeTenant(`Other ${n}`, `other${n}.localhost`);
    expect(await signIn(other.user.username, PASSWORD)).toEqual(invalid);
  });

  it("refuses everyone of a suspended tenant", async () => {
    await getDb().tenant.update({ where: { id: t.tenant.id }, data: { active: false } });
    expect(await signIn(t.admin.username, PASSWORD)).toMatchObject({ ok: false, reason: "suspended" });
  });
});

describe("sessions", () => {
  it("time out after the policy's idle minutes", async () => {
    const start = new Date();
    const sid = await createSession({ userId: t.user.id, tenantId: t.tenant.id, now: start });
    await getDb().securityPolicy.update({ where: { tenantId: t.tenant.id }, data: { sessionTimeoutMinutes: 30 } });
    expect(await validateSession(sid, new Date(start.getTime() + 29 * 60_000))).not.toBeNull();
    // Activity at minute 29 moved the idle clock: still alive at 58, gone 31 minutes after that.
    expect(await validateSession(sid, new Date(start.getTime() + 58 * 60_000))).not.toBeNull();
    expect(await validateSession(sid, new Date(start.getTime() + 90 * 60_000))).toBeNull();
  });

  it("end when the user is locked or their sessions are revoked", async () => {
    const sid = await createSession({ userId: t.user.id, tenantId: t.tenant.id });
    expect(await validateSession(sid)).not.toBeNull();
    await getDb().user.update({ where: { id: t.user.id }, data: { locked: true } });
    expect(await validateSession(sid)).toBeNull();
    await getDb().user.update({ where: { id: t.user.id }, data: { locked: false } });
    const sid2 = await createSession({ userId: t.user.id, tenantId: t.tenant.id });
    await revokeUserSessions(t.user.id);
    expect(await validateSession(sid2)).toBeNull();
  });
});
