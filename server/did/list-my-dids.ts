/** The caller's own numbers; a tenant admin also sees the tenant's unassigned pool. */
import type { Prisma } from "@prisma/client";
import type { Tx } from "../db/scope";
import type { DidCaller } from "./did-view";

export async function listMyDids(opts: { db: Tx; caller: DidCaller }) {
  const { caller } = opts;
  const or: Prisma.DidWhereInput[] = [{ userId: caller.id }];
  if (caller.role === "TENANT_ADMIN" && caller.tenantId) or.push({ tenantId: caller.tenantId, userId: null });
  const rows = await opts.db.did.findMany({
    where: { OR: or },
    orderBy: { number: "asc" },
    take: 1000,
    select: { id: true, number: true, title: true, userId: true, forward: true, forwardEmail: true },
  });
  return rows.map((r) => ({ ...r, assignedToMe: r.userId === caller.id }));
}
