/** Company name, domain names, title and footer of a tenant's white-label portal. */
import type { BrandingUpdateInput } from "@/lib/schemas/branding";
import type { ActorContext } from "../db/run-in-scope";
import type { Tx } from "../db/scope";
import { conflict, isUniqueViolation, notFound } from "../errors";
import { invalidateHostCache } from "../tenant/resolve-tenant";
import { replaceDomains } from "../tenant/tenant-domains";

export async function updateBranding(opts: {
  ctx: ActorContext;
  tenantId: string;
  input: Omit<BrandingUpdateInput, "tenantId">;
  /** A platform admin's new domains are verified at once; a tenant admin's wait for proof. */
  byPlatformAdmin: boolean;
}) {
  const { ctx, input, tenantId } = opts;
  const { db } = ctx;
  const before = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { name: true, domainTitle: true, footerText: true, domains: { select: { hostname: true } } },
  });
  if (!before) throw notFound("Organisation");
  await db.tenant.update({
    where: { id: tenantId },
    data: { name: input.name, domainTitle: input.domainTitle || null, footerText: input.footerText || null },
  });
  await replaceDomainsAsOwner(db, tenantId, input.domains, opts.byPlatformAdmin);
  ctx.afterCommit(invalidateHostCache); // the tenant's domains show the new brand on their next request
  await ctx.audit({
    tenantId,
    action: "branding.update",
    entityType: "Tenant",
    entityId: tenantId,
    details: {
      name: input.name,
      domains: input.domains,
      domainTitle: input.domainTitle,
      footerText: input.footerText,
      previous: {
        name: before.name,
        domains: before.domains.map((d) => d.hostname),
        domainTitle: before.domainTitle,
        footerText: before.footerText,
      },
    },
  });
}

/**
 * Under a tenant admin's row-level security another tenant's domain is invisible, so
 * replaceDomains' friendly check passes and the database refuses instead: the unique index, or
 * the policy on the conflicting row. Both mean the same thing to the person.
 */
async function replaceDomainsAsOwner(db: Tx, tenantId: string, domains: string[], byPlatformAdmin: boolean) {
  try {
    await replaceDomains(db, tenantId, domains, { byPlatformAdmin });
  } catch (error) {
    if (isUniqueViolation(error) || isRowSecurityViolation(error)) {
      throw conflict("That domain name is already used by another organisation.", "domains");
    }
    throw error;
  }
}

function isRowSecurityViolation(error: unknown): boolean {
  return error instanceof Error && /row-level security/i.test(error.message);
}
