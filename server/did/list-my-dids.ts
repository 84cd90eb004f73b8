/** The caller's own numbers; a tenant admin also sees the tenant's unassigned pool. */
import type { Prisma } from "@prisma/client";
import type { ActorContext } from "../db/run-in-scope";

export async function listMyDids(opts: { ctx: ActorContext }) {
  const { db, actor } = opts.ctx;
  const or: Prisma.DidWhereInput[] = [{ userId: actor.id }];
  if (actor.role === "TENANT_ADMIN" && actor.tenantId) or.push({ tenantId: actor.tenantId, userId: null });
  const rows = await db.did.findMany({
    where: { OR: or },
    orderBy: { number: "asc" },
    take: 1000,
    select: { id: true, number: true, title: true, userId: true, forward: true, forwardEmail: true },
  });
  return rows.map((r) => ({ ...r, assignedToMe: r.userId === actor.id }));
}
