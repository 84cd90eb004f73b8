/** Removes a trunk; past fax attempts keep their records with the trunk link cleared. */

import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";

export async function deleteTrunk(opts: { ctx: ActorContext; id: string }) {
  const { ctx } = opts;
  const { db } = ctx;
  const trunk = await db.trunk.findUnique({ where: { id: opts.id }, select: { id: true, name: true } });
  if (!trunk) throw notFound("Trunk");
  await db.trunk.delete({ where: { id: trunk.id } });
  await ctx.audit({
    tenantId: null,
    action: "trunk.delete",
    entityType: "Trunk",
    entityId: trunk.id,
    details: { name: trunk.name },
  });
}
