/**
 * Issue 16: what a platform admin can no longer do to an organisation's people — anything that
 * chooses their password (and so their keys), their email or their role, or makes the platform admin
 * one of them. Refused in the services (FORBIDDEN with a plain message), whatever the screens show.
 * What stays: lock, unlock, a welcome for an account without a password, require a password change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { credentialsForUser, freshCredentials } from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let org: Awaited<ReturnType<typeof makeTenant>>;
let platform: Caller;
let rootId: string;

beforeAll(async () => {
  const root = await makePlatformAdmin("limits-root");
  rootId = root.id;
  platform = await callerFor(root.id, "localhost");
  org = await makeTenant("Limits Org", "limits-org.localhost");
});

const forbidden = (message: RegExp) => ({ code: "FORBIDDEN", message: expect.stringMatching(message) });

describe("a platform admin and an organisation's people", () => {
  it("cannot add a member or an admin with a password it chose, nor make itself one", async () => {
    for (const roles of [
      { user: true, tenant: false, admin: false },
      { user: true, tenant: true, admin: false },
    ]) {
      await expect(
        platform.user.create({
          tenantId: org.tenant.id,
          email: `planted-${roles.tenant ? "admin" : "user"}@limits.test`,
          useEmailAsUsername: true,
          firstName: "",
          lastName: "",
          roles,
          permissions: [],
          mustChangePassword: false,
          credentials: await freshCredentials("Chosen-By-Platform-1"),
        }),
      ).rejects.toMatchObject(forbidden(/cannot add people to an organisation/));
    }
    // Itself: a platform admin's account cannot cross into the organisation either.
    await expect(
      platform.user.update({
        id: rootId,
        email: "limits-root@platform.localhost",
        firstName: "",
        lastName: "",
        phone: null,
        roles: { user: true, tenant: true, admin: false },
        permissions: [],
      }),
    ).rejects.toThrow(/cannot change your own role/);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: rootId } })).toMatchObject({ tenantId: null });
    expect(await getDb().user.count({ where: { tenantId: org.tenant.id } })).toBe(2); // the fixture's two
  });

  it("cannot set a member's password, change their role or email", async () => {
    await expect(
      platform.user.setPassword({
        id: org.user.id,
        mustChangePassword: false,
        credentials: await credentialsForUser(org.user.id, "Chosen-By-Platform-2"),
      }),
    ).rejects.toMatchObject(forbidden(/cannot set the password/));
    await expect(platform.user.passwordParams({ id: org.user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const change of [
      { roles: { user: true, tenant: true, admin: false }, email: org.user.email },
      { roles: { user: true, tenant: false, admin: false }, email: "platform-inbox@limits.test" },
    ]) {
      await expect(
        platform.user.update({ id: org.user.id, firstName: "", lastName: "", phone: null, permissions: [], ...change }),
      ).rejects.toMatchObject(forbidden(/cannot change an organisation's people/));
    }
    const after = await getDb().user.findUniqueOrThrow({ where: { id: org.user.id } });
    expect(after).toMatchObject({ role: "USER", email: org.user.email, publicKey: org.user.publicKey });
  });

  it("still locks, unlocks, requires a password change and manages platform admins", async () => {
    await platform.user.lock({ id: org.user.id });
    await platform.user.unlock({ id: org.user.id });
    await platform.user.requirePasswordChange({ id: org.user.id });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: org.user.id } })).toMatchObject({
      locked: false,
      mustChangePassword: true,
    });
    const ops = await platform.user.create({
      tenantId: null,
      email: "ops@limits.test",
      useEmailAsUsername: true,
      firstName: "",
      lastName: "",
      roles: { user: false, tenant: false, admin: true },
      permissions: [],
      mustChangePassword: false,
      credentials: await freshCredentials("Platform-Ops-2026"),
    });
    expect(ops).toMatchObject({ role: "PLATFORM_ADMIN", tenantId: null });
  });
});
