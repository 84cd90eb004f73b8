/**
 * A password an administrator typed must be changed at first sign-in when the organisation's
 * policy says so — and until it is, the server refuses everything but the change itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { changePasswordInput, createUserInput, credentialsForUser, setPasswordInput } from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant, makeUser } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let platform: Caller;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let acmeAdmin: Caller;

beforeAll(async () => {
  const root = await makePlatformAdmin("typed-root");
  platform = await callerFor(root.id, "localhost");
  acme = await makeTenant("Typed Acme", "typed-acme.localhost");
  acmeAdmin = await callerFor(acme.admin.id, acme.hostname);
});

const flagOf = async (username: string) =>
  (await getDb().user.findFirstOrThrow({ where: { username } })).mustChangePassword;
const setPolicy = (tenantId: string, forceChangeOnFirstLogin: boolean) =>
  getDb().securityPolicy.update({ where: { tenantId }, data: { forceChangeOnFirstLogin } });

const newUser = (email: string, mustChangePassword: boolean) => ({
  tenantId: acme.tenant.id,
  email,
  useEmailAsUsername: true,
  firstName: "Pat",
  lastName: "Doe",
  roles: { user: true, tenant: false, admin: false },
  permissions: [],
  password: "Typed-By-Admin-2026",
  mustChangePassword,
});

describe("a password someone else typed", () => {
  it("an organisation admin whose password another admin set must change it, and nothing else works until then", async () => {
    const northwind = await makeTenant("Typed Northwind", "typed-northwind.localhost");
    const tenant = northwind.tenant;
    // Platform admins no longer set an organisation's passwords (issue 16): a fellow admin does.
    await expect(
      platform.user.setPassword({
        id: northwind.admin.id,
        mustChangePassword: false,
        credentials: await credentialsForUser(northwind.admin.id, "Harbour-Lights-71"),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const fellow = await callerFor(
      (await makeUser(tenant.id, "typed-northwind-second", "TENANT_ADMIN")).id,
      "typed-northwind.localhost",
    );
    await fellow.user.setPassword(await setPasswordInput(fellow, northwind.admin.id, "Harbour-Lights-71", false));
    expect(await flagOf(northwind.admin.username)).toBe(true);
    const admin = northwind.admin;
    const before = await callerFor(admin.id, "typed-northwind.localhost");
    const refusal = { code: "FORBIDDEN", message: "Change your password to continue." };
    await expect(before.user.list({ page: 1, pageSize: 10 })).rejects.toMatchObject(refusal);
    await expect(before.branding.get({})).rejects.toMatchObject(refusal);
    await expect(before.securityPolicy.get({})).rejects.toMatchObject(refusal);
    expect((await before.auth.me()).mustChangePassword).toBe(true); // who am I still answers

    await before.auth.changePassword(await changePasswordInput(before, "Harbour-Lights-71", "Own-Choice-Pass-77"));
    expect(await flagOf(northwind.admin.username)).toBe(false);
    const after = await callerFor(admin.id, "typed-northwind.localhost");
    expect((await after.user.list({ page: 1, pageSize: 10 })).total).toBe(3); // two admins and a user
    expect((await after.tenant.mine())?.id).toBe(tenant.id);
  });

  it("an organisation admin's new user must change it under the policy, even with the box unticked", async () => {
    await acmeAdmin.user.create(await createUserInput(acmeAdmin, newUser("pat@typed-acme.test", false)));
    expect(await flagOf("pat@typed-acme.test")).toBe(true);
    await setPolicy(acme.tenant.id, false);
    try {
      await acmeAdmin.user.create(await createUserInput(acmeAdmin, newUser("sam@typed-acme.test", false)));
      expect(await flagOf("sam@typed-acme.test")).toBe(false);
      await acmeAdmin.user.create(await createUserInput(acmeAdmin, newUser("kim@typed-acme.test", true))); // the admin may still ask
      expect(await flagOf("kim@typed-acme.test")).toBe(true);
    } finally {
      await setPolicy(acme.tenant.id, true);
    }
  });

  it("a password an admin sets must be changed under the policy, and the change clears the flag", async () => {
    await acmeAdmin.user.setPassword(await setPasswordInput(acmeAdmin, acme.user.id, "Set-By-Admin-2026", false));
    expect(await getDb().user.findUniqueOrThrow({ where: { id: acme.user.id } })).toMatchObject({
      mustChangePassword: true,
    });
    const user = await callerFor(acme.user.id, acme.hostname);
    await expect(user.did.mine()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await user.auth.changePassword(await changePasswordInput(user, "Set-By-Admin-2026", "Mine-Again-2026x"));
    expect((await getDb().user.findUniqueOrThrow({ where: { id: acme.user.id } })).mustChangePassword).toBe(false);
    expect(await (await callerFor(acme.user.id, acme.hostname)).did.mine()).toBeDefined();
  });
});
