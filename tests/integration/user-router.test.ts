import { beforeAll, describe, expect, it } from "vitest";
import { createSession, validateSession } from "../../server/auth/sessions";
import { getDb } from "../../server/db/client";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import {
  createUserInput,
  freshCredentials,
  setPasswordInput,
  sharedPasswordColumns,
  signInWith,
} from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant, PASSWORD } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Fixture = Awaited<ReturnType<typeof makeTenant>>;

let acme: Fixture;
let other: Fixture;
let acmeAdmin: Caller;
let otherAdmin: Caller;
let platform: Caller;
let rootId: string;

const NEW_PASSWORD = "Fresh-Meadow-42";

beforeAll(async () => {
  const root = await makePlatformAdmin();
  rootId = root.id;
  acme = await makeTenant("Acme", "acme.localhost");
  other = await makeTenant("Other", "other.localhost");
  acmeAdmin = await callerFor(acme.admin.id, acme.hostname);
  otherAdmin = await callerFor(other.admin.id, other.hostname);
  platform = await callerFor(root.id, "localhost");
});

const newUser = (over: Record<string, unknown> = {}) => ({
  tenantId: acme.tenant.id,
  email: "jane@acme.test",
  useEmailAsUsername: true,
  firstName: "Jane",
  lastName: "Doe",
  roles: { user: true, tenant: false, admin: false },
  permissions: [],
  password: PASSWORD,
  mustChangePassword: true,
  ...over,
});

/** A fresh tenant person to change, made directly in the database. */
async function person(username: string, tenant: Fixture = acme, role: "USER" | "TENANT_ADMIN" = "USER") {
  const db = getDb();
  return db.user.create({
    data: {
      tenantId: tenant.tenant.id,
      username,
      email: `${username}@${tenant.hostname}`,
      role,
      ...(await sharedPasswordColumns(PASSWORD)),
    },
  });
}

/** user.create as the admin's form calls it: the typed password becomes credentials first. */
const createAs = async (caller: Awaited<ReturnType<typeof callerFor>>, form: ReturnType<typeof newUser>) =>
  caller.user.create(await createUserInput(caller, form));

