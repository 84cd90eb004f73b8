/**
 * The numbers that reach the caller: those assigned to them, for admins too (an organisation
 * admin finds the unassigned pool on the Fax numbers page, not among "your" numbers).
 */
import type { ActorContext } from "../db/run-in-scope";

export async function listMyDids(opts: { ctx: ActorContext }) {
  const { db, actor } = opts.ctx;
  const rows = await db.did.findMany({
    where: { userId: actor.id },
    orderBy: { number: "asc" },
    take: 1000,
    select: { id: true, number: true, title: true, userId: true, forward: true, forwardEmail: true },
  });
  return rows.map((r) => ({ ...r, assignedToMe: true }));
}
