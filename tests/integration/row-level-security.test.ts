/** The database itself keeps tenants apart: every table is under row-level security. */
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { withScope } from "../../server/db/scope";
import { makeTenant } from "../support/fixtures";

describe("row-level security", () => {
  it("is enabled, with a policy, on every application table", async () => {
    const rows = await getDb().$queryRaw<{ relname: string; relrowsecurity: boolean; policies: number }[]>`
      SELECT c.relname::text AS relname, c.relrowsecurity,
        (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`;
    const unprotected = rows.filter((r) => !r.relrowsecurity || r.policies === 0).map((r) => r.relname);
    expect(rows.length).toBeGreaterThan(20);
    expect(unprotected).toEqual([]);
  });

  it("hides other tenants' rows even from a query without a where clause", async () => {
    const a = await makeTenant("Rls A", "rls-a.localhost");
    const b = await makeTenant("Rls B", "rls-b.localhost");
    const seen = await withScope({ kind: "tenant", tenantId: b.tenant.id }, (tx) => tx.user.findMany());
    expect(seen.map((u) => u.tenantId)).toEqual([b.tenant.id, b.tenant.id]);
    expect(seen.some((u) => u.id === a.admin.id)).toBe(false);
  });

  it("refuses to write a row into another tenant", async () => {
    const a = await makeTenant("Rls C", "rls-c.localhost");
    const b = await makeTenant("Rls D", "rls-d.localhost");
    await expect(
      withScope({ kind: "tenant", tenantId: b.tenant.id }, (tx) =>
        tx.contact.create({ data: { tenantId: a.tenant.id, phone: "+12125550100" } }),
      ),
    ).rejects.toThrow(/row-level security/);
    const moved = await withScope({ kind: "tenant", tenantId: b.tenant.id }, (tx) =>
      tx.user.updateMany({ where: { id: a.admin.id }, data: { firstName: "Hacked" } }),
    );
    expect(moved.count).toBe(0);
  });
});
