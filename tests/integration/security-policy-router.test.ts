import { beforeAll, describe, expect, it } from "vitest";
import type { SecurityPolicyUpdateInput } from "../../lib/schemas/security-policy";
import { getDb } from "../../server/db/client";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { signInWith } from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let other: Awaited<ReturnType<typeof makeTenant>>;
let acmeAdmin: Caller;
let platform: Caller;

const policy: SecurityPolicyUpdateInput = {
  minLength: 12,
  minUpper: 1,
  minLower: 1,
  minDigits: 1,
  minSpecial: 1,
  historyCount: 5,
  excludePersonalInfo: true,
  maxAgeDays: 90,
  minAgeDays: 1,
  lockoutThreshold: 3,
  lockoutMinutes: 30,
  sessionTimeoutMinutes: 45,
  forceChangeOnFirstLogin: true,
};

beforeAll(async () => {
  acme = await makeTenant("Acme", "acme.localhost");
  other = await makeTenant("Other Co", "other.localhost");
  const root = await makePlatformAdmin();
  acmeAdmin = await callerFor(acme.admin.id, acme.hostname);
  platform = await callerFor(root.id, "localhost");
});

describe("security policy", () => {
  it("reads and saves a tenant's own policy, auditing what changed", async () => {
    expect(await acmeAdmin.securityPolicy.get({})).toMatchObject({
      tenantId: acme.tenant.id,
      tenantName: "Acme",
      lockoutThreshold: 3,
    });
    await acmeAdmin.securityPolicy.update(policy);
    expect(await acmeAdmin.securityPolicy.get({})).toMatchObject(policy);
    const audit = await getDb().auditLog.findFirstOrThrow({
      where: { tenantId: acme.tenant.id, action: "security-policy.update" },
    });
    expect(audit.details).toMatchObject({
      changes: { minLength: [10, 12], maxAgeDays: [null, 90], sessionTimeoutMinutes: [60, 45] },
    });
    expect((audit.details as { changes: Record<string, unknown> }).changes).not.toHaveProperty("lockoutThreshold");
  });

  it.each([
    [{ minLength: 5 }, /Minimum length must be between 6 and 128/],
    [{ minLength: 129 }, /Minimum length must be between 6 and 128/],
    [{ minSpecial: 11 }, /Special characters must be between 0 and 10/],
    [{ historyCount: 25 }, /Password history must be between 0 and 24/],
    [{ maxAgeDays: 0 }, /Password expiry must be between 1 and 3650/],
    [{ lockoutThreshold: 21 }, /Failed attempts before lockout must be between 1 and 20/],
    [{ lockoutMinutes: 0 }, /Lockout duration must be between 1 and 1440/],
    [{ sessionTimeoutMinutes: 4 }, /Session timeout must be between 5 and 1440/],
    [{ minLength: 1.5 }, /whole number/],
    [
      { minLength: 8, minUpper: 3, minLower: 3, minDigits: 2, minSpecial: 1 },
      /together cannot exceed the minimum length/,
    ],
  ])("refuses %o", async (change, message) => {
    await expect(acmeAdmin.securityPolicy.update({ ...policy, ...change })).rejects.toThrow(message);
  });

  it("accepts the bounds themselves, including no expiry", async () => {
    await acmeAdmin.securityPolicy.update({
      ...policy,
      minLength: 6,
      minUpper: 0,
      minLower: 0,
      minDigits: 0,
      minSpecial: 6,
      historyCount: 0,
      maxAgeDays: null,
      lockoutThreshold: 20,
      lockoutMinutes: 1440,
      sessionTimeoutMinutes: 5,
    });
    expect(await acmeAdmin.securityPolicy.get({})).toMatchObject({
      minLength: 6,
      minSpecial: 6,
      maxAgeDays: null,
      sessionTimeoutMinutes: 5,
    });
  });

  it("changes the lockout threshold sign-in uses from the next attempt", async () => {
    const host = await resolveHost(acme.hostname);
    const attempt = () =>
      signInWith({ username: acme.user.username, password: "wrong-password", host, ip: "10.1.1.1" });
    await acmeAdmin.securityPolicy.update({ ...policy, lockoutThreshold: 1, lockoutMinutes: 7 });
    expect(await attempt()).toMatchObject({
      ok: false,
      reason: "locked-out",
      message: expect.stringContaining("7 minute"),
    });

    await acmeAdmin.user.unlock({ id: acme.user.id });
    await acmeAdmin.securityPolicy.update({ ...policy, lockoutThreshold: 2 });
    expect(await attempt()).toMatchObject({ ok: false, reason: "invalid" });
    expect(await attempt()).toMatchObject({ ok: false, reason: "locked-out" });
  });

  it("keeps a tenant admin to their own tenant; a platform admin chooses one", async () => {
    await expect(acmeAdmin.securityPolicy.get({ tenantId: other.tenant.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(acmeAdmin.securityPolicy.update({ ...policy, tenantId: other.tenant.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(platform.securityPolicy.get({})).rejects.toThrow(/Choose an organisation/);
    await platform.securityPolicy.update({ ...policy, tenantId: other.tenant.id, minLength: 16 });
    expect(await platform.securityPolicy.get({ tenantId: other.tenant.id })).toMatchObject({
      tenantName: "Other Co",
      minLength: 16,
    });
    expect(
      (await getDb().securityPolicy.findUniqueOrThrow({ where: { tenantId: acme.tenant.id } })).minLength,
    ).not.toBe(16);
  });

  it("creates the policy row when a tenant has none yet", async () => {
    await getDb().securityPolicy.delete({ where: { tenantId: other.tenant.id } });
    expect(await platform.securityPolicy.get({ tenantId: other.tenant.id })).toMatchObject({ minLength: 12 }); // platform defaults
    await platform.securityPolicy.update({ ...policy, tenantId: other.tenant.id });
    expect(await getDb().securityPolicy.findUniqueOrThrow({ where: { tenantId: other.tenant.id } })).toMatchObject(
      policy,
    );
  });
});
