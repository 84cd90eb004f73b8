/** Deletes a tenant and everything it owns; its DIDs go back to the platform pool. */
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/scope";
import { notFound } from "../errors";
import { invalidateHostCache } from "./resolve-tenant";

export async function deleteTenant(opts: { db: Tx; actor: Actor; id: string; ip?: string }) {
  const tenant = await opts.db.tenant.findUnique({ where: { id: opts.id } });
  if (!tenant) throw notFound("Tenant");
  await opts.db.did.updateMany({
    where: { tenantId: opts.id },
    data: { tenantId: null, userId: null, forward: "NONE", forwardEmail: null },
  });
  await opts.db.tenant.delete({ where: { id: opts.id } });
  invalidateHostCache();
  await recordAudit(opts.db, {
    tenantId: null,
    actor: opts.actor,
    action: "tenant.delete",
    entityType: "Tenant",
    entityId: opts.id,
    details: { name: tenant.name },
    ip: opts.ip,
  });
}
