/** Removes a tenant's logo; its portal falls back to the company initials. */
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { invalidateHostCache } from "../tenant/resolve-tenant";

export async function removeLogo(opts: { ctx: ActorContext; tenantId: string }) {
  const { ctx } = opts;
  const { db } = ctx;
  const tenant = await db.tenant.findUnique({ where: { id: opts.tenantId }, select: { logoMimeType: true } });
  if (!tenant) throw notFound("Organisation");
  if (!tenant.logoMimeType) return; // nothing to remove, nothing to audit
  await db.tenant.update({
    where: { id: opts.tenantId },
    data: { logo: null, logoMimeType: null, logoUpdatedAt: null },
  });
  ctx.afterCommit(invalidateHostCache);
  await ctx.audit({
    tenantId: opts.tenantId,
    action: "branding.logo-remove",
    entityType: "Tenant",
    entityId: opts.tenantId,
    details: { previousMimeType: tenant.logoMimeType },
  });
}
