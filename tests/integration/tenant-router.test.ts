import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { resetInput, signInWith } from "../support/credentials";
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
  admin: { username: "boss", email: "boss@example.test" },
};

describe("tenants", () => {
  it("creates a tenant with its domain and admin, who chooses a password through a welcome link", async () => {
    const tenant = await platform.tenant.create({ ...base, admin: { username: "acme-boss", email: "boss@acme.test" } });
    expect(tenant.welcomeSentTo).toBe("boss@acme.test");
    const db = getDb();
    const admin = await db.user.findFirstOrThrow({ where: { username: "acme-boss" } });
    // Named on the organisation: only they set up its key.
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).firstAdminId).toBe(admin.id);
    // No password, no keys: the platform admin never knew one, and nothing signs in yet.
    expect(admin).toMatchObject({ tenantId: tenant.id, role: "TENANT_ADMIN", kdfSalt: null, publicKey: null });
    expect(admin.mustChangePassword).toBe(false);
    const host = await resolveHost("acme.localhost");
    const guess = { username: "acme-boss", password: PASSWORD, host, ip: "10.7.0.1" };
    expect((await signInWith(guess)).ok).toBe(false);
    const listed = async () =>
      (await platform.user.list({ tenantId: tenant.id, search: "", page: 1, pageSize: 10 })).items[0]?.hasPassword;
    expect(await listed()).toBe(false); // shown as Invited
    expect(await db.tenantDomain.findUnique({ where: { hostname: "acme.localhost" } })).toMatchObject({
      tenantId: tenant.id,
    });
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "tenant.create" } })).toBe(1);

    // The welcome mail's single-use link sets the password; the same link does not work twice.
    const mail = await db.mailMessage.findFirstOrThrow({ where: { to: "boss@acme.test" } });
    const token = /welcome\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const anon = await callerFor(null, "acme.localhost");
    await anon.auth.resetPassword(await resetInput(anon, token, PASSWORD));
    expect((await signInWith(guess)).ok).toBe(true);
    expect(await listed()).toBe(true);
    await expect(resetInput(anon, token, `${PASSWORD}-again`)).rejects.toThrow(/invalid or has expired/);
    const chosen = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    // Their first keys: nothing was readable before, so nobody has to grant them access.
    expect(chosen).toMatchObject({ accessPendingSince: null, mustChangePassword: false });
    expect(chosen.publicKey).toEqual(expect.any(String));
    expect(await db.passwordHistory.count({ where: { userId: admin.id } })).toBe(0);
  });

  it("takes the country numbers are dialled in, US when left out, and refuses one the phone rules do not know", async () => {
    const gb = await platform.tenant.create({
      ...base,
      name: "Londoners",
      domains: ["londoners.localhost"],
      defaultCountry: "gb",
    });
    expect(gb.defaultCountry).toBe("GB");
    const us = await platform.tenant.create({ ...base, name: "Plain Co", domains: ["plain-co.localhost"] });
    expect(us.defaultCountry).toBe("US");
    await platform.tenant.update({
      ...base,
      id: us.id,
      name: "Plain Co",
      domains: ["plain-co.localhost"],
      active: true,
      defaultCountry: "DE",
    });
    expect((await getDb().tenant.findUniqueOrThrow({ where: { id: us.id } })).defaultCountry).toBe("DE");
    await expect(
      platform.tenant.create({ ...base, name: "Nowhere", domains: ["nowhere.localhost"], defaultCountry: "XX" }),
    ).rejects.toThrow(/Choose a country from the list/);
  });

  it("refuses a domain another tenant uses, and creates nothing", async () => {
    const before = await getDb().tenant.count();
    await expect(platform.tenant.create({ ...base, name: "Thief", domains: ["existing.localhost"] })).rejects.toThrow(
      /already used by another organisation/,
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

describe("deleting a tenant", () => {
  it("needs the organisation's name typed, checked on the server", async () => {
    const doomed = await makeTenant("Doomed Ltd", "doomed.localhost");
    await expect(platform.tenant.delete({ id: doomed.tenant.id, confirmName: "Doomed" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "confirmName", message: "Type the organisation's name, Doomed Ltd, exactly to delete it." },
    });
    expect(await getDb().tenant.count({ where: { id: doomed.tenant.id } })).toBe(1);
    await platform.tenant.delete({ id: doomed.tenant.id, confirmName: "Doomed Ltd" });
    expect(await getDb().tenant.count({ where: { id: doomed.tenant.id } })).toBe(0);
  });
});

describe("country", () => {
  it("starts as US, is set by the organisation's admin (audited), and refuses codes it cannot dial and plain users", async () => {
    const t = await makeTenant("Country Co", "country.localhost");
    const admin = await callerFor(t.admin.id, t.hostname);
    expect((await admin.tenant.mine())?.defaultCountry).toBe("US");

    expect(await admin.tenant.setCountry({ country: " gb " })).toEqual({ country: "GB" });
    expect((await admin.tenant.mine())?.defaultCountry).toBe("GB");
    expect(
      await getDb().auditLog.findFirst({ where: { tenantId: t.tenant.id, action: "tenant.country" } }),
    ).toMatchObject({ details: { country: "GB", previous: "US" } });

    for (const country of ["UK", "XX", "GBR", "", "1"]) {
      await expect(admin.tenant.setCountry({ country })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { issues: [{ path: ["country"], message: "Choose a country from the list, e.g. United Kingdom" }] },
      });
    }
    const user = await callerFor(t.user.id, t.hostname);
    await expect(user.tenant.setCountry({ country: "DE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getDb().tenant.findUniqueOrThrow({ where: { id: t.tenant.id } })).defaultCountry).toBe("GB");
  });
});

describe("time zone", () => {
  it("starts as UTC, is set by the platform admin and by the organisation's admin, and refuses unknown zones", async () => {
    const t = await makeTenant("Zoned Co", "zoned.localhost");
    const admin = await callerFor(t.admin.id, t.hostname);
    expect((await admin.tenant.mine())?.timeZone).toBe("UTC");

    await admin.tenant.setTimeZone({ timeZone: "America/New_York" });
    expect((await admin.tenant.mine())?.timeZone).toBe("America/New_York");
    expect(
      await getDb().auditLog.findFirst({ where: { tenantId: t.tenant.id, action: "tenant.time-zone" } }),
    ).toMatchObject({ details: { timeZone: "America/New_York", previous: "UTC" } });
    await expect(admin.tenant.setTimeZone({ timeZone: "Central European Time" })).rejects.toThrow(
      /Choose a time zone from the list/,
    );
    const user = await callerFor(t.user.id, t.hostname);
    await expect(user.tenant.setTimeZone({ timeZone: "UTC" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const row = await getDb().tenant.findUniqueOrThrow({ where: { id: t.tenant.id }, include: { domains: true } });
    const fields = {
      id: row.id,
      name: row.name,
      domains: row.domains.map((d) => d.hostname),
      dailyFaxLimit: row.dailyFaxLimit,
      monthlyFaxLimit: row.monthlyFaxLimit,
      retentionMinDays: row.retentionMinDays,
      retentionMaxDays: row.retentionMaxDays,
      retentionDays: row.retentionDays,
      active: true,
    };
    await platform.tenant.update({ ...fields, timeZone: "Asia/Tokyo" });
    expect((await platform.tenant.get({ id: t.tenant.id })).timeZone).toBe("Asia/Tokyo");
    // Saving without a zone (e.g. Suspend from the list) keeps it.
    await platform.tenant.update(fields);
    expect((await platform.tenant.get({ id: t.tenant.id })).timeZone).toBe("Asia/Tokyo");
  });
});