describe("create", () => {
  it("adds a user to the tenant admin's own tenant, using the email as username, and audits it", async () => {
    // The tenant id in the request is ignored for tenant admins: their own tenant is used.
    const created = await createAs(acmeAdmin, newUser({ tenantId: other.tenant.id }));
    expect(created).toMatchObject({
      username: "jane@acme.test",
      role: "USER",
      tenantId: acme.tenant.id,
      mustChangePassword: true,
    });
    expect(created).not.toHaveProperty("passwordHash");
    expect(
      await getDb().auditLog.count({
        where: { action: "user.create", entityId: created.id, tenantId: acme.tenant.id },
      }),
    ).toBe(1);
  });

  it("saves user + tenant ticked together as a tenant admin, with an entered username", async () => {
    const created = await createAs(
      acmeAdmin,
      newUser({
        email: "bob@acme.test",
        useEmailAsUsername: false,
        username: "Bob.Smith",
        firstName: "Bob",
        lastName: "Smith",
        roles: { user: true, tenant: true, admin: false },
      }),
    );
    expect(created).toMatchObject({ username: "bob.smith", role: "TENANT_ADMIN" });
  });

  it("refuses a username that is taken with a clear conflict", async () => {
    await expect(
      createAs(acmeAdmin, newUser({ email: "other@acme.test", useEmailAsUsername: false, username: "bob.smith" })),
    ).rejects.toMatchObject({ code: "CONFLICT", message: 'The username "bob.smith" is already taken.' });
  });

  it("refuses an email another account of the tenant uses (sign-in by email must be unambiguous)", async () => {
    await expect(createAs(acmeAdmin, newUser({ useEmailAsUsername: false, username: "jane2" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The email jane@acme.test is already used by another account here.",
    });
  });

  it("refuses a weak password with the policy's words and creates nothing", async () => {
    const before = await getDb().user.count();
    await expect(createAs(acmeAdmin, newUser({ email: "weak@acme.test", password: "short" }))).rejects.toThrow(
      /Password needs at least 10 characters/,
    );
    expect(await getDb().user.count()).toBe(before);
  });

  it("does not let a tenant admin create a platform admin", async () => {
    await expect(
      createAs(
        acmeAdmin,
        newUser({ tenantId: null, email: "boss@acme.test", roles: { user: false, tenant: false, admin: true } }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets a platform admin create a platform admin without a tenant, and no one in an organisation", async () => {
    const admin = await createAs(
      platform,
      newUser({
        tenantId: null,
        email: "ops@platform.test",
        roles: { user: false, tenant: false, admin: true },
        password: "Platform-Pass-123",
      }),
    );
    expect(admin).toMatchObject({ role: "PLATFORM_ADMIN", tenantId: null });
    await expect(
      createAs(platform, newUser({ tenantId: other.tenant.id, email: "sam@other.test" })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("list", () => {
  it("searches username, email and names with pagination, only in the tenant admin's tenant", async () => {
    const page = await acmeAdmin.user.list({ search: "jane doe", page: 1, pageSize: 5 });
    expect(page.items.map((u) => u.username)).toEqual(["jane@acme.test"]);
    const all = await acmeAdmin.user.list({ search: "", page: 1, pageSize: 5, tenantId: other.tenant.id });
    expect(all.items.every((u) => u.tenantId === acme.tenant.id)).toBe(true);
    expect(all.items[0]).not.toHaveProperty("passwordHash");
    const second = await acmeAdmin.user.list({ search: "", page: 2, pageSize: 5 });
    expect(second.total).toBe(all.total);
  });

  it("shows a platform admin everyone, platform admins included, or one tenant", async () => {
    const everyone = await platform.user.list({ search: "", page: 1, pageSize: 200 });
    expect(everyone.items.some((u) => u.role === "PLATFORM_ADMIN")).toBe(true);
    const others = await platform.user.list({ search: "", page: 1, pageSize: 200, tenantId: other.tenant.id });
    expect(others.items.length).toBeGreaterThan(0);
    expect(others.items.every((u) => u.tenantId === other.tenant.id)).toBe(true);
  });
});

describe("update", () => {
  it("changes profile, role and permissions and audits it", async () => {
    const u = await person("update-me");
    const saved = await acmeAdmin.user.update({
      id: u.id,
      email: "new@acme.test",
      firstName: "New",
      lastName: "Name",
      phone: null,
      roles: { user: true, tenant: true, admin: false },
      permissions: ["campaigns"],
    });
    expect(saved).toMatchObject({
      email: "new@acme.test",
      firstName: "New",
      role: "TENANT_ADMIN",
      permissions: ["campaigns"],
    });
    expect(await getDb().auditLog.count({ where: { action: "user.update", entityId: u.id } })).toBe(1);
  });

  it("never lets a tenant admin grant platform admin", async () => {
    const u = await person("climber");
    await expect(
      acmeAdmin.user.update({
        id: u.id,
        email: u.email,
        firstName: "",
        lastName: "",
        phone: null,
        roles: { user: false, tenant: false, admin: true },
        permissions: [],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses demoting yourself, and a platform admin changing an organisation's admin", async () => {
    await expect(
      otherAdmin.user.update({
        id: other.admin.id,
        email: other.admin.email,
        firstName: "",
        lastName: "",
        phone: null,
        roles: { user: true, tenant: false, admin: false },
        permissions: [],
      }),
    ).rejects.toThrow(/cannot change your own role/);
    await expect(
      platform.user.update({
        id: other.admin.id,
        email: other.admin.email,
        firstName: "",
        lastName: "",
        phone: null,
        roles: { user: true, tenant: false, admin: false },
        permissions: [],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("setPassword", () => {
  it("checks the policy, sets the flag and ends that user's sessions", async () => {
    const u = await person("forgetful");
    const sid = await createSession({ userId: u.id, tenantId: u.tenantId });
    expect(await validateSession(sid)).not.toBeNull();
    await expect(setPasswordInput(acmeAdmin, u.id, "weak", true)).rejects.toThrow(/Password needs/);
    // With "must change at first sign-in" off, the admin's unticked box leaves the flag off.
    await getDb().securityPolicy.update({
      where: { tenantId: acme.tenant.id },
      data: { forceChangeOnFirstLogin: false },
    });
    await acmeAdmin.user.setPassword(await setPasswordInput(acmeAdmin, u.id, NEW_PASSWORD, false));
    await getDb().securityPolicy.update({
      where: { tenantId: acme.tenant.id },
      data: { forceChangeOnFirstLogin: true },
    });
    expect(await validateSession(sid)).toBeNull();
    const after = await getDb().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.mustChangePassword).toBe(false);
    const host = await resolveHost(acme.hostname);
    const signIn = await signInWith({ username: "forgetful", password: NEW_PASSWORD, host, ip: "10.1.0.1" });
    expect(signIn.ok).toBe(true);
  });

  it("refuses an admin's own password (that needs the current one)", async () => {
    await expect(
      acmeAdmin.user.setPassword({
        id: acme.admin.id,
        credentials: await freshCredentials(NEW_PASSWORD),
        mustChangePassword: false,
      }),
    ).rejects.toThrow(/your own password/);
  });
});

describe("lock and unlock", () => {
  it("locking ends sessions at once and sign-in says the account is locked", async () => {
    const u = await person("suspect");
    const sid = await createSession({ userId: u.id, tenantId: u.tenantId });
    await acmeAdmin.user.lock({ id: u.id });
    expect(await getDb().session.findUniqueOrThrow({ where: { id: sid } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
    expect(await validateSession(sid)).toBeNull();
    const host = await resolveHost(acme.hostname);
    const result = await signInWith({ username: "suspect", password: PASSWORD, host, ip: "10.2.0.1" });
    expect(result).toMatchObject({ ok: false, reason: "locked", message: expect.stringMatching(/locked/) });
    expect((await acmeAdmin.user.get({ id: u.id })).locked).toBe(true);
  });

  it("unlocking clears the lock and any lockout", async () => {
    const u = await person("unlucky");
    await getDb().user.update({
      where: { id: u.id },
      data: { locked: true, lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 2 },
    });
    await acmeAdmin.user.unlock({ id: u.id });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      locked: false,
      lockedUntil: null,
      failedLoginCount: 0,
    });
    expect(await getDb().auditLog.count({ where: { action: "user.unlock", entityId: u.id } })).toBe(1);
  });

  it("refuses locking yourself", async () => {
    await expect(acmeAdmin.user.lock({ id: acme.admin.id })).rejects.toThrow(/your own account/);
  });
});

describe("delete", () => {
  it("returns the user's DIDs to the tenant's unassigned pool", async () => {
    const u = await person("leaver");
    const did = await getDb().did.create({
      data: {
        number: "+15550100001",
        tenantId: acme.tenant.id,
        userId: u.id,
        forward: "EMAIL",
        forwardEmail: "leaver@acme.test",
      },
    });
    await acmeAdmin.user.delete({ id: u.id });
    expect(await getDb().user.findUnique({ where: { id: u.id } })).toBeNull();
    expect(await getDb().did.findUniqueOrThrow({ where: { id: did.id } })).toMatchObject({
      tenantId: acme.tenant.id,
      userId: null,
      forward: "NONE",
      forwardEmail: null,
    });
    expect(await getDb().auditLog.count({ where: { action: "user.delete", entityId: u.id } })).toBe(1);
  });

  it("refuses deleting yourself or the last tenant admin", async () => {
    await expect(acmeAdmin.user.delete({ id: acme.admin.id })).rejects.toThrow(/your own account/);
    await expect(platform.user.delete({ id: other.admin.id })).rejects.toThrow(/last organisation admin/);
    await expect(platform.user.delete({ id: rootId })).rejects.toThrow(/your own account/);
  });
});

describe("tenant isolation", () => {
  it("gives NOT_FOUND for another tenant's user on every procedure, and changes nothing", async () => {
    const foreign = await person("foreigner", other);
    const notFound = { code: "NOT_FOUND", message: "User not found." };
    const id = foreign.id;
    await expect(acmeAdmin.user.get({ id })).rejects.toMatchObject(notFound);
    await expect(
      acmeAdmin.user.update({
        id,
        email: "x@acme.test",
        firstName: "",
        lastName: "",
        phone: null,
        roles: { user: true, tenant: false, admin: false },
        permissions: [],
      }),
    ).rejects.toMatchObject(notFound);
    await expect(
      acmeAdmin.user.setPassword({ id, credentials: await freshCredentials(NEW_PASSWORD), mustChangePassword: true }),
    ).rejects.toMatchObject(notFound);
    await expect(acmeAdmin.user.lock({ id })).rejects.toMatchObject(notFound);
    await expect(acmeAdmin.user.unlock({ id })).rejects.toMatchObject(notFound);
    await expect(acmeAdmin.user.delete({ id })).rejects.toMatchObject(notFound);
    await expect(acmeAdmin.user.get({ id: rootId })).rejects.toMatchObject(notFound);
    expect(await getDb().user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      email: foreign.email,
      locked: false,
    });
  });

  it("keeps plain users out", async () => {
    const user = await callerFor(acme.user.id, acme.hostname);
    await expect(user.user.list({ search: "", page: 1, pageSize: 20 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
