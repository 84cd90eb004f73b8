/** Removes a tenant's logo; its portal falls back to the company initials. */
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/scope";
import { notFound } from "../errors";
import { invalidateHostCache } from "../tenant/resolve-tenant";

export async function removeLogo(opts: { db: Tx; actor: Actor; tenantId: string; ip?: string }) {
  const tenant = await opts.db.tenant.findUnique({ where: { id: opts.tenantId }, select: { logoMimeType: true } });
  if (!tenant) throw notFound("Tenant");
  if (!tenant.logoMimeType) return; // nothing to remove, nothing to audit
  await opts.db.tenant.update({
    where: { id: opts.tenantId },
    data: { logo: null, logoMimeType: null, logoUpdatedAt: null },
  });
  invalidateHostCache();
  await recordAudit(opts.db, {
    tenantId: opts.tenantId,
    actor: opts.actor,
    action: "branding.logo-remove",
    entityType: "Tenant",
    entityId: opts.tenantId,
    details: { previousMimeType: tenant.logoMimeType },
    ip: opts.ip,
  });
}
