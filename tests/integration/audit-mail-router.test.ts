import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { writeAudit } from "../../server/db/run-in-scope";
import { sendMail } from "../../server/mail/send-mail";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let other: Awaited<ReturnType<typeof makeTenant>>;
let acmeAdmin: Caller;
let acmeUser: Caller;
let platform: Caller;

beforeAll(async () => {
  acme = await makeTenant("Acme", "acme.localhost");
  other = await makeTenant("Other Co", "other.localhost");
  const root = await makePlatformAdmin();
  acmeAdmin = await callerFor(acme.admin.id, acme.hostname);
  acmeUser = await callerFor(acme.user.id, acme.hostname);
  platform = await callerFor(root.id, "localhost");
  const db = getDb();
  const actor = { id: acme.admin.id, username: acme.admin.username };
  const at = (day: number) => new Date(Date.UTC(2020, 0, day, 12));
  await writeAudit(
    db,
    { tenantId: acme.tenant.id, action: "user.create", entityType: "User", entityId: acme.user.id },
    actor,
    "10.0.0.5",
  );
  await writeAudit(
    db,
    { tenantId: acme.tenant.id, action: "user.lock", entityType: "User", details: { reason: "left" } },
    actor,
    null,
  );
  await writeAudit(db, { tenantId: other.tenant.id, action: "user.create", entityType: "User" }, null, null);
  await writeAudit(db, { tenantId: null, action: "trunk.create", entityType: "Trunk" }, null, null);
  // Fixed dates for the range filter.
  await db.auditLog.updateMany({ where: { action: "user.lock" }, data: { createdAt: at(10) } });
  await db.auditLog.updateMany({ where: { action: "trunk.create" }, data: { createdAt: at(20) } });
});

describe("audit.list", () => {
  it("shows a tenant admin only their tenant's entries, newest first", async () => {
    const page = await acmeAdmin.audit.list({});
    expect(page.items.map((i) => i.action)).toEqual(["user.create", "user.lock"]);
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({
      actorName: "acme-admin",
      entityType: "User",
      ip: "10.0.0.5",
      tenant: { name: "Acme" },
    });
    expect((await acmeAdmin.audit.list({ search: "trunk" })).total).toBe(0);
  });

  it("shows a platform admin everything, with tenant names", async () => {
    const page = await platform.audit.list({ pageSize: 50 });
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.tenant?.name ?? null)).toEqual(expect.arrayContaining(["Acme", "Other Co", null]));
  });

  it("filters by search, action prefix and date range, and paginates", async () => {
    expect((await platform.audit.list({ search: "SYSTEM" })).total).toBe(2); // actor name
    expect((await platform.audit.list({ search: "trunk" })).items.map((i) => i.action)).toEqual(["trunk.create"]); // entity type
    expect((await platform.audit.list({ action: "user." })).total).toBe(3);
    const january = await platform.audit.list({
      from: new Date(Date.UTC(2020, 0, 1)),
      to: new Date(Date.UTC(2020, 0, 15)),
    });
    expect(january.items.map((i) => i.action)).toEqual(["user.lock"]);
    const first = await platform.audit.list({ page: 1, pageSize: 5 });
    expect(first.items[0]!.createdAt >= first.items.at(-1)!.createdAt).toBe(true);
    await expect(platform.audit.list({ from: new Date(2020, 1, 1), to: new Date(2020, 0, 1) })).rejects.toThrow(
      /start date/,
    );
  });

  it("is for administrators only", async () => {
    await expect(acmeUser.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("mail outbox", () => {
  it("lists and opens a message sendMail produced, for platform admins", async () => {
    const sent = await sendMail({
      tenantId: acme.tenant.id,
      to: "someone@acme.test",
      subject: "Reset your password",
      text: "Open http://acme.localhost:3000/reset-password?token=abc to continue.",
      html: "<p>Open the link</p>",
    });
    expect(sent.status).toBe("sent");
    const page = await platform.mail.list({ search: "reset your" });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: sent.id,
      to: "someone@acme.test",
      transport: "outbox",
      status: "sent",
      tenant: { name: "Acme" },
    });
    expect(page.items[0]).not.toHaveProperty("html");
    const message = await platform.mail.get({ id: sent.id });
    expect(message.text).toContain("reset-password?token=abc");
    expect(message).not.toHaveProperty("html");
    expect((await platform.mail.list({ search: "acme.test" })).total).toBe(1);
    expect((await platform.mail.list({ search: "nobody" })).total).toBe(0);
  });

  it("is refused to tenant admins", async () => {
    await expect(acmeAdmin.mail.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const any = await getDb().mailMessage.findFirstOrThrow();
    await expect(acmeAdmin.mail.get({ id: any.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("audit.list names", () => {
  it("names actors by their full name, a platform admin as such where the organisation cannot see them", async () => {
    await getDb().user.update({ where: { id: acme.admin.id }, data: { firstName: "Ana", lastName: "Lee" } });
    await getDb().tenant.update({ where: { id: acme.tenant.id }, data: { timeZone: "Europe/Berlin" } });
    await platform.user.lock({ id: acme.user.id });
    await acmeAdmin.user.unlock({ id: acme.user.id });

    const seenByAcme = await acmeAdmin.audit.list({ action: "user.", pageSize: 50 });
    const lock = seenByAcme.items.find((i) => i.action === "user.lock" && i.actorDisplay !== "Ana Lee");
    expect(lock).toMatchObject({ actorDisplay: "Platform admin", actorRole: "PLATFORM_ADMIN" });
    const unlock = seenByAcme.items.find((i) => i.action === "user.unlock");
    expect(unlock).toMatchObject({
      actorDisplay: "Ana Lee",
      subjectName: acme.user.username,
      tenant: { name: "Acme", timeZone: "Europe/Berlin" },
    });
    // The older entries written by the fixtures' "acme-admin" read with the name too.
    expect(seenByAcme.items.filter((i) => i.action === "user.create")[0]).toMatchObject({ actorDisplay: "Ana Lee" });

    const seenByPlatform = await platform.audit.list({ action: "user.lock", pageSize: 50 });
    expect(seenByPlatform.items.map((i) => i.actorDisplay)).toContain("root");
  });
});
