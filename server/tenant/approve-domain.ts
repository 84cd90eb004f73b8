/** A platform admin vouches for a tenant's pending domain (e.g. after checking with the customer). */
import type { ScopedContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { invalidateHostCache } from "./resolve-tenant";
import { settleDomainChange } from "./tenant-domains";

export async function approveDomain(opts: { ctx: ScopedContext; tenantId: string; hostname: string }) {
  const { ctx } = opts;
  const { db } = ctx;
  const domain = await db.tenantDomain.findFirst({ where: { tenantId: opts.tenantId, hostname: opts.hostname } });
  if (!domain) throw notFound("Domain");
  if (domain.verifiedAt) return { hostname: opts.hostname, retired: [] as string[] };
  await db.tenantDomain.update({
    where: { id: domain.id },
    data: { verifiedAt: new Date(), verifiedBy: "PLATFORM" },
  });
  const retired = await settleDomainChange(db, opts.tenantId, opts.hostname);
  ctx.afterCommit(invalidateHostCache);
  await ctx.audit({
    tenantId: opts.tenantId,
    action: "branding.domain-approve",
    entityType: "TenantDomain",
    entityId: domain.id,
    details: { hostname: opts.hostname, ...(retired.length ? { retired } : {}) },
  });
  return { hostname: opts.hostname, retired };
}
