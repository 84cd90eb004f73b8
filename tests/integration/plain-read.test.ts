/**
 * Plain-SQL reads (`sql` beside `tx` in withScope): the same row-level security as Prisma's
 * transactions, UTC timestamps read back as they were written, and the request's own writes seen.
 */
import { beforeAll, describe, expect, it } from "vitest";

const { withScope } = await import("../../server/db/scope");
const { getDb } = await import("../../server/db/client");
const { makeTenant } = await import("../support/fixtures");

let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  a = await makeTenant("Plain Clinic A", "plain-a.localhost");
  b = await makeTenant("Plain Clinic B", "plain-b.localhost");
});

describe("a plain read", () => {
  it("runs as the scoped role in the caller's tenant: another tenant's rows are invisible without any WHERE", async () => {
    const seen = await withScope({ kind: "tenant", tenantId: a.tenant.id }, async (_tx, sql) => {
      const who = await sql<{ role: string; tenant: string }>(
        "SELECT current_user::text AS role, current_setting('app.tenant_id') AS tenant",
      );
      const tenants = await sql<{ id: string }>('SELECT id FROM "Tenant"');
      const users = await sql<{ tenantId: string }>('SELECT "tenantId" FROM "User"');
      return { who, tenants, users };
    });
    expect(seen.who).toEqual([{ role: "faxport_scoped", tenant: a.tenant.id }]);
    expect(seen.tenants.map((t) => t.id)).toEqual([a.tenant.id]);
    expect(seen.users.length).toBeGreaterThan(0);
    expect(seen.users.every((u) => u.tenantId === a.tenant.id)).toBe(true);
    expect(seen.users.some((u) => u.tenantId === b.tenant.id)).toBe(false);
  });

  it("a statement prepared on a connection in one tenant's scope still sees only the next caller's tenant", async () => {
    // Enough alternations for PostgreSQL to switch to a generic plan (after five executions).
    for (let i = 0; i < 8; i++) {
      for (const t of [a, b]) {
        const tenants = await withScope({ kind: "tenant", tenantId: t.tenant.id }, (_tx, sql) =>
          sql<{ id: string }>('SELECT id FROM "Tenant" WHERE name LIKE $1', ["Plain Clinic%"]),
        );
        expect(tenants.map((x) => x.id)).toEqual([t.tenant.id]);
      }
    }
  });

  it("reads timestamps as the UTC instants Prisma wrote", async () => {
    const written = await getDb().user.findUniqueOrThrow({ where: { id: a.admin.id }, select: { createdAt: true } });
    const [row] = await withScope({ kind: "tenant", tenantId: a.tenant.id }, (_tx, sql) =>
      sql<{ createdAt: Date }>('SELECT "createdAt" FROM "User" WHERE id = $1::uuid', [a.admin.id]),
    );
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(row?.createdAt.toISOString()).toBe(written.createdAt.toISOString());
  });

  it("sees the writes made earlier in the same scoped transaction, and none of them after a rollback", async () => {
    const marker = `plain-${Date.now()}`;
    const failure = new Error("roll back");
    let seenInside: number | undefined;
    await expect(
      withScope({ kind: "tenant", tenantId: a.tenant.id }, async (tx, sql) => {
        await tx.user.update({ where: { id: a.admin.id }, data: { lastName: marker } });
        [{ n: seenInside }] = (await sql<{ n: number }>('SELECT count(*)::int AS n FROM "User" WHERE "lastName" = $1', [
          marker,
        ])) as [{ n: number }];
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(seenInside).toBe(1);
    expect(await getDb().user.count({ where: { lastName: marker } })).toBe(0);
  });

  it("a scope that is not a plain UUID goes as a parameter: refused by the policies, never run as SQL", async () => {
    await expect(
      withScope({ kind: "tenant", tenantId: 'not-a-uuid\'; DROP TABLE "User"; --' }, (_tx, sql) =>
        sql('SELECT id FROM "Tenant"'),
      ),
    ).rejects.toThrow(/invalid input syntax for type uuid/);
    expect(await getDb().user.count()).toBeGreaterThan(0);
  });
});
