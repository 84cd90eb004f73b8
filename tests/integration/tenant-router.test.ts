import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { freshCredentials } from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant, PASSWORD } from "../support/fixtures";

let platform: Awaited<ReturnType<typeof callerFor>>;

beforeAll(async () => {
  const root = await makePlatformAdmin();
  await makeTenant("Existing Co", "existing.localhost");
  platform = await callerFor(root.id, "localhost");
});

const base = {
  name: "Acme Health",
  domains: ["acme.localhost"],
  dailyFaxLimit: 100,
  monthlyFaxLimit: 2000,
  retentionMinDays: 1,
  retentionMaxDays: 8,
  retentionDays: null,
};

describe("tenants", () => {
  it("creates a tenant with its domain and admin, and audits it", async () => {
    const tenant = await platform.tenant.create({
      ...base,
      admin: { username: "acme-boss", email: "boss@acme.test", credentials: await freshCredentials(PASSWORD) },
    });
    const db = getDb();
    const admin = await db.user.findFirstOrThrow({ where: { username: "acme-boss" } });
    expect(admin).toMatchObject({ tenantId: tenant.id, role: "TENANT_ADMIN" });
    expect(await db.tenantDomain.findUnique({ where: { hostname: "acme.localhost" } })).toMatchObject({
      tenantId: tenant.id,
    });
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "tenant.create" } })).toBe(1);
  });

  it("refuses a domain another tenant uses, and creates nothing", async () => {
    const before = await getDb().tenant.count();
    await expect(platform.tenant.create({ ...base, name: "Thief", domains: ["existing.localhost"] })).rejects.toThrow(
      /already used by another tenant/,
    );
    expect(await getDb().tenant.count()).toBe(before);
  });

  it("refuses limits outside their bounds", async () => {
    await expect(
      platform.tenant.create({ ...base, name: "Odd", domains: ["odd.localhost"], retentionDays: 30 }),
    ).rejects.toThrow(/between 1 and 8 days/);
    await expect(
      platform.tenant.create({ ...base, name: "Odd", domains: ["odd.localhost"], dailyFaxLimit: 5000 }),
    ).rejects.toThrow(/Daily limit cannot exceed/);
  });

  it("lists with search and pagination", async () => {
    const page = await platform.tenant.list({ search: "acme", page: 1, pageSize: 5 });
    expect(page.items.map((t) => t.name)).toEqual(["Acme Health"]);
    expect(page.total).toBe(1);
  });
});
