import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
type TenantFixture = Awaited<ReturnType<typeof makeTenant>>;
let platform: Caller;
let acme: TenantFixture;
let globex: TenantFixture;
let acmeAdmin: Caller;
let acmeUser: Caller;
let globexAdmin: Caller;

const list = { search: "", page: 1, pageSize: 50 };

beforeAll(async () => {
  const root = await makePlatformAdmin();
  acme = await makeTenant("Acme", "acme.localhost");
  globex = await makeTenant("Globex", "globex.localhost");
  platform = await callerFor(root.id, "localhost");
  acmeAdmin = await callerFor(acme.admin.id, acme.hostname);
  acmeUser = await callerFor(acme.user.id, acme.hostname);
  globexAdmin = await callerFor(globex.admin.id, globex.hostname);
});

describe("creating DIDs", () => {
  it("normalises the number to E.164 and audits it", async () => {
    const did = await platform.did.create({ number: "(212) 555-0100", title: "Main line", tenantId: acme.tenant.id });
    expect(did).toMatchObject({ number: "+12125550100", title: "Main line", tenantId: acme.tenant.id, userId: null });
    expect(
      await getDb().auditLog.count({ where: { entityId: did.id, action: "did.create", tenantId: acme.tenant.id } }),
    ).toBe(1);
  });

  it("refuses an invalid number with a clear message and creates nothing", async () => {
    const before = await getDb().did.count();
    await expect(platform.did.create({ number: "555-12", title: "", tenantId: null })).rejects.toThrow(
      // The raw caller reports zod's issues as JSON, so the quotes around the input are escaped.
      /555-12\\?" is not a valid phone number/,
    );
    expect(await getDb().did.count()).toBe(before);
  });

  it("refuses a duplicate as a conflict naming the number", async () => {
    await expect(platform.did.create({ number: "+1 212 555 0100", title: "", tenantId: null })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "+12125550100 already exists.",
    });
  });

  it("is platform-only", async () => {
    await expect(acmeAdmin.did.create({ number: "+12125550199", title: "", tenantId: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("bulk add", () => {
  it("adds the good numbers and reports each bad or duplicate entry with its line", async () => {
    const text = [
      "+1 212 555 0101, +1 212 555 0102", // line 1: two good
      "not-a-number", //                      line 2: invalid
      "",
      "(212) 555-0103; +12125550100", //       line 4: good + already exists
      "212.555.0101", //                       line 5: repeats line 1
      "+1 212 555 0104",
    ].join("\n");
    const result = await platform.did.bulkCreate({ numbers: text, title: "Batch", tenantId: globex.tenant.id });
    expect(result.added).toBe(4);
    expect(result.skipped).toBe(3);
    expect(result.problems).toEqual([
      { line: 2, input: "not-a-number", reason: expect.stringContaining("is not a valid phone number") },
      { line: 4, input: "+12125550100", reason: "+12125550100 already exists" },
      { line: 5, input: "212.555.0101", reason: "+12125550101 is repeated (first on line 1)" },
    ]);
    const added = await getDb().did.findMany({ where: { title: "Batch" }, orderBy: { number: "asc" } });
    expect(added.map((d) => d.number)).toEqual(["+12125550101", "+12125550102", "+12125550103", "+12125550104"]);
    expect(added.every((d) => d.tenantId === globex.tenant.id)).toBe(true);
    expect(await getDb().auditLog.count({ where: { action: "did.bulkCreate", tenantId: globex.tenant.id } })).toBe(1);
  });

  it("adds nothing and reports everything when all entries are bad", async () => {
    const result = await platform.did.bulkCreate({ numbers: "abc\n+12125550100", title: "", tenantId: null });
    expect(result).toMatchObject({ added: 0, skipped: 2 });
    expect(result.problems.map((p) => p.line)).toEqual([1, 2]);
  });
});

describe("listing", () => {
  it("platform admin filters by tenant, status and search", async () => {
    await platform.did.create({ number: "+1 415 555 0132", title: "Spare", tenantId: null });
    const unassigned = await platform.did.list({ ...list, status: "unassigned" });
    expect(unassigned.items.map((d) => d.number)).toEqual(["+14155550132"]);
    const globexOnly = await platform.did.list({ ...list, tenantId: globex.tenant.id });
    expect(globexOnly.total).toBe(4);
    const search = await platform.did.list({ ...list, search: "555 0132" });
    expect(search.items.map((d) => d.title)).toEqual(["Spare"]);
    const byTenantName = await platform.did.list({ ...list, search: "acme" });
    expect(byTenantName.items.map((d) => d.number)).toEqual(["+12125550100"]);
  });

  it("a tenant admin sees only its own pool, whatever filter it sends", async () => {
    const acmeList = await acmeAdmin.did.list({ ...list, tenantId: globex.tenant.id });
    expect(acmeList.items.map((d) => d.number)).toEqual(["+12125550100"]);
    const globexList = await globexAdmin.did.list(list);
    expect(globexList.total).toBe(4);
    expect(globexList.items.every((d) => d.tenantId === globex.tenant.id)).toBe(true);
  });

  it("a plain user cannot list the pool", async () => {
    await expect(acmeUser.did.list(list)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("assignment", () => {
  const acmeDid = async () => (await getDb().did.findUniqueOrThrow({ where: { number: "+12125550100" } })).id;

  it("a tenant admin assigns a pool number to its user and can unassign it", async () => {
    const id = await acmeDid();
    const did = await acmeAdmin.did.assign({ id, userId: acme.user.id });
    expect(did.user?.username).toBe(acme.user.username);
    const status = await acmeAdmin.did.list({ ...list, status: "assigned" });
    expect(status.items.map((d) => d.id)).toEqual([id]);
    const back = await acmeAdmin.did.assign({ id, userId: null });
    expect(back.userId).toBeNull();
    expect(
      await getDb().auditLog.count({ where: { entityId: id, action: "did.assign", tenantId: acme.tenant.id } }),
    ).toBe(2);
  });

  it("refuses a user from another tenant, for platform and tenant admins alike", async () => {
    const id = await acmeDid();
    await expect(acmeAdmin.did.assign({ id, userId: globex.user.id })).rejects.toThrow(
      /does not belong to this number's organisation/,
    );
    await expect(platform.did.assign({ id, userId: globex.user.id })).rejects.toThrow(
      /does not belong to this number's organisation/,
    );
    expect((await getDb().did.findUniqueOrThrow({ where: { id } })).userId).toBeNull();
  });

  it("a tenant admin cannot touch another tenant's number nor move numbers between tenants", async () => {
    const id = await acmeDid();
    await expect(globexAdmin.did.assign({ id, userId: globex.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(acmeAdmin.did.assign({ id, tenantId: globex.tenant.id, userId: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("platform admin sets tenant and user together; moving tenant clears the user and forwarding", async () => {
    const spare = await getDb().did.findUniqueOrThrow({ where: { number: "+14155550132" } });
    await expect(platform.did.assign({ id: spare.id, userId: acme.user.id })).rejects.toThrow(
      /Give this number to an organisation/,
    );
    const given = await platform.did.assign({ id: spare.id, tenantId: acme.tenant.id, userId: acme.user.id });
    expect(given).toMatchObject({ tenantId: acme.tenant.id, userId: acme.user.id });
    await acmeUser.did.setForward({ id: spare.id, forward: "EMAIL", email: "inbox@acme.test" });

    const moved = await platform.did.update({ id: spare.id, title: "Moved", tenantId: globex.tenant.id });
    expect(moved).toMatchObject({
      tenantId: globex.tenant.id,
      userId: null,
      forward: "NONE",
      forwardEmail: null,
      title: "Moved",
    });
    // Both tenants' logs record the move.
    expect(
      await getDb().auditLog.count({ where: { entityId: spare.id, action: "did.update", tenantId: acme.tenant.id } }),
    ).toBe(1);
    expect(
      await getDb().auditLog.count({ where: { entityId: spare.id, action: "did.update", tenantId: globex.tenant.id } }),
    ).toBe(1);
  });
});

describe("my DIDs and Fax to Email", () => {
  it("everyone, organisation admins too, sees only the numbers assigned to them; admins filter theirs with Mine", async () => {
    const id = (await getDb().did.findUniqueOrThrow({ where: { number: "+12125550100" } })).id;
    expect(await acmeUser.did.mine()).toEqual([]);
    await acmeAdmin.did.assign({ id, userId: acme.user.id });
    const mine = await acmeUser.did.mine();
    expect(mine.map((d) => [d.number, d.assignedToMe])).toEqual([["+12125550100", true]]);

    await platform.did.create({ number: "+1 415 555 0133", title: "Pool", tenantId: acme.tenant.id });
    // The unassigned pool does not reach the admin: it is not among "the fax numbers that reach you".
    expect(await acmeAdmin.did.mine()).toEqual([]);
    const pool = await getDb().did.findUniqueOrThrow({ where: { number: "+14155550133" } });
    await acmeAdmin.did.assign({ id: pool.id, userId: acme.admin.id });
    expect((await acmeAdmin.did.mine()).map((d) => d.number)).toEqual(["+14155550133"]);
    const filtered = await acmeAdmin.did.list({ search: "", page: 1, pageSize: 50, status: "mine" });
    expect(filtered.items.map((d) => d.number)).toEqual(["+14155550133"]);
    await acmeAdmin.did.assign({ id: pool.id, userId: null });
    expect((await acmeAdmin.did.list({ search: "", page: 1, pageSize: 50, status: "mine" })).total).toBe(0);
  });

  it("validates the forwarding address and lets only the number's user or an admin change it", async () => {
    const did = await getDb().did.findUniqueOrThrow({ where: { number: "+12125550100" } });
    await expect(acmeUser.did.setForward({ id: did.id, forward: "EMAIL", email: "not an email" })).rejects.toThrow(
      /Enter a valid email address/,
    );
    await expect(acmeUser.did.setForward({ id: did.id, forward: "EMAIL", email: "" })).rejects.toThrow(
      /Enter a valid email address/,
    );

    const set = await acmeUser.did.setForward({ id: did.id, forward: "EMAIL", email: " Me@Acme.Test " });
    expect(set).toMatchObject({ forward: "EMAIL", forwardEmail: "me@acme.test" });
    expect(
      await getDb().auditLog.count({ where: { entityId: did.id, action: "did.forward", tenantId: acme.tenant.id } }),
    ).toBe(1);

    const off = await acmeAdmin.did.setForward({ id: did.id, forward: "NONE", email: "ignored@acme.test" });
    expect(off).toMatchObject({ forward: "NONE", forwardEmail: null });

    // Another user of the same tenant may not change it; another tenant cannot even see it.
    const other = await getDb().user.create({
      data: { tenantId: acme.tenant.id, username: "acme-other", email: "other@acme.localhost", passwordHash: "x" },
    });
    const otherCaller = await callerFor(other.id, acme.hostname);
    await expect(otherCaller.did.setForward({ id: did.id, forward: "NONE", email: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(globexAdmin.did.setForward({ id: did.id, forward: "NONE", email: "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("deletes a number (platform only) with an audit entry", async () => {
    const did = await getDb().did.findUniqueOrThrow({ where: { number: "+14155550133" } });
    await expect(acmeAdmin.did.delete({ id: did.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await platform.did.delete({ id: did.id });
    expect(await getDb().did.findUnique({ where: { id: did.id } })).toBeNull();
    expect(await getDb().auditLog.count({ where: { entityId: did.id, action: "did.delete" } })).toBe(1);
  });
});
