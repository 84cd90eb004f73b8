/** Removes a trunk; past fax attempts keep their records with the trunk link cleared. */
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { notFound } from "../db/errors";
import type { Tx } from "../db/scope";

export async function deleteTrunk(opts: { db: Tx; actor: Actor; id: string; ip?: string }) {
  const trunk = await opts.db.trunk.findUnique({ where: { id: opts.id }, select: { id: true, name: true } });
  if (!trunk) throw notFound("Trunk");
  await opts.db.trunk.delete({ where: { id: trunk.id } });
  await recordAudit(opts.db, {
    tenantId: null,
    actor: opts.actor,
    action: "trunk.delete",
    entityType: "Trunk",
    entityId: trunk.id,
    details: { name: trunk.name },
    ip: opts.ip,
  });
}
