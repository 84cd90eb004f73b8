/**
 * Removes a trunk; past fax attempts keep their records with the trunk link cleared. A FreeSWITCH
 * trunk's sofia gateway goes too, once the delete has committed.
 */
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { type GatewaySync, syncTrunkGateway } from "./sync-trunk-gateway";

export async function deleteTrunk(opts: { ctx: ActorContext; id: string }) {
  const { ctx } = opts;
  const { db } = ctx;
  const trunk = await db.trunk.findUnique({
    where: { id: opts.id },
    select: { id: true, name: true, driver: true },
  });
  if (!trunk) throw notFound("Trunk");
  await db.trunk.delete({ where: { id: trunk.id } });
  await ctx.audit({
    tenantId: null,
    action: "trunk.delete",
    entityType: "Trunk",
    entityId: trunk.id,
    details: { name: trunk.name },
  });
  const answer: { gatewaySync: GatewaySync | null } = { gatewaySync: null };
  ctx.afterCommit(async () => {
    answer.gatewaySync = await syncTrunkGateway({ before: trunk, after: null, sipPassword: () => null });
  });
  return answer;
}
