/** A platform admin vouches for a tenant's pending domain (e.g. after checking with the customer). */
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/scope";
import { notFound } from "../errors";
import { invalidateHostCache } from "./resolve-tenant";

export async function approveDomain(opts: {
  db: Tx;
  actor: Actor | null;
  tenantId: string;
  hostname: string;
  ip?: string;
}) {
  const domain = await opts.db.tenantDomain.findFirst({ where: { tenantId: opts.tenantId, hostname: opts.hostname } });
  if (!domain) throw notFound("Domain");
  if (domain.verifiedAt) return;
  await opts.db.tenantDomain.update({
    where: { id: domain.id },
    data: { verifiedAt: new Date(), verifiedBy: "PLATFORM" },
  });
  invalidateHostCache();
  await recordAudit(opts.db, {
    tenantId: opts.tenantId,
    actor: opts.actor,
    action: "branding.domain-approve",
    entityType: "TenantDomain",
    entityId: domain.id,
    details: { hostname: opts.hostname },
    ip: opts.ip,
  });
}
